using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Huiqi.Store;
using Huiqi.Store.Import;
using Huiqi.Supervision.Libraries;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Huiqi.Web.Tests.Http;

/// <summary>
/// The xlsx uploads stay bounded (issue 13, defect 5): a file over its kind's size cap is refused before it is read,
/// a sheet over the row cap is refused naming the cap, a sheet of many bad rows lists the first 100 with the total and
/// the whole list downloads as xlsx; and the exports write formula-like text with a leading ' (defect 10).
/// </summary>
public sealed partial class UploadTests(Apps apps) : IClassFixture<Apps>
{
    public static TheoryData<Db> Engines => Apps.Engines();

    private static byte[] Xlsx(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var buffer = new MemoryStream();
        buffer.SaveAs(rows);
        return buffer.ToArray();
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string page, HttpContent file)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await Forms.TokenAsync(client, page)), "__RequestVerificationToken" },
        };
        file.Headers.ContentType = new MediaTypeHeaderValue(Workbooks.ContentType);
        form.Add(file, "file", "upload.xlsx");
        return await client.PostAsync($"{page}?handler=Upload", form);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_sheet_of_many_bad_rows_lists_100_errors_with_the_total_and_the_whole_list_downloads(Db db)
    {
        var app = await apps.GetAsync(db);
        using var city = await app.SignedInAsync("city-review");
        // One error a row: 当月值 is not a number. 10,000 rows is the watchlist's row cap.
        var rows = Enumerable.Range(0, ImportLimits.Watchlist.MaxRows).Select(i => new Dictionary<string, object?>
        {
            ["统一社会信用代码"] = "91410100MA0000000X", ["企业名称"] = "", ["指标"] = "营业收入", ["年度"] = 2024, ["月份"] = 6, ["当月值"] = $"约{i}万",
        });

        var response = await UploadAsync(city, "/monitoring/watchlist", new ByteArrayContent(Xlsx(rows)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("共 10000 处错误，以下列出前 100 处", html, StringComparison.Ordinal);
        var errors = Regex.Match(html, "<div class=\"error\" id=\"errors\">(.*?)</div>", RegexOptions.Singleline).Groups[1].Value;
        Assert.True(errors.Length < 20_000, $"the errors take {errors.Length} characters");
        Assert.Equal(100, Regex.Matches(errors, "<li>").Count);
        Assert.Contains("<li>第 2 行「当月值」列（约0万）：应为数字</li>", errors, StringComparison.Ordinal);
        Assert.Contains("<li>第 101 行「当月值」列（约99万）：应为数字</li>", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("第 102 行", errors, StringComparison.Ordinal);

        var link = DownloadLink().Match(html);
        Assert.True(link.Success, "no download link for the whole list");
        var download = await city.GetAsync(link.Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Workbooks.ContentType, download.Content.Headers.ContentType?.MediaType);
        var list = MiniExcel.Query(new MemoryStream(await download.Content.ReadAsByteArrayAsync()), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["行", "列", "错误"], list[0].Keys);
        Assert.Equal(10_000, list.Count);
        Assert.Equal((10_001d, "当月值", "“约9999万”：应为数字"), (Convert.ToDouble(list[^1]["行"], System.Globalization.CultureInfo.InvariantCulture), (string?)list[^1]["列"], (string?)list[^1]["错误"]));

        // The list is its uploader's: another account gets nothing.
        using var other = await app.SignedInAsync("jinshui-review");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(link.Groups[1].Value)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_sheet_of_166000_bad_rows_is_refused_at_the_row_cap_naming_it(Db db)
    {
        var app = await apps.GetAsync(db);
        using var city = await app.SignedInAsync("city-review");
        // Only the figure filled (the rest blank keeps the file under the 5 MB cap): every row is bad.
        var rows = Enumerable.Range(0, 166_000).Select(_ => new Dictionary<string, object?>
        {
            ["区县"] = null, ["指标"] = null, ["单位"] = null, ["年度"] = null, ["月份"] = null, ["1至本月累计值"] = "九点一",
        });
        var file = Xlsx(rows);
        Assert.InRange(file.Length, 0, ImportLimits.MonthlyReports.MaxBytes);

        var response = await UploadAsync(city, "/monitoring/reports", new ByteArrayContent(file));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(html.Length < 500_000, $"the page is {html.Length} characters");
        Assert.Contains("第 4082 行：表格超过区县月报的行数上限：每个工作表最多 4,080 行数据，已停止读取，未导入任何数据；请分批导入", html, StringComparison.Ordinal);
        Assert.Contains("共 1 处错误", html, StringComparison.Ordinal);
        // The form states the caps before anyone uploads.
        Assert.Contains("文件不超过 5 MB，数据不超过 4,080 行", WebUtility.HtmlDecode(await city.GetStringAsync("/monitoring/reports")), StringComparison.Ordinal);
    }

    /// <summary>A body of zeros of a given length that counts what the server took of it.</summary>
    private sealed class Zeros(long length, bool announced) : HttpContent
    {
        public long Taken { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = new byte[64 * 1024];
            while (Taken < length)
            {
                var n = (int)Math.Min(chunk.Length, length - Taken);
                await stream.WriteAsync(chunk.AsMemory(0, n));
                Taken += n;
            }
        }

        protected override bool TryComputeLength(out long length1)
        {
            length1 = length;
            return announced;
        }
    }

    [Theory]
    [InlineData("/monitoring/reports", true)]
    [InlineData("/monitoring/watchlist", false)]
    [InlineData("/tasks/report", true)]
    public async Task An_upload_over_the_size_cap_is_refused_without_reading_it(string page, bool announced)
    {
        var app = await apps.GetAsync(Db.Sqlite);
        using var city = await app.SignedInAsync("city-review");
        const long Sixty = 60L * 1024 * 1024;
        var body = new Zeros(Sixty, announced);

        var response = await UploadAsync(city, page, body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("的大小上限 5 MB，已停止读取，未导入任何数据", html, StringComparison.Ordinal);
        // Announced as 60 MB: refused before the body is read (what the client wrote is what the transport buffers).
        // Sent without a length: read no further than the cap, the form's allowance and the transport's buffer.
        Assert.InRange(body.Taken, 0, announced ? 1024 * 1024 : ImportLimits.Watchlist.MaxBytes + Huiqi.Web.Uploads.XlsxUploadAttribute.FormAllowance + (1024 * 1024));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_removal_reason_written_as_a_formula_exports_with_a_leading_quote(Db db)
    {
        var app = await apps.GetAsync(db);
        var register = app.Services.GetRequiredService<LibraryRegister>();
        LibraryMembershipRow? member = null;
        await foreach (var m in register.AllAsync(Actor.System("test"), new LibraryFilter()))
        {
            if (m.Active && m.Library == LibraryDefinitions.Listing)
            {
                member = m;
                break;
            }
        }

        Assert.NotNull(member);
        const string Reason = "=HYPERLINK(\"http://evil.example/\",\"查看\")";
        await register.RemoveAsync(Actor.DistrictReviewerOf(member.District, "test"), member.Library, member.Uscc, Reason, (await register.LatestYearAsync())!.Value, "test");

        using var district = await app.SignedInAsync(HuiqiApp.Slug(member.District) + "-review");
        var export = await district.GetAsync("/libraries?handler=Export&status=all");
        var list = MiniExcel.Query(new MemoryStream(await export.Content.ReadAsByteArrayAsync()), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var removed = list.Where(r => (string?)r["统一社会信用代码"] == member.Uscc && (string?)r["状态"] == "已出库").Select(r => r["入库（出库）理由"]);
        Assert.Contains("'" + Reason, removed);
        Assert.DoesNotContain(Reason, removed);
    }

    [GeneratedRegex("href=\"(/uploads/errors/[0-9a-f]{32})\" id=\"errors-download\"")]
    private static partial Regex DownloadLink();
}

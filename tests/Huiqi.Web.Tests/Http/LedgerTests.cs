using System.Net;
using Huiqi.Store;
using Huiqi.Supervision.Libraries;
using Huiqi.Supervision.Tasks;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Huiqi.Web.Tests.Http;

/// <summary>
/// The supervision ledger over HTTP, on both engines: the demo ledger is there on a fresh start; a district reviewer
/// manages its own district's library members and reports for its own task lines only; the library list and the
/// monthly bulletin export with Chinese headers.
/// </summary>
public sealed class LedgerTests(Apps apps) : IClassFixture<Apps>
{
    public static TheoryData<Db> Engines => Apps.Engines();

    private static async Task<LibraryMembershipRow> ActiveMemberAsync(HuiqiApp app, Func<LibraryMembershipRow, bool> where)
    {
        var register = app.Services.GetRequiredService<LibraryRegister>();
        await foreach (var m in register.AllAsync(Actor.System("test"), new LibraryFilter()))
        {
            if (where(m))
            {
                return m;
            }
        }

        throw new InvalidOperationException("no such member in the demo ledger");
    }

    private static string ReviewerOtherThan(string district) => HuiqiApp.Slug(district == "金水区" ? "二七区" : "金水区") + "-review";

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_district_reviewer_cannot_add_or_remove_another_districts_enterprise(Db db)
    {
        var app = await apps.GetAsync(db);
        var member = await ActiveMemberAsync(app, m => m.District is not "金水区" and not "二七区");
        var reviewer = ReviewerOtherThan(member.District);
        using var client = await app.SignedInAsync(reviewer);

        // Its history page and its removal are not found for another district.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/libraries/{member.Library}/{member.Uscc}")).StatusCode);
        var remove = await Forms.PostAsync(client, "/libraries", $"/libraries/{member.Library}/{member.Uscc}?handler=Remove", new Dictionary<string, string> { ["reason"] = "试图越权出库" });
        Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);

        // An addition of another district's enterprise is refused, in Chinese.
        var add = await Forms.PostAsync(client, "/libraries", "/libraries?handler=Add", new Dictionary<string, string>
        {
            ["library"] = LibraryDefinitions.Listing, ["uscc"] = member.Uscc, ["reason"] = "试图越权入库",
        });
        Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(add.Headers.Location!.ToString()));
        Assert.Contains($"本辖区没有统一社会信用代码为“{member.Uscc}”的企业", page, StringComparison.Ordinal);

        var register = app.Services.GetRequiredService<LibraryRegister>();
        var after = (await register.HistoryAsync(Actor.System("test"), member.Library, member.Uscc))!;
        Assert.True(after.Active);
        Assert.DoesNotContain(after.Events, e => e.By == reviewer);
        Assert.DoesNotContain((await register.OfEnterpriseAsync(member.Uscc)), m => m.Events.Any(e => e.By == reviewer));

        // The district of the member may take it out, with a reason that then shows in its history.
        using var own = await app.SignedInAsync(HuiqiApp.Slug(member.District) + "-review");
        var removed = await Forms.PostAsync(own, "/libraries", $"/libraries/{member.Library}/{member.Uscc}?handler=Remove", new Dictionary<string, string> { ["reason"] = "企业已迁出本区" });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var history = WebUtility.HtmlDecode(await own.GetStringAsync($"/libraries/{member.Library}/{member.Uscc}"));
        Assert.Contains("企业已迁出本区", history, StringComparison.Ordinal);
        Assert.Contains($"人工（{member.District}工信部门）", history, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_district_reviewer_reports_for_its_own_task_lines_only(Db db)
    {
        var app = await apps.GetAsync(db);
        var ledger = app.Services.GetRequiredService<TaskLedger>();
        using var client = await app.SignedInAsync("jinshui-review");

        var theirs = new Dictionary<string, string>
        {
            ["task"] = "zzb2022-zjtx/2", ["unit"] = "二七区", ["month"] = ledger.ThisMonth, ["status"] = ProgressStatus.Done, ["percent"] = "100", ["text"] = "越权代填",
        };
        var refused = await Forms.PostAsync(client, "/tasks/report", "/tasks/report", theirs);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("无权为“二七区”填报", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var line = (await ledger.LinesAsync(Actor.System("test"), ledger.ThisMonth, new TaskFilter { Unit = "二七区" })).Single(l => l.TaskId == "zzb2022-zjtx/2");
        Assert.NotEqual("越权代填", line.LastText);

        // A city unit is not theirs either; their own district's line is.
        theirs["unit"] = "市工信局";
        Assert.Equal(HttpStatusCode.BadRequest, (await Forms.PostAsync(client, "/tasks/report", "/tasks/report", theirs)).StatusCode);
        theirs["unit"] = "金水区";
        theirs["text"] = "金水区已完成目标分解";
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(client, "/tasks/report", "/tasks/report", theirs)).StatusCode);
        var mine = (await ledger.LinesAsync(Actor.DistrictReviewerOf("金水区", "test"), ledger.ThisMonth)).Single(l => l.TaskId == "zzb2022-zjtx/2");
        Assert.Equal(("已完成", "金水区已完成目标分解", "jinshui-review"), (mine.StatusName, mine.LastText, mine.LastBy));

        // The template lists only its district's lines; a district's finance account reports nothing.
        var template = await client.GetByteArrayAsync("/tasks/report?handler=Template");
        var rows = MiniExcel.Query(new MemoryStream(template), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("金水区", r["填报单位"]));
        using var finance = await app.SignedInAsync("jinshui-finance");
        var denied = await finance.GetAsync("/tasks/report");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/Account/AccessDenied", denied.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task The_bulletin_and_the_library_list_export_with_Chinese_headers(Db db)
    {
        var app = await apps.GetAsync(db);
        using var client = await app.SignedInAsync("city-review");

        var bulletin = await client.GetAsync("/tasks/bulletin?handler=Export");
        Assert.Equal(HttpStatusCode.OK, bulletin.StatusCode);
        var xlsx = new MemoryStream(await bulletin.Content.ReadAsByteArrayAsync());
        Assert.Equal(["汇总", "各单位", "逾期任务", "停滞任务", "本月进展"], MiniExcel.GetSheetNames(xlsx));
        var units = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "各单位").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["单位", "任务条数", "未开始", "推进中", "已完成", "停滞", "未报送", "逾期", "停滞预警", "本月报送"], units[0].Keys);
        Assert.Contains(units, u => (string?)u["单位"] == "市工信局");
        var overdue = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "逾期任务").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["任务编号", "任务名称", "单位", "完成时限", "进展状态", "完成进度（%）", "最近报送月份", "说明"], overdue[0].Keys);
        Assert.Contains(overdue, r => ((string?)r["说明"])?.StartsWith("逾期", StringComparison.Ordinal) == true);

        // A district's library export holds its own members only, with Chinese headers.
        var member = await ActiveMemberAsync(app, _ => true);
        using var district = await app.SignedInAsync(HuiqiApp.Slug(member.District) + "-review");
        var export = await district.GetAsync("/libraries?handler=Export&status=all");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var list = MiniExcel.Query(new MemoryStream(await export.Content.ReadAsByteArrayAsync()), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["序号", "培育库", "层级", "企业名称", "统一社会信用代码", "所属区县", "状态", "入库年度", "出库年度", "入库方式", "入库（出库）理由"], list[0].Keys);
        Assert.All(list, r => Assert.Equal(member.District, r["所属区县"]));
        Assert.Contains(list, r => (string?)r["统一社会信用代码"] == member.Uscc);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Library_sizes_on_the_dashboard_follow_the_history_and_the_enterprise_sees_its_badge(Db db)
    {
        var app = await apps.GetAsync(db);
        var register = app.Services.GetRequiredService<LibraryRegister>();
        var year = (await register.LatestYearAsync())!.Value;
        var listing = LibraryDefinitions.Label(LibraryDefinitions.Listing, null);
        using var city = await app.SignedInAsync("city-review");
        async Task<int> ListingAtYearEndAsync()
        {
            var export = await city.GetAsync("/dashboard?handler=Export&part=libraries");
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            var rows = MiniExcel.Query(new MemoryStream(await export.Content.ReadAsByteArrayAsync()), useHeaderRow: true).Cast<IDictionary<string, object?>>();
            return Convert.ToInt32(rows.Single(r => (string?)r["培育库"] == listing)[$"{year}年末（家）"], System.Globalization.CultureInfo.InvariantCulture);
        }

        // The demo ledger has three years of selections: the dashboard charts each year's end from the history.
        var page = await city.GetStringAsync("/dashboard");
        Assert.Contains("id=\"library-sizes\"", page, StringComparison.Ordinal);
        Assert.Contains($"{year - 2} 年末", page, StringComparison.Ordinal);
        var before = await ListingAtYearEndAsync();

        // A district adds one of its enterprises by hand: one more at the year's end, and the enterprise sees the badge.
        var (uscc, district) = (null as string, "");
        foreach (var a in await app.EnterpriseAccountsAsync())
        {
            if (uscc is null && !(await register.OfEnterpriseAsync(a.Uscc)).Any(m => m.Library == LibraryDefinitions.Listing && m.Active))
            {
                (uscc, district) = a;
            }
        }

        Assert.NotNull(uscc);
        using var reviewer = await app.SignedInAsync(HuiqiApp.Slug(district) + "-review");
        var add = await Forms.PostAsync(reviewer, "/libraries", "/libraries?handler=Add", new Dictionary<string, string>
        {
            ["library"] = LibraryDefinitions.Listing, ["uscc"] = uscc, ["reason"] = "已完成股改，辅导备案中",
        });
        Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        Assert.Equal(before + 1, await ListingAtYearEndAsync());

        using var enterprise = await app.SignedInAsync(uscc);
        var portal = WebUtility.HtmlDecode(await enterprise.GetStringAsync("/enterprise/" + uscc));
        Assert.Contains($"{listing} · {year}年起（人工入库）", portal, StringComparison.Ordinal);
        Assert.Contains("已完成股改，辅导备案中", portal, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/libraries/", portal, StringComparison.Ordinal);

        // Taken out again: back to where it was, and the badge says so.
        var removed = await Forms.PostAsync(reviewer, "/libraries", $"/libraries/{LibraryDefinitions.Listing}/{uscc}?handler=Remove", new Dictionary<string, string> { ["reason"] = "暂缓上市" });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(before, await ListingAtYearEndAsync());
        Assert.Contains($"{LibraryDefinitions.Name(LibraryDefinitions.Listing)}：{year}年出库", WebUtility.HtmlDecode(await enterprise.GetStringAsync("/enterprise/" + uscc)), StringComparison.Ordinal);
    }
}

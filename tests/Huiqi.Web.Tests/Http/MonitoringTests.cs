using System.Net;
using System.Text.RegularExpressions;
using Huiqi.Supervision.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Huiqi.Web.Tests.Http;

/// <summary>
/// Monitoring over HTTP on both databases: a district reports for itself only; the city's dashboard lists every
/// Annex 1 target with its actual and status; the exports open with Chinese headers.
/// </summary>
public sealed partial class MonitoringTests(Apps apps) : IClassFixture<Apps>
{
    public static TheoryData<Db> Engines => Apps.Engines();

    private static async Task<decimal?> ReportedAsync(HuiqiApp app, string district, string indicator, int year, int month)
    {
        var reports = app.Services.GetRequiredService<MonthlyReports>();
        return (await reports.ListAsync(district)).FirstOrDefault(r => r.Indicator == indicator && r.Year == year && r.Month == month)?.Value;
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_district_reviewer_reports_for_its_own_district_only(Db db)
    {
        var app = await apps.GetAsync(db);
        using var client = await app.SignedInAsync("jinshui-review");
        const string indicator = "规上工业增加值增速";
        // 2021 has no demo reports (the demo reports each target's own year, 2020 for Annex 1), so nothing is there before.
        var own = await Forms.PostAsync(client, "/monitoring/reports", "/monitoring/reports?handler=Save", new Dictionary<string, string>
        {
            ["District"] = "金水区", ["Year"] = "2021", ["Month"] = "3", [$"Values[{indicator}]"] = "4.2",
        });
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("已保存：新增 1 项", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(4.2m, await ReportedAsync(app, "金水区", indicator, 2021, 3));

        // The same form posted for 二七区 is refused, and nothing is written for 二七区.
        var other = await Forms.PostAsync(client, "/monitoring/reports", "/monitoring/reports?handler=Save", new Dictionary<string, string>
        {
            ["District"] = "二七区", ["Year"] = "2021", ["Month"] = "3", [$"Values[{indicator}]"] = "9.9",
        });
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains("只能报送本区县（金水区）的指标", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await ReportedAsync(app, "二七区", indicator, 2021, 3));

        // Without the antiforgery token the post does not reach the handler.
        var forged = await Forms.PostAsync(client, "/monitoring/reports", "/monitoring/reports?handler=Save", new Dictionary<string, string>
        {
            ["District"] = "金水区", ["Year"] = "2021", ["Month"] = "4", [$"Values[{indicator}]"] = "1",
        }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null(await ReportedAsync(app, "金水区", indicator, 2021, 4));

        // A district's finance bureau reads but does not report.
        using var finance = await app.SignedInAsync("jinshui-finance");
        Assert.DoesNotContain("report-form", await finance.GetStringAsync("/monitoring/reports"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task The_city_dashboard_lists_all_64_Annex_1_targets_with_actual_and_status(Db db)
    {
        var app = await apps.GetAsync(db);
        using var client = await app.SignedInAsync("city-review");
        var html = await client.GetStringAsync("/dashboard?year=2020");
        var rows = TargetRow().Matches(html).Where(m => m.Groups["source"].Value == "19号文附件1").ToList();
        // Annex 1: 16 districts × 4 indicators.
        Assert.Equal(64, rows.Count);
        Assert.Equal(16, rows.Select(r => r.Groups["scope"].Value).Distinct().Count());
        // Every row has an actual (demo reports for the three rates; the registry's count of 2020 entries) and a status.
        Assert.All(rows, r => Assert.NotEqual("—", r.Groups["actual"].Value.Trim()));
        Assert.All(rows, r => Assert.Matches("已达标|序时达标|落后", r.Groups["status"].Value));
        // The demo makes some districts fall short; they are listed with how much they are short by.
        Assert.Contains(rows, r => r.Groups["status"].Value.Contains("落后", StringComparison.Ordinal));
        Assert.Matches("差 [0-9.]+ 个百分点", html);

        // A district user sees its own targets only.
        using var district = await app.SignedInAsync("jinshui-review");
        var own = TargetRow().Matches(await district.GetStringAsync("/dashboard?year=2020")).ToList();
        Assert.Equal(4, own.Count);
        Assert.All(own, r => Assert.Equal("金水区", r.Groups["scope"].Value));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Dashboard_exports_open_with_Chinese_headers(Db db)
    {
        var app = await apps.GetAsync(db);
        using var client = await app.SignedInAsync("city-review");
        foreach (var (part, header) in new[] { ("targets", "目标值"), ("behind", "差距"), ("awards", "金额（元）"), ("libraries", "培育库"), ("warnings", "内容") })
        {
            var response = await client.GetAsync($"/dashboard?handler=Export&part={part}&year=2020");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
            await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
            var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
            Assert.NotEmpty(rows);
            Assert.Contains(header, rows[0].Keys);
        }

        var template = await client.GetAsync("/monitoring/reports?handler=Template&district=" + Uri.EscapeDataString("金水区") + "&year=2020&month=6");
        await using var t = new MemoryStream(await template.Content.ReadAsByteArrayAsync());
        var sheet = t.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(MonthlyReports.Columns, sheet[0].Keys);
        // 金水区 reports the three Annex 1 rates (its fourth, new entries, is counted from the registry).
        Assert.Equal(["规上工业增加值增速", "规上制造业增加值增速", "工业投资增速"], sheet.Select(r => (string)r["指标"]!));
    }

    [GeneratedRegex("<tr class=\"[^\"]*\">\\s*<td class=\"nowrap\">(?<source>[^<]+)</td><td>(?<scope>[^<]+)</td><td>[^<]+</td>\\s*<td[^>]*>[^<]*</td>\\s*<td class=\"num actual\">(?<actual>[^<]*)</td>.*?<td class=\"nowrap status\">(?<status>.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex TargetRow();
}

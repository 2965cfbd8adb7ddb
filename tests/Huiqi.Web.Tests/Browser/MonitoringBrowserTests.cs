using Microsoft.Playwright;
using MiniExcelLibs;

namespace Huiqi.Web.Tests.Browser;

/// <summary>
/// The monthly report and its consequence, in Chromium as a district's reviewer and the city's leader do it: 中原区
/// reports by the form and by an xlsx made from the downloaded template; its shortfall then shows on the dashboard
/// as a warning with how much it is short by.
/// </summary>
[Collection("browser")]
public sealed class MonitoringBrowserTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    private const string District = "中原区";

    [BrowserFact]
    public async Task A_district_reports_by_form_and_by_xlsx_and_its_shortfall_warns_on_the_dashboard()
    {
        var page = await fx.NewPageAsync();
        await fx.SignInAsync(page, HuiqiApp.Slug(District) + "-review");
        await page.ClickAsync("header nav >> text=区县月报");
        await page.FillAsync("#choose input[name=year]", "2020");
        await page.FillAsync("#choose input[name=month]", "12");
        await page.ClickAsync("#choose button[type=submit]");
        await page.WaitForSelectorAsync("#report-form");
        Assert.Contains("填报 中原区 2020 年 12 月", await page.InnerTextAsync("#report-form h3"), StringComparison.Ordinal);

        // The form: Annex 1 sets 中原区's 规上工业增加值 growth at 5%; the year ends at 2%.
        await page.FillAsync("input[name='Values[规上工业增加值增速]']", "2");
        await page.ClickAsync("#report-submit");
        await page.WaitForSelectorAsync("#saved");
        Assert.Contains("已保存", await page.InnerTextAsync("#saved"), StringComparison.Ordinal);
        Assert.Contains("差 3 个百分点", await page.InnerTextAsync("main"), StringComparison.Ordinal);

        // The xlsx: the template of the month, 工业投资增速 filled (Annex 1: 10% for 中原区; the year ends at 6.5%).
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#template"));
        var template = await download.PathAsync();
        List<Dictionary<string, object?>> rows;
        using (var read = File.OpenRead(template!))
        {
            rows = [.. read.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Select(r => new Dictionary<string, object?>(r))];
        }

        Assert.All(rows, r => Assert.Equal(District, r["区县"]));
        foreach (var r in rows)
        {
            r["1至本月累计值"] = (string)r["指标"]! == "工业投资增速" ? 6.5m : null;
        }

        var filled = Path.Combine(Path.GetTempPath(), $"月报-{Guid.NewGuid():N}.xlsx");
        await MiniExcel.SaveAsAsync(filled, rows);
        await page.SetInputFilesAsync("#upload-file", filled);
        await page.ClickAsync("#upload-submit");
        await page.WaitForSelectorAsync("#saved");
        Assert.Contains("已保存", await page.InnerTextAsync("#saved"), StringComparison.Ordinal);
        Assert.Contains("6.5%", await page.InnerTextAsync("#reported"), StringComparison.Ordinal);
        await fx.ScreenshotAsync(page, "monthly-report.png");
        File.Delete(filled);

        // A sheet with a bad figure is refused whole, row and column named.
        foreach (var r in rows)
        {
            r["1至本月累计值"] = (string)r["指标"]! == "工业投资增速" ? "七" : null;
        }

        var bad = Path.Combine(Path.GetTempPath(), $"月报-{Guid.NewGuid():N}.xlsx");
        await MiniExcel.SaveAsAsync(bad, rows);
        await page.SetInputFilesAsync("#upload-file", bad);
        await page.ClickAsync("#upload-submit");
        await page.WaitForSelectorAsync("#errors");
        Assert.Contains("「1至本月累计值」列（七）：应为数字", await page.InnerTextAsync("#errors"), StringComparison.Ordinal);
        File.Delete(bad);

        // The district's dashboard, then the city's: the shortfall is a warning, with the amount. The dashboard opens on
        // the targets in force (zzb2022-zjtx's 2025); the reports above are for 2020's, chosen on its year switch.
        await page.ClickAsync("header nav >> text=监测看板");
        await TargetYearAsync(page, "2020");
        Assert.Contains("中原区 规上工业增加值增速 2020年全年 2%，低于目标 5%，差 3 个百分点", await page.InnerTextAsync("#warnings"), StringComparison.Ordinal);

        var city = await fx.NewPageAsync();
        await fx.SignInAsync(city, "city-review");
        await city.ClickAsync("header nav >> text=监测看板");
        await TargetYearAsync(city, "2020");
        await city.WaitForSelectorAsync("#behind");
        Assert.Contains("中原区 工业投资增速 2020年全年 6.5%，低于目标 10%，差 3.5 个百分点", await city.InnerTextAsync("#warnings"), StringComparison.Ordinal);
        var behind = await city.Locator("#behind tbody tr").AllInnerTextsAsync();
        Assert.Contains(behind, r => r.Contains(District, StringComparison.Ordinal) && r.Contains("差 3 个百分点", StringComparison.Ordinal));
        Assert.True(await city.Locator("figure.chart").CountAsync() >= 4);
        await fx.ScreenshotAsync(city, "dashboard-city.png");
    }

    /// <summary>Chooses the dashboard's target year on its switch (目标年度), which opens on the targets in force.</summary>
    private static async Task TargetYearAsync(IPage page, string year)
    {
        await page.WaitForSelectorAsync("#dashboard-filters");
        Assert.Contains("（现行目标）", await page.InnerTextAsync("#dashboard-filters select[name=year] option:checked"), StringComparison.Ordinal);
        await page.SelectOptionAsync("#dashboard-filters select[name=year]", year);
        await page.ClickAsync("#dashboard-filters button[type=submit]");
        await page.WaitForURLAsync($"**/dashboard?year={year}*");
        await page.WaitForSelectorAsync("#warnings");
    }
}

using Microsoft.Playwright;
using MiniExcelLibs;

namespace Huiqi.Web.Tests.Browser;

/// <summary>
/// The new user, in Chromium: a city finance officer asks what extending zz2023-23 to 2027 would cost and which
/// districts pay it, reads the district chart and table, and downloads the detail. A screenshot of the report is saved
/// under artifacts/screenshots/simulation.png.
/// </summary>
[Collection("browser")]
public sealed class SimulationBrowserTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task A_city_finance_officer_costs_extending_zz2023_23_and_downloads_the_detail()
    {
        await SimulationPopulation.AddGrowingEnterpriseAsync(fx.App.Services);
        var page = await fx.NewPageAsync();
        await fx.SignInAsync(page, "city-finance");
        await page.ClickAsync("header nav >> text=政策测算");
        await page.SelectOptionAsync("#reform", "extend-zz2023-23");
        await page.SelectOptionAsync("#year", "2026");
        await page.ClickAsync("#run");
        await page.WaitForSelectorAsync("#totals");
        Assert.Matches("/simulation/runs/[0-9]+$", page.Url);

        // The one enterprise that grows past 50亿 in 2026 gains 200万 under zz2023-23/5, paid by the city.
        Assert.Equal("+200万元", (await page.InnerTextAsync("#total-delta")).Trim());
        Assert.True(await page.IsVisibleAsync("#by-district svg"));
        var row = page.Locator("#by-district table tr", new PageLocatorOptions { HasText = SimulationPopulation.District });
        Assert.Equal("+2,000,000", (await row.Locator("td").Nth(3).InnerTextAsync()).Trim());
        Assert.Contains(SimulationPopulation.Name, await page.InnerTextAsync("#top-gainers"), StringComparison.Ordinal);
        await fx.ScreenshotAsync(page, "simulation.png");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export"));
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        var detail = MiniExcel.Query(path, useHeaderRow: true, sheetName: "明细", excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>().ToList();
        var line = Assert.Single(detail);
        Assert.Equal(SimulationPopulation.District, line["所属区县"]);
        Assert.Equal(2_000_000m, Convert.ToDecimal(line["增减（元）"], System.Globalization.CultureInfo.InvariantCulture));
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Huiqi.Simulation;
using Huiqi.Simulation.Runs;
using Huiqi.Web.Pages;
using Huiqi.Web.Pages.Simulation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Huiqi.Web.Tests.Http;

/// <summary>
/// Policy simulation on the web (政策测算), on both databases: the city finance bureau costs extending zz2023-23, the
/// page says what <see cref="ReformSimulation"/> says on the same registry, the run is kept, reproduces and exports;
/// the districts and enterprises are kept out; a reform with a fault is shown with its line and nothing is stored.
/// </summary>
public sealed partial class SimulationTests(Apps apps) : IClassFixture<Apps>
{
    public static TheoryData<Db> Engines => Apps.Engines();

    private const int Year = 2026;

    private static async Task<int> RunsAsync(HuiqiApp app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SimulationRunsDbContext>>().CreateDbContextAsync();
        return await db.SimulationRuns.CountAsync();
    }

    /// <summary>Runs a shipped reform from the page as a browser posts the form; answers the stored run's page.</summary>
    private static async Task<string> RunAsync(HttpClient client, string reform, int year)
    {
        var response = await Forms.PostAsync(client, "/simulation", "/simulation",
            new Dictionary<string, string> { ["Reform"] = reform, ["Year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var location = response.Headers.Location!.ToString();
        Assert.Matches("^/simulation/runs/[0-9]+$", location);
        return location;
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_city_finance_officer_costs_extending_zz2023_23_and_the_run_is_kept_reproduced_and_exported(Db db)
    {
        var app = await apps.GetAsync(db);
        await SimulationPopulation.AddGrowingEnterpriseAsync(app.Services);
        using var client = await app.SignedInAsync("city-finance");
        Assert.Contains("href=\"/simulation\"", await client.GetStringAsync("/"), StringComparison.Ordinal);
        var before = await RunsAsync(app);

        var url = await RunAsync(client, "extend-zz2023-23", Year);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(url));
        var direct = await SimulationPopulation.RunDirectlyAsync(app.Services, "extend-zz2023-23", Year);

        // The page's totals are the engine's on the same registry, and the change is the one enterprise's 200万.
        Assert.Equal(SimulationPopulation.ExtensionGain, direct.Total.Delta);
        Assert.Contains($"id=\"total-baseline\">{Show.Money(direct.Total.Baseline)}<", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"total-reform\">{Show.Money(direct.Total.Reform)}<", html, StringComparison.Ordinal);
        Assert.Contains("id=\"total-delta\">+200万元<", html, StringComparison.Ordinal);
        Assert.Contains($"增加 {direct.Gainers}", html, StringComparison.Ordinal);
        Assert.Equal(1, direct.Gainers);

        // By district (chart and table): 郑州经开区 +2,000,000; the city pays it; the gainer is named with the reason.
        var districts = Section(html, "by-district");
        Assert.Contains("<svg", districts, StringComparison.Ordinal);
        Assert.Matches($"<td>{SimulationPopulation.District}</td>.*?\\+2,000,000<", Flat(districts));
        Assert.Matches("<td>市级财政</td>.*?\\+2,000,000<", Flat(Section(html, "by-payer")));
        Assert.Matches($"<td>{Regex.Escape(Huiqi.Policies.PolicySource.Default().ClausesById["zz2023-23/5"].Name)}</td>.*?\\+2,000,000<", Flat(Section(html, "by-clause")));
        var gainers = Section(html, "top-gainers");
        Assert.Contains(SimulationPopulation.Name, gainers, StringComparison.Ordinal);
        Assert.Contains("+200万元", gainers, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"no-effect\"", html, StringComparison.Ordinal);

        // Kept: one more run, listed, with the reform's text and the population's snapshot.
        Assert.Equal(before + 1, await RunsAsync(app));
        Assert.Contains($"href=\"{url}\"", await client.GetStringAsync("/simulation"), StringComparison.Ordinal);
        var id = int.Parse(url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await using (var context = await app.Services.GetRequiredService<IDbContextFactory<SimulationRunsDbContext>>().CreateDbContextAsync())
        {
            var row = await context.SimulationRuns.SingleAsync(r => r.Id == id);
            Assert.Equal(await app.Services.GetRequiredService<Huiqi.Store.DossierStore>().CountAsync(), row.Dossiers);
            Assert.Matches("^[0-9a-f]{64}$", row.PopulationSha256);
            Assert.Contains("window: { to: 2029-11-26 }", row.ReformText, StringComparison.Ordinal);
            Assert.Equal("city-finance", row.CreatedBy);
        }

        // Reproduced from the snapshot: identical.
        var reproduced = await Forms.PostAsync(client, url, url + "?handler=Reproduce", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, reproduced.StatusCode);
        Assert.Contains("复现结果：完全一致", await reproduced.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The xlsx: Chinese headers, the same totals, and the one changed line with its reason.
        var export = await client.GetAsync(url + "?handler=Xlsx");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        await using var xlsx = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        Assert.Equal(["汇总", "变更", "明细"], MiniExcel.GetSheetNames(xlsx));
        var summary = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "汇总").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("合计", summary[0]["类别"]);
        Assert.Equal(direct.Total.Baseline, Convert.ToDecimal(summary[0]["现行（元）"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(direct.Total.Reform, Convert.ToDecimal(summary[0]["调整后（元）"], System.Globalization.CultureInfo.InvariantCulture));
        var detail = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "明细").Cast<IDictionary<string, object>>().ToList();
        var line = Assert.Single(detail);
        Assert.Equal(SimulationPopulation.Uscc, line["统一社会信用代码"]);
        Assert.Equal("zz2023-23/5", line["条款"]);
        Assert.Equal(SimulationPopulation.ExtensionGain, Convert.ToDecimal(line["增减（元）"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(string.IsNullOrWhiteSpace(line["理由"] as string));

        // Compared with the split reform of the same year: both totals side by side, each district's change.
        var split = await RunAsync(client, "split-60-40", Year);
        var compare = WebUtility.HtmlDecode(await client.GetStringAsync($"/simulation/compare?a={id}&b={split.Split('/')[^1]}"));
        Assert.Contains("+2,000,000", compare, StringComparison.Ordinal);
        Assert.Contains("同一企业数据", compare, StringComparison.Ordinal);
        Assert.Contains("<svg", Section(compare, "compare-districts"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task District_and_enterprise_users_are_kept_out_of_simulation(Db db)
    {
        var app = await apps.GetAsync(db);
        var (uscc, _) = (await app.EnterpriseAccountsAsync())[0];
        foreach (var user in new[] { "jinshui-finance", "gaoxin-review", uscc })
        {
            using var client = await app.SignedInAsync(user);
            foreach (var page in new[] { "/simulation", "/simulation/runs/1", "/simulation/compare?a=1&b=1", "/simulation/forecast" })
            {
                var response = await client.GetAsync(page);
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Contains("/Account/AccessDenied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
            }

            Assert.DoesNotContain("href=\"/simulation\"", await client.GetStringAsync("/"), StringComparison.Ordinal);
        }

        using var anonymous = app.Client();
        var signIn = await anonymous.GetAsync("/simulation");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("/Account/Login", signIn.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_reform_with_faults_shows_each_with_its_line_and_stores_nothing(Db db)
    {
        var app = await apps.GetAsync(db);
        using var client = await app.SignedInAsync("city-review");
        var before = await RunsAsync(app);

        // Line 3 names a clause the catalogue does not have: found when the reform is applied.
        var unknown = "reform: { id: cap-typo, title: 上限调整 }\nchanges:\n  - { clause: zz2023-23/99, param: cap, value: 1500万 }\n";
        var response = await Forms.PostAsync(client, "/simulation", "/simulation", new Dictionary<string, string> { ["ReformYaml"] = unknown, ["Year"] = "2025" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"{ReformText.Pasted} 第 3 行：目录中没有条款“zz2023-23/99”", html, StringComparison.Ordinal);
        Assert.DoesNotContain("no clause", html, StringComparison.Ordinal);

        // Line 4 is a change of no known kind: found when the reform is read.
        var kind = "reform: { id: odd, title: 不明变更 }\nchanges:\n  - { document: zz2023-23, window: { to: 2027-11-26 } }\n  - { clause: zz2023-23/9, limit: 1500万 }\n";
        response = await Forms.PostAsync(client, "/simulation", "/simulation", new Dictionary<string, string> { ["ReformYaml"] = kind, ["Year"] = "2025" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains($"{ReformText.Pasted} 第 4 行：无法识别的变更", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // The form without its antiforgery token is refused.
        var forged = await Forms.PostAsync(client, "/simulation", "/simulation", new Dictionary<string, string> { ["Reform"] = "split-60-40", ["Year"] = "2024" }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        Assert.Equal(before, await RunsAsync(app));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task The_forecast_page_sets_next_years_cost_against_a_budget(Db db)
    {
        var app = await apps.GetAsync(db);
        using var client = await app.SignedInAsync("city-finance");
        var response = await Forms.PostAsync(client, "/simulation/forecast", "/simulation/forecast", new Dictionary<string, string>
        {
            ["Year"] = "2024", ["Central"] = "8%", ["Spread"] = "4%", ["Budgets"] = "key,year,amount\nzz2023-23,2025,1万\n",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        // The same forecast run directly on the registry: 2024's figures grown 4 % / 8 % / 12 %, evaluated for 2025.
        var forecast = new Forecast(Scenario.Baseline(Huiqi.Policies.PolicySource.Default()), new GrowthAssumptions(0.08m, 0.04m), 2024);
        var all = new List<Huiqi.Engine.Model.Dossier>();
        await foreach (var d in app.Services.GetRequiredService<Huiqi.Store.DossierStore>().StreamAsync())
        {
            all.Add(d);
        }

        forecast.AddDossiers(all);
        var report = forecast.Report();
        Assert.True(report.Total.Central > 10_000m);
        Assert.Contains($"id=\"forecast-central\">{Show.Money(report.Total.Central)}<", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"forecast-high\">{Show.Money(report.Total.High)}<", html, StringComparison.Ordinal);
        // A 1万 budget for zz2023-23 is exceeded by its central forecast.
        Assert.Contains("超出预算", Section(html, "budget-checks", "table"), StringComparison.Ordinal);
        Assert.Contains("<svg", Section(html, "forecast-districts"), StringComparison.Ordinal);

        // A growth assumption for a place that is not a district names its line.
        response = await Forms.PostAsync(client, "/simulation/forecast", "/simulation/forecast", new Dictionary<string, string>
        {
            ["Year"] = "2024", ["Central"] = "8%", ["Spread"] = "4%", ["Growth"] = "district,metric,central\n上街区,mainRevenue,12%\n郑州市,mainRevenue,5%\n",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains($"{ForecastModel.GrowthFile}.csv 第 3 行：“郑州市”不是郑州市的区县", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    /// <summary>The element of the page with this id, up to its closing tag.</summary>
    private static string Section(string html, string id, string tag = "section")
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no #{id} on the page");
        var end = html.IndexOf($"</{tag}>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    private static string Flat(string html) => Whitespace().Replace(html, " ");

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();
}

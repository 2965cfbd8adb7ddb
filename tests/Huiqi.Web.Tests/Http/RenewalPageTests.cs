using System.Globalization;
using System.Net;
using Huiqi.Simulation;
using Huiqi.Simulation.Runs;
using Huiqi.Web.Pages;
using MiniExcelLibs;

namespace Huiqi.Web.Tests.Http;

/// <summary>
/// 续期测算 on the web, on both databases: the city finance bureau asks what renewing 郑政〔2023〕23号 costs; the page
/// answers with the question as its heading, the 2026 and 2027 totals that <see cref="RenewalCost"/> gives on the same
/// registry, the tables by clause (named 郑政〔2023〕23号第五条, never by id), district and payer, the growth used, and
/// the same tables as an xlsx.
/// </summary>
public sealed partial class SimulationTests
{
    [Theory]
    [MemberData(nameof(Engines))]
    public async Task The_renewal_page_answers_what_renewing_zz2023_23_costs_in_2026_and_2027_and_exports_it(Db db)
    {
        var app = await apps.GetAsync(db);
        await SimulationPopulation.AddGrowingEnterpriseAsync(app.Services);
        using var client = await app.SignedInAsync("city-finance");
        Assert.Contains("href=\"/simulation/renewal\"", await client.GetStringAsync("/simulation"), StringComparison.Ordinal);

        var response = await client.GetAsync("/simulation/renewal");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        // The page's default growth is the forecast page's: 8 % ± 4 points.
        var direct = await SimulationPopulation.RenewalDirectlyAsync(app.Services, new GrowthAssumptions(0.08m, 0.04m));

        // The question as the heading, the two answers as totals: the costing's own on the same registry.
        Assert.Contains("<h1 id=\"renewal-question\">郑政〔2023〕23号续期要花多少钱：2026年剩余事项需多少，2027年需多少？</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"renewal-remaining\">{Show.Money(direct.Remaining.Total)}<", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"renewal-next\">{Show.Money(direct.Next.Total)}<", html, StringComparison.Ordinal);
        Assert.Contains("中值8%（低4%、高12%）", Section(html, "renewal-totals"), StringComparison.Ordinal);

        // The enterprise added here crosses 50亿 of main revenue in 2026: zz2023-23/5 pays it 200万 on 2026-12-31,
        // outside the old window, so it is part of the 2026 cost, among the awards of the year's figures.
        var figures = direct.ByKind.Single(k => k.Kind == RenewalKind.YearFigures);
        Assert.True(figures.Amount >= SimulationPopulation.ExtensionGain);
        Assert.Contains("郑政〔2023〕23号第五条", figures.Clauses);
        Assert.Contains("按2026年全年数据计算的奖励", Section(html, "renewal-kinds"), StringComparison.Ordinal);
        Assert.Contains("2026年11月27日以后发生的事件", Section(html, "renewal-kinds"), StringComparison.Ordinal);

        // The tables: by clause with the Chinese names and titles, by district, by payer.
        var fifth = direct.ByClause.Single(c => c.Key == "zz2023-23/5");
        Assert.Matches($"郑政〔2023〕23号第五条</a></td>\\s*<td>支持大企业跃上新台阶</td>\\s*<td class=\"num\">{Show.Yuan(fifth.Remaining)}</td>",
            Section(html, "renewal-clauses"));
        var district = direct.ByDistrict.Single(d => d.Key == SimulationPopulation.District);
        Assert.Matches($"<td>{SimulationPopulation.District}</td>\\s*<td class=\"num\">{Show.Yuan(district.Remaining)}</td>", Section(html, "renewal-districts"));
        Assert.Contains("<svg", Section(html, "renewal-districts"), StringComparison.Ordinal);
        Assert.Matches($"<td>市级财政</td>\\s*<td class=\"num\">{Show.Yuan(direct.Remaining.City)}</td>\\s*<td class=\"num\">{Show.Yuan(direct.Next.City)}</td>",
            Section(html, "renewal-payers"));
        Assert.Matches("<td>区县财政</td>", Section(html, "renewal-payers"));
        // Clause ids stay in the links, never in the text people read.
        Assert.DoesNotMatch(">[^<]*zz2023-23/", html);

        // The xlsx: the same tables with Chinese headers and the same figures.
        var export = await client.GetAsync("/simulation/renewal?handler=Xlsx&Central=8%25&Spread=4%25");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(Pages.Simulation.RenewalModel.XlsxType, export.Content.Headers.ContentType?.MediaType);
        await using var xlsx = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        Assert.Equal([RenewalWorkbook.SummarySheet, RenewalWorkbook.ClauseSheet, RenewalWorkbook.DistrictSheet, RenewalWorkbook.PayerSheet], MiniExcel.GetSheetNames(xlsx));
        var clauses = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: RenewalWorkbook.ClauseSheet).Cast<IDictionary<string, object>>().ToList();
        var row = clauses.Single(c => (string)c["条款"] == "郑政〔2023〕23号第五条");
        Assert.Equal(fifth.Remaining, Convert.ToDecimal(row["2026年剩余事项（元）"], CultureInfo.InvariantCulture));
        Assert.Equal(fifth.Next, Convert.ToDecimal(row["2027年预计（元）"], CultureInfo.InvariantCulture));
        Assert.Equal(direct.Remaining.Total, clauses.Sum(c => Convert.ToDecimal(c["2026年剩余事项（元）"], CultureInfo.InvariantCulture)));
        var payers = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: RenewalWorkbook.PayerSheet).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["市级财政", "区县财政"], payers.Select(p => (string)p["出资方"]));
        Assert.Equal(direct.Next.City, Convert.ToDecimal(payers[0]["2027年预计（元）"], CultureInfo.InvariantCulture));

        // Another growth, stated on the page; a rate that is not one is named and nothing is costed.
        var faster = WebUtility.HtmlDecode(await client.GetStringAsync("/simulation/renewal?Central=20%25&Spread=5%25"));
        Assert.Contains("中值20%（低15%、高25%）", faster, StringComparison.Ordinal);
        var wrong = await client.GetAsync("/simulation/renewal?Central=很多");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Contains("中值增长率“很多”不是比例", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}

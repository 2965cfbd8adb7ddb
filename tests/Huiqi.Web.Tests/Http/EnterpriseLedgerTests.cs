using System.Net;
using Huiqi.Engine.Input;
using Huiqi.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Huiqi.Web.Tests.Http;

/// <summary>The enterprise page shows what was paid for the award year on screen, and the ledger by award year.</summary>
public sealed class EnterpriseLedgerTests
{
    /// <summary>
    /// zz2023-23/7: 2024 over 2023 = 246,000,000 / 200,000,000 − 1 = 23 %, floor(23 / 5) × 10万 = 40万 for 2024, paid on
    /// 2025-01-20 for award year 2024. The 2024 calculator lists it under 已兑付 instead of as owed, and the ledger puts
    /// the January 2025 payment under 2024年度.
    /// </summary>
    [Fact]
    public async Task A_payment_shows_under_its_award_year_and_is_not_owed_again()
    {
        var html = await SensorMakerPageAsync(
            """
            "figures": { "mainRevenue": { "2023": 200000000, "2024": 246000000 } },
            "grants": [ { "clause": "zz2023-23/7", "amount": 400000, "date": "2025-01-20", "year": 2024 } ]
            """);
        var settled = html[html.IndexOf("id=\"settled\"", StringComparison.Ordinal)..];
        Assert.Contains("已兑付（2024年度）", settled, StringComparison.Ordinal);
        Assert.Contains("zz2023-23/7", settled[..settled.IndexOf("</table>", StringComparison.Ordinal)], StringComparison.Ordinal);
        var awards = html.IndexOf("id=\"awards\"", StringComparison.Ordinal);
        var owed = awards < 0 ? "" : html[awards..][..html[awards..].IndexOf("</table>", StringComparison.Ordinal)];
        Assert.DoesNotContain("zz2023-23/7", owed, StringComparison.Ordinal);
        var ledger = html[html.IndexOf("id=\"ledger\"", StringComparison.Ordinal)..];
        Assert.Contains("2024年度小计", ledger, StringComparison.Ordinal);
        Assert.Contains("2025-01-20", ledger, StringComparison.Ordinal);
    }

    /// <summary>
    /// zz2023-23/7 pays 10万 per whole 5 points of growth, at most 300万 a year (“每年最高300万元”). 2024 over 2023 =
    /// 400,000,000 / 100,000,000 − 1 = 300 %, 60 steps × 10万 = 600万, capped at 300万. The ledger paid 100万 of award
    /// year 2024 (imported, no case): the clause's line under 已兑付 shows that 100万 came from the old ledger, and what
    /// is left of the year is 300万 − 100万 = 200万, which is also what the calculator still offers.
    /// </summary>
    [Fact]
    public async Task A_part_paid_yearly_cap_shows_what_is_left_of_the_year()
    {
        var html = await SensorMakerPageAsync(
            """
            "figures": { "mainRevenue": { "2023": 100000000, "2024": 400000000 } },
            "grants": [ { "clause": "zz2023-23/7", "amount": 1000000, "date": "2025-03-20", "year": 2024 } ]
            """);
        var settled = html[html.IndexOf("id=\"settled\"", StringComparison.Ordinal)..];
        settled = settled[..settled.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Contains("台账导入", settled, StringComparison.Ordinal);
        var left = settled[settled.IndexOf("left-of-year", StringComparison.Ordinal)..];
        Assert.Contains("本年度该条款尚可享受", left, StringComparison.Ordinal);
        Assert.Contains("每年最高300万元已使用100万元", left, StringComparison.Ordinal);
        Assert.Contains(Huiqi.Web.Pages.Show.Money(2_000_000m), left, StringComparison.Ordinal);
        Assert.Contains(Huiqi.Web.Pages.Show.Money(2_000_000m), html[html.IndexOf("id=\"total\"", StringComparison.Ordinal)..][..80], StringComparison.Ordinal);
    }

    /// <summary>
    /// The 2024 enterprise page, as the city's reviewer reads it, of an in-library sensor maker of Jinshui whose figures
    /// and ledger are <paramref name="facts"/> (JSON members).
    /// </summary>
    private static async Task<string> SensorMakerPageAsync(string facts)
    {
        await using var app = HuiqiApp.Sqlite();
        using var city = await app.SignedInAsync("city-review");
        const string Uscc = "91410100MA3159566W";
        var read = DossierReader.Read($$"""
            { "uscc": "{{Uscc}}", "name": "郑州测试传感有限公司", "district": "金水区",
              "traits": ["manufacturing", "in-library"], "sectors": ["sensor"], {{facts}} }
            """);
        Assert.True(read.Ok, string.Join("; ", read.Errors));
        await app.Services.GetRequiredService<DossierStore>().PutAsync(read.Dossier!, "test");
        return WebUtility.HtmlDecode(await city.GetStringAsync($"/enterprise/{Uscc}?year=2024"));
    }
}

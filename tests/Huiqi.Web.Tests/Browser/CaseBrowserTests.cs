using Huiqi.Cases;
using Huiqi.Web.Tests.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Huiqi.Web.Tests.Browser;

/// <summary>
/// The award path in Chromium across the four roles, on the demo city whose 2024 batch ran before the clock's start: an enterprise
/// confirms a pushed award, its district recommends it, the city reviews, publishes the notice and closes it, both
/// finance offices pay their shares; the enterprise's ledger shows the grant and the engine no longer offers it;
/// another enterprise cannot open the case. Two browsers approving one case at once: one approval, and the other
/// reads the Chinese message that someone else has dealt with it.
/// </summary>
[Collection("browser")]
public sealed class CaseBrowserTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    private static string Url(long id) => CaseSteps.Url(id);

    /// <summary>Signs in a fresh context and opens the case page.</summary>
    private async Task<IPage> OpenAsync(string user, long id)
    {
        var page = await fx.NewPageAsync();
        await fx.SignInAsync(page, user);
        await page.GotoAsync(Url(id));
        return page;
    }

    /// <summary>Clicks a step's button and waits for the page it redirects to, answering the message shown.</summary>
    private static async Task<string> ClickAsync(IPage page, string button)
    {
        await page.ClickAsync(button);
        await page.WaitForSelectorAsync("#message, #error");
        Assert.False(await page.IsVisibleAsync("#error"), await page.IsVisibleAsync("#error") ? await page.InnerTextAsync("#error") : "");
        return await page.InnerTextAsync("#message");
    }

    /// <summary>The city passes each review step the case is at (专家评审, 第三方审计, 市级审核) until it waits for the notice.</summary>
    private static async Task CityPassesAsync(IPage city)
    {
        while (await city.IsVisibleAsync("#pass"))
        {
            await ClickAsync(city, "#pass");
        }

        Assert.Equal(CaseStatus.ReadyForNotice.Chinese(), (await city.InnerTextAsync("#status")).Trim());
    }

    [BrowserFact]
    public async Task A_pushed_award_goes_from_the_enterprise_through_notice_to_payment()
    {
        var c = await new CaseSteps(fx.App).PushedAsync(paidOnce: true);

        // The enterprise finds the case among its to-dos and confirms it.
        var enterprise = await fx.NewPageAsync();
        await fx.SignInAsync(enterprise, c.Uscc);
        await enterprise.GotoAsync("/cases?todo=true");
        await enterprise.ClickAsync($"a[href='{Url(c.Id)}']");
        // The clause as the bureaus cite it, not its catalogue id.
        Assert.Contains(fx.App.Services.GetRequiredService<Huiqi.Policies.PolicyEngine>().Catalog.ClausesById[c.Clause].Name, await enterprise.InnerTextAsync("#case"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(await enterprise.InnerTextAsync("#because")));
        await fx.ScreenshotInBureauWordsAsync(enterprise, "case.png");
        Assert.Contains("已确认", await ClickAsync(enterprise, "#confirm"), StringComparison.Ordinal);

        // Another enterprise cannot open it.
        var stranger = await fx.NewPageAsync();
        await fx.SignInAsync(stranger, (await fx.App.EnterpriseAccountsAsync()).First(a => a.Uscc != c.Uscc).Uscc);
        var hidden = await stranger.GotoAsync(Url(c.Id));
        Assert.Equal(404, hidden!.Status);

        var district = await OpenAsync(HuiqiApp.Slug(c.District) + "-review", c.Id);
        await ClickAsync(district, "#pass");
        var city = await OpenAsync("city-review", c.Id);
        await CityPassesAsync(city);

        // The city publishes the notice; closing waits for the period; the days pass (the application's clock) and it closes.
        await city.GotoAsync("/cases/notices");
        await city.ClickAsync("#publish-submit");
        await city.WaitForSelectorAsync("#notice");
        Assert.Contains(c.Uscc, await city.InnerTextAsync("#listed"), StringComparison.Ordinal);
        await fx.ScreenshotInBureauWordsAsync(city, "case-notice.png");
        // The notice as printed for the public board: the print stylesheet drops the controls.
        await city.EmulateMediaAsync(new() { Media = Media.Print });
        await fx.ScreenshotInBureauWordsAsync(city, "notice-print.png");
        await city.EmulateMediaAsync(new() { Media = Media.Screen });
        Assert.True(await city.IsDisabledAsync("#close"), "the notice cannot be closed while its period runs");
        await fx.App.PassNoticeAsync(long.Parse(city.Url[(city.Url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        await city.ReloadAsync();
        Assert.Contains("转入拨付", await ClickAsync(city, "#close"), StringComparison.Ordinal);

        // Each finance office pays its share with a voucher number.
        foreach (var (user, payer) in CaseSteps.Payers(c))
        {
            var finance = await OpenAsync(user, c.Id);
            await finance.FillAsync($"form:has(#pay-{payer}) input[name=voucher]", $"{payer}-{c.Id}");
            Assert.Contains("已拨付", await ClickAsync(finance, $"#pay-{payer}"), StringComparison.Ordinal);
        }

        // The city reads the case list, the payments and the decision log with its chain verified.
        await city.GotoAsync("/cases?year=" + HuiqiApp.Year);
        Assert.Contains("全市", await city.InnerTextAsync("h1"), StringComparison.Ordinal);
        await fx.ScreenshotAsync(city, "case-list.png");
        await city.GotoAsync("/cases/payments");
        Assert.Contains($"#{c.Id}", await city.InnerTextAsync("#paid"), StringComparison.Ordinal);
        await fx.ScreenshotAsync(city, "case-payments.png");
        await city.GotoAsync("/cases/decisions");
        Assert.Contains("哈希链完整", await city.InnerTextAsync("#chain"), StringComparison.Ordinal);

        await enterprise.GotoAsync(Url(c.Id));
        Assert.Equal(CaseStatus.Paid.Chinese(), (await enterprise.InnerTextAsync("#status")).Trim());
        Assert.Equal(CaseSteps.Payers(c).Count(), await enterprise.Locator("#payments tbody tr").CountAsync());

        // The enterprise's ledger (calculator page) shows the grant; the next evaluation no longer offers it.
        await enterprise.GotoAsync("/enterprise/" + c.Uscc);
        var article = fx.App.Services.GetRequiredService<Huiqi.Policies.PolicyEngine>().Catalog.ClausesById[c.Clause].ArticleName;
        var ledger = await enterprise.Locator("#grants + .card tbody tr", new() { HasText = article }).AllInnerTextsAsync();
        Assert.Contains(ledger, row => row.Contains(Huiqi.Web.Pages.Show.Money(c.Amount), StringComparison.Ordinal));
        Assert.False(await new CaseSteps(fx.App).EngineOffersAsync(c));
        await fx.ScreenshotAsync(enterprise, "case-paid-ledger.png");
    }

    [BrowserFact]
    public async Task Two_browsers_approving_one_case_at_once_give_one_approval()
    {
        var c = await new CaseSteps(fx.App).PushedAsync();
        await ClickAsync(await OpenAsync(c.Uscc, c.Id), "#confirm");
        await ClickAsync(await OpenAsync(HuiqiApp.Slug(c.District) + "-review", c.Id), "#pass");

        // Two reviewers read the case at the same step, then both approve at once.
        var first = await OpenAsync("city-review", c.Id);
        while ((await first.InnerTextAsync("#status")).Trim() != CaseStatus.CityReview.Chinese())
        {
            await ClickAsync(first, "#pass");
        }

        // A second browser of the city's reviewer (the administrator no longer reviews: 不相容岗位分离).
        var second = await OpenAsync("city-review", c.Id);
        await Task.WhenAll(first.ClickAsync("#pass"), second.ClickAsync("#pass"));
        await Task.WhenAll(first.WaitForSelectorAsync("#message, #error"), second.WaitForSelectorAsync("#message, #error"));
        var refused = new List<IPage>();
        foreach (var page in new[] { first, second })
        {
            if (await page.IsVisibleAsync("#error"))
            {
                refused.Add(page);
            }
        }

        var loser = Assert.Single(refused);
        Assert.Contains("该事项已被他人处理", await loser.InnerTextAsync("#error"), StringComparison.Ordinal);
        await fx.ScreenshotAsync(loser, "case-conflict.png");
        await loser.GotoAsync(Url(c.Id));
        Assert.Equal(CaseStatus.ReadyForNotice.Chinese(), (await loser.InnerTextAsync("#status")).Trim());
        Assert.Equal(1, await loser.Locator("#history tbody tr", new() { HasText = CaseStatus.CityReview.Chinese() + " → " }).CountAsync());
    }

    /// <summary>
    /// On the demo, the award history of 2023 was paid through cases. For every such case of one enterprise whose paid
    /// amount is what the platform proposed, the enterprise's page for 2023 in Chromium lists the award under 已兑付 with
    /// its case, and the calculator's table of what it may still claim has no line of the same clause and item: a paid
    /// award is not owed again for its year (screenshot ledger-settled.png).
    /// </summary>
    [BrowserFact]
    public async Task A_paid_award_of_the_demo_history_is_not_owed_again_for_its_year()
    {
        const int Year = 2023;
        List<CaseRow> paid;
        await using (var db = fx.App.Services.GetRequiredService<CasesDatabase>().CreateDbContext())
        {
            var all = await db.Cases.AsNoTracking().Where(c => c.AwardYear == Year && c.Status == CaseStatus.Paid && c.Amount == c.Proposed).ToListAsync();
            var uscc = all.GroupBy(c => c.Uscc).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
            paid = [.. all.Where(c => c.Uscc == uscc)];
        }

        var page = await fx.SignedInAsync("city-review");
        await page.GotoAsync($"/enterprise/{paid[0].Uscc}?year={Year}");
        await page.WaitForSelectorAsync("#settled");
        foreach (var c in paid)
        {
            var clause = Huiqi.Web.Pages.Show.ClauseUrl(c.Clause);
            var item = c.Item.Length == 0 ? "—" : Huiqi.Web.Pages.Show.Honor(c.Item);
            var settled = page.Locator("#settled + p + table tbody tr", new() { Has = page.Locator($"a[href='/cases/{c.Id}']") });
            Assert.Equal(1, await settled.CountAsync());
            Assert.Contains(Huiqi.Web.Pages.Show.Money(c.Amount), await settled.InnerTextAsync(), StringComparison.Ordinal);
            var owed = page.Locator("#awards tbody tr", new() { Has = page.Locator($"a[href='{clause}']") });
            foreach (var row in await owed.AllAsync())
            {
                Assert.NotEqual(item, (await row.Locator("td:nth-child(2)").InnerTextAsync()).Trim());
            }
        }

        await fx.ScreenshotAsync(page, "ledger-settled.png");
    }
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Huiqi.Web.Tests.Browser;

/// <summary>
/// End to end in Chromium, as the users do it: an enterprise reads its calculator; a district reviewer finds an
/// enterprise of its district and cannot open one of another; a wrong password locks the account. Screenshots of the
/// calculator, a clause page and a district list are saved under artifacts/screenshots/ for review.
/// </summary>
[Collection("browser")]
public sealed class BrowserTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task An_enterprise_signs_in_and_reads_its_calculator()
    {
        var (uscc, _) = (await fx.App.EnterpriseAccountsAsync())[0];
        var page = await fx.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Contains("/Account/Login", page.Url, StringComparison.Ordinal);
        await fx.SignInAsync(page, uscc);
        await page.ClickAsync("text=打开政策计算器");
        await page.WaitForSelectorAsync("#calculator");
        Assert.EndsWith("/enterprise/" + uscc, page.Url, StringComparison.Ordinal);

        var total = await page.InnerTextAsync("#total");
        Assert.Matches("元$", total);
        var rows = await page.QuerySelectorAllAsync("#awards tbody tr:not(.total)");
        Assert.NotEmpty(rows);
        var first = await rows[0].InnerTextAsync();
        Assert.Matches("[0-9]", first);
        Assert.True(await page.IsVisibleAsync("#hints"));
        Assert.True(await page.IsVisibleAsync("#libraries"));
        Assert.True(await page.IsVisibleAsync("#grants"));
        Assert.Contains("可申请更正", await page.InnerTextAsync("#dossier ~ .card"), StringComparison.Ordinal);
        // The clause's original text is one click away from each line.
        await page.ClickAsync("#awards details summary");
        Assert.True(await page.IsVisibleAsync("#awards details blockquote"));
        await fx.ScreenshotInBureauWordsAsync(page, "calculator.png");

        // The clause page of the first award: its text, its guide, what it has paid.
        await page.ClickAsync("#awards tbody tr:first-child td:first-child a");
        await page.WaitForSelectorAsync("#guide");
        Assert.Contains("兑现方式", await page.InnerTextAsync("#guide"), StringComparison.Ordinal);
        Assert.Contains("全市累计兑付", await page.InnerTextAsync("#paid"), StringComparison.Ordinal);
        await fx.ScreenshotInBureauWordsAsync(page, "clause.png");
    }

    [BrowserFact]
    public async Task A_district_reviewer_finds_an_enterprise_of_its_district_and_cannot_open_another_districts()
    {
        const string district = "金水区";
        var page = await fx.NewPageAsync();
        await fx.SignInAsync(page, HuiqiApp.Slug(district) + "-review");
        await page.ClickAsync("header nav >> text=企业列表");
        await page.WaitForSelectorAsync("#enterprises");
        var districts = await page.Locator("#enterprises tbody tr td:nth-child(3)").AllInnerTextsAsync();
        Assert.NotEmpty(districts);
        Assert.All(districts, d => Assert.Equal(district, d.Trim()));

        await page.SelectOptionAsync("select[name=sort]", "total");
        await page.ClickAsync("#filters button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await fx.ScreenshotAsync(page, "district-list.png");

        var name = (await page.Locator("#enterprises tbody tr:first-child td:first-child a").InnerTextAsync()).Trim();
        await page.FillAsync("input[name=q]", name);
        await page.ClickAsync("#filters button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("1", (await page.InnerTextAsync("#count")).Trim());
        await page.ClickAsync($"#enterprises >> text={name}");
        await page.WaitForSelectorAsync("#enterprise-name");
        Assert.Equal(name, (await page.InnerTextAsync("#enterprise-name")).Trim());

        var other = await fx.EnterpriseOutsideAsync(district);
        var response = await page.GotoAsync("/enterprise/" + other);
        Assert.Equal(404, response!.Status);
        Assert.Contains("未找到", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.DoesNotContain(other, await page.ContentAsync(), StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task Each_bureau_signs_in_to_the_day_s_work_of_its_role()
    {
        foreach (var (user, expect, shot) in new[]
        {
            ("city-review", "各区县企业", "home-city-review.png"),
            ("jingkai-finance", "区级承担", "home-district-finance.png"),
            ("admin", "账号管理", "home-admin.png"),
        })
        {
            var page = await fx.NewPageAsync();
            await fx.SignInAsync(page, user);
            Assert.Contains(expect, await page.InnerTextAsync("body"), StringComparison.Ordinal);
            await fx.ScreenshotAsync(page, shot);
            await page.Context.CloseAsync();
        }

        var admin = await fx.NewPageAsync();
        await fx.SignInAsync(admin, "admin");
        await admin.ClickAsync("header nav >> text=账号管理");
        Assert.Contains("city-review", await admin.InnerTextAsync("main table"), StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task A_wrong_password_locks_the_account_after_the_set_number_of_tries()
    {
        const string user = "dengfeng-finance";
        var page = await fx.NewPageAsync();
        for (var i = 1; i <= 5; i++)
        {
            await fx.SignInAsync(page, user, "Not-the-password-1");
            var error = await page.InnerTextAsync("#login-error");
            Assert.Contains(i < 5 ? "账号或密码错误" : "账号已锁定", error, StringComparison.Ordinal);
        }

        await fx.SignInAsync(page, user);
        Assert.Contains("账号已锁定", await page.InnerTextAsync("#login-error"), StringComparison.Ordinal);
        Assert.Matches(new Regex("/Account/Login"), page.Url);
    }
}

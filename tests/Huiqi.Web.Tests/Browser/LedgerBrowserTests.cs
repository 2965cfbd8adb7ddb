using Huiqi.Store;
using Huiqi.Supervision.Libraries;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Huiqi.Web.Tests.Browser;

/// <summary>The task ledger and the libraries end to end in Chromium, as a district bureau uses them.</summary>
[Collection("browser")]
public sealed class LedgerBrowserTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    private const string District = "金水区";

    /// <summary>
    /// A district reports a task's progress with the form; the month's bulletin shows that report and prints without
    /// the navigation (screenshot bulletin.png).
    /// </summary>
    [BrowserFact]
    public async Task A_unit_reports_progress_and_the_monthly_bulletin_shows_it_and_prints()
    {
        const string text = "金水区本月完成工业运行监测平台联调，纳入监测企业42家";
        var page = await fx.SignedInAsync(HuiqiApp.Slug(District) + "-review");
        await page.ClickAsync("header nav >> text=任务台账");
        // A bureau finds the task by its words (加大企业招引力度, zzb2022-zjtx's third item) and reads it by its article.
        await page.FillAsync("#filters input[name=q]", "加大企业招引力度");
        await page.ClickAsync("#filters button[type=submit]");
        await page.ClickAsync("#tasks tbody tr:has-text('金水区') >> text=填报");

        await page.WaitForSelectorAsync("#report-form");
        Assert.Contains("专精特新实施意见第三条", await page.InnerTextAsync("#line option:checked"), StringComparison.Ordinal);
        await page.SelectOptionAsync("#report-form select[name=status]", "in-progress");
        await page.FillAsync("#report-form input[name=percent]", "70");
        await page.FillAsync("#report-form textarea[name=text]", text);
        await page.ClickAsync("#report-submit");
        Assert.Contains("已报送", await page.InnerTextAsync("#message"), StringComparison.Ordinal);

        await page.ClickAsync("header nav >> text=月度通报");
        await page.WaitForSelectorAsync("#bulletin");
        Assert.StartsWith(District, await page.InnerTextAsync("#bulletin-title"), StringComparison.Ordinal);
        var reported = await page.InnerTextAsync("#reported");
        Assert.Contains(text, reported, StringComparison.Ordinal);
        Assert.Contains("70%", await page.Locator("#reported tr", new() { HasText = text }).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("逾期", await page.InnerTextAsync("#summary"), StringComparison.Ordinal);
        await fx.ScreenshotAsync(page, "bulletin.png");

        // On paper: the bulletin alone, without the navigation, the filters or the footer.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await page.IsVisibleAsync("header.top nav"));
        Assert.False(await page.IsVisibleAsync("#filters"));
        Assert.False(await page.IsVisibleAsync("footer.bottom"));
        Assert.True(await page.IsVisibleAsync("#bulletin #reported"));
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4" });
        Assert.True(pdf.Length > 10_000);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        Assert.True(await page.IsVisibleAsync("header.top nav"));
    }

    /// <summary>
    /// A district adds an enterprise to a library and takes it out again, each with a reason; the membership's history
    /// keeps both (screenshot library-history.png).
    /// </summary>
    [BrowserFact]
    public async Task A_district_adds_an_enterprise_to_a_library_with_a_reason_removes_it_and_the_history_shows_both()
    {
        var uscc = await OutsideListingReserveAsync(District);
        var page = await fx.SignedInAsync(HuiqiApp.Slug(District) + "-review");
        await page.ClickAsync("header nav >> text=培育库");
        await page.WaitForSelectorAsync("#members");

        // Without a reason nothing is recorded; with one, the enterprise is in.
        await page.SelectOptionAsync("#add select[name=library]", LibraryDefinitions.Listing);
        await page.FillAsync("#add input[name=uscc]", uscc);
        await page.FillAsync("#add input[name=reason]", "   ");
        await page.ClickAsync("#add button[type=submit]");
        await page.WaitForSelectorAsync("#error");
        Assert.Contains("请填写理由", await page.InnerTextAsync("#error"), StringComparison.Ordinal);

        await page.SelectOptionAsync("#add select[name=library]", LibraryDefinitions.Listing);
        await page.FillAsync("#add input[name=uscc]", uscc);
        await page.FillAsync("#add input[name=reason]", "已完成股份制改造，拟于北交所申报");
        await page.ClickAsync("#add button[type=submit]");
        await page.WaitForSelectorAsync("#message");
        Assert.Contains("已将 " + uscc + " 纳入上市挂牌后备资源库", await page.InnerTextAsync("#message"), StringComparison.Ordinal);

        // In the list, with the way it came in and the reason; its page has the history.
        await page.FillAsync("#filters input[name=q]", uscc);
        await page.ClickAsync("#filters button[type=submit]");
        var row = page.Locator("#members tbody tr", new() { HasText = uscc });
        Assert.Contains("人工入库", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("已完成股份制改造", await row.InnerTextAsync(), StringComparison.Ordinal);
        await row.Locator("td:nth-child(2) a").ClickAsync();
        await page.WaitForSelectorAsync("#history");
        Assert.Contains("在库", await page.InnerTextAsync("#state"), StringComparison.Ordinal);

        // Out again, with its own reason: both steps stay in the history, who did them and why.
        await page.FillAsync("#remove input[name=reason]", "企业决定暂缓上市计划");
        await page.ClickAsync("#remove button[type=submit]");
        await page.WaitForSelectorAsync("#history");
        Assert.Contains("出库", await page.InnerTextAsync("#state"), StringComparison.Ordinal);
        var history = await page.Locator("#history tbody tr").AllInnerTextsAsync();
        Assert.Contains(history, h => h.Contains("入库", StringComparison.Ordinal) && h.Contains("已完成股份制改造，拟于北交所申报", StringComparison.Ordinal));
        Assert.Contains(history, h => h.Contains("出库", StringComparison.Ordinal) && h.Contains("企业决定暂缓上市计划", StringComparison.Ordinal) && h.Contains("金水区工信部门", StringComparison.Ordinal));
        Assert.False(await page.IsVisibleAsync("#remove"));
        await fx.ScreenshotAsync(page, "library-history.png");
    }

    /// <summary>An enterprise of <paramref name="district"/> that is not (or no longer) in the listing reserve.</summary>
    private async Task<string> OutsideListingReserveAsync(string district)
    {
        var store = fx.App.Services.GetRequiredService<DossierStore>();
        var register = fx.App.Services.GetRequiredService<LibraryRegister>();
        await foreach (var d in store.StreamAsync())
        {
            if (d.District == district && !(await register.OfEnterpriseAsync(d.Uscc)).Any(m => m.Library == LibraryDefinitions.Listing && m.Active))
            {
                return d.Uscc;
            }
        }

        throw new InvalidOperationException("no enterprise of " + district + " outside the listing reserve");
    }
}

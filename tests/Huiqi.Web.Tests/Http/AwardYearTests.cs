using System.Net;
using System.Text.RegularExpressions;
using Huiqi.Cases;
using Huiqi.Engine.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Huiqi.Web.Tests.Http;

/// <summary>
/// The screens open on the award years a bureau works on today, read from the host's clock on each request: in December
/// 2026 (Beijing) on 2025, the last completed year, for the whole catalogue, with a switch that offers 2026 as the
/// current year of event-based clauses; from Beijing New Year 2027 on 2026, without a restart. The dashboard opens on
/// the targets in force (zzb2022-zjtx's 2025 targets, the latest target year of an adopted plan up to this year).
/// </summary>
public sealed partial class AwardYearTests : IAsyncLifetime
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private HuiqiApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = HuiqiApp.Sqlite(now: new DateTimeOffset(2026, 12, 6, 10, 0, 0, Beijing));
        _ = _app.Server;
        await Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Screens_open_on_the_figures_year_and_turn_over_at_Beijing_New_Year()
    {
        var uscc = (await _app.EnterpriseAccountsAsync())[0].Uscc;
        await ExpectAsync(uscc, figures: 2025, events: 2026);

        // One minute past midnight on 1 January 2027 in Beijing (16:01 UTC on 31 December): 2026 is now complete.
        _app.Clock.Set(new DateTimeOffset(2027, 1, 1, 0, 1, 0, Beijing));
        await ExpectAsync(uscc, figures: 2026, events: 2027);
    }

    [Fact]
    public async Task A_clause_page_opens_on_the_clause_s_own_current_year()
    {
        using var city = await _app.SignedInAsync("city-review");
        // zz2023-23/5 pays when a year's main revenue first exceeds a threshold: a figures clause, judged for 2025.
        var figures = await city.GetStringAsync("/policies/zz2023-23/5");
        Assert.Equal(("2025", "2025年度（数据类条款的当前年度）"), Selected(figures, "year"));
        Assert.Contains("当前评估年度为 2025 年度", figures, StringComparison.Ordinal);
        // zz2023-23/2 pays for a title won (单项冠军 …): an event clause, judged for 2026 as the titles are awarded.
        var events = await city.GetStringAsync("/policies/zz2023-23/2");
        Assert.Equal(("2026", "2026年度（事件类条款的当前年度）"), Selected(events, "year"));
        Assert.Contains("/enterprises?clause=zz2023-23%2F2&amp;year=2026", events, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_paid_before_its_deadline_shows_no_date_after_today()
    {
        // The demo history's late round for 2025 is paid in autumn 2026, days or weeks before the deadline the payment
        // was due by; beside 已拨付 that deadline would read as a payment dated in the future.
        var today = _app.Clock.Today();
        await using var store = _app.Services.GetRequiredService<CasesDatabase>().CreateDbContext();
        var paid = await store.Cases.AsNoTracking()
            .Where(c => c.AwardYear == 2025 && c.Status == CaseStatus.Paid && c.Deadline > today).FirstAsync();
        using var city = await _app.SignedInAsync("city-review");
        foreach (var url in new[] { $"/cases/{paid.Id}", $"/cases?year=2025&status=paid&q={paid.Uscc}" })
        {
            var page = await city.GetStringAsync(url);
            Assert.Contains("已拨付", page, StringComparison.Ordinal);
            var after = IsoDate().Matches(page).Select(m => DateOnly.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).Where(d => d > today);
            Assert.True(!after.Any(), $"{url} shows {string.Join("、", after.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))} for a case paid by {today:yyyy-MM-dd}");
        }
    }

    [Fact]
    public async Task The_watchlist_shows_the_months_reported_by_today()
    {
        // On 6 December 2026 the last month reported is October (November's figures come on the 10th); the demo's
        // falling enterprises fall in that month, not in a December of two years ago.
        using var city = await _app.SignedInAsync("city-review");
        var page = await city.GetStringAsync("/monitoring/watchlist");
        Assert.Contains("2026年10月", page, StringComparison.Ordinal);
        Assert.DoesNotContain("2026年11月", page, StringComparison.Ordinal);
        Assert.DoesNotContain("2024年12月", page, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\b20\d\d-\d\d-\d\d\b")]
    private static partial Regex IsoDate();

    private async Task ExpectAsync(string uscc, int figures, int events)
    {
        // Signed in afresh: moving the clock to New Year ends a session begun on 6 December.
        using var city = await _app.SignedInAsync("city-review");
        var named = $"{figures}年度（数据类条款的当前年度）";
        foreach (var (url, name) in new[] { ($"/enterprise/{uscc}", "year"), ("/dashboard", "awardYear"), ("/cases", "year"), ("/cases/budgets", "year") })
        {
            var response = await city.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(Selected(html, name) == (figures.ToString(System.Globalization.CultureInfo.InvariantCulture), named), $"{url} opens on {Selected(html, name)}");
            Assert.Contains($"<option value=\"{events}\">{events}年度（事件类条款的当前年度）</option>", Select(html, name), StringComparison.Ordinal);
        }

        // The dashboard's targets: zzb2022-zjtx sets 2025's (Annex 1 of zzb2020-19 set 2020's; the Shangjie draft is not adopted).
        var dashboard = await city.GetStringAsync("/dashboard");
        Assert.Equal(("2025", "2025年（现行目标）"), Selected(dashboard, "year"));
        Assert.Contains("<option value=\"2020\">2020年</option>", Select(dashboard, "year"), StringComparison.Ordinal);
    }

    /// <summary>The markup of the select named <paramref name="name"/>.</summary>
    private static string Select(string html, string name)
    {
        var m = Regex.Match(html, $"<select[^>]*name=\"{name}\"[^>]*>(.*?)</select>", RegexOptions.Singleline);
        Assert.True(m.Success, $"no select {name}");
        return m.Groups[1].Value;
    }

    /// <summary>The selected option's value and text.</summary>
    private static (string Value, string Text) Selected(string html, string name)
    {
        var m = SelectedOption().Match(Select(html, name));
        Assert.True(m.Success, $"nothing selected in {name}");
        return (m.Groups[1].Value, m.Groups[2].Value);
    }

    [GeneratedRegex("<option value=\"([^\"]*)\" selected(?:=\"selected\")?>([^<]*)</option>")]
    private static partial Regex SelectedOption();
}

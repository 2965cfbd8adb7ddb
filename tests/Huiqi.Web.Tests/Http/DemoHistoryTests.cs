using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Huiqi.Cases;
using Huiqi.Engine.Model;
using Huiqi.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Huiqi.Web.Tests.Http;

/// <summary>
/// A fresh Demo start makes real history (DemoHistory): on the test clock's day (2025-03-05, figures year 2024, events
/// year 2025) the award years 2022 and 2023 went through the workflow at past dates and are settled, every date in
/// order and none after now, payments in the ledger under their award year, 2023's district shares paid by the
/// district finance offices; the current years' cases wait. A restart adds nothing. What is asserted are properties of
/// any demo city, not counts of this one. Its own application, so that no test's step or clock move is in the way.
/// </summary>
public sealed class DemoHistoryTests(Apps apps) : IClassFixture<Apps>
{
    private static readonly CaseStatus[] Settled = [CaseStatus.Paid, CaseStatus.Rejected, CaseStatus.Declined];

    [Theory]
    [MemberData(nameof(Apps.Engines), MemberType = typeof(Apps))]
    public async Task The_years_before_the_figures_year_are_settled_at_past_dates_in_order(Db db)
    {
        var app = await apps.GetAsync(db);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var today = app.Clock.Today();
        var years = AwardYears.Now(app.Clock);
        Assert.Equal(HuiqiApp.Year, years.Figures);

        await using var store = app.Services.GetRequiredService<CasesDatabase>().CreateDbContext();
        var cases = await store.Cases.AsNoTracking().ToListAsync();
        var past = cases.Where(c => c.AwardYear < years.Figures).ToList();
        Assert.Equal(Enumerable.Range(Huiqi.Demo.DemoHistory.FirstYear, years.Figures - Huiqi.Demo.DemoHistory.FirstYear).ToArray(),
            past.Select(c => c.AwardYear).Distinct().Order().ToArray());
        Assert.All(past, c => Assert.True(Settled.Contains(c.Status), $"case {c.Id} of {c.AwardYear} is {c.Status.Code()}"));
        Assert.Contains(past, c => c.Status == CaseStatus.Paid);

        // Nothing is dated after now; each case's steps follow one another in the log's order, the first its push.
        var decisions = await store.Decisions.AsNoTracking().OrderBy(d => d.Seq).ToListAsync();
        Assert.All(decisions, d => Assert.True(d.At <= now, $"decision {d.Seq} ({d.Action}) at {d.At:O}, after {now:O}"));
        Assert.All(decisions.Zip(decisions.Skip(1)), p => Assert.True(p.First.At <= p.Second.At, $"decision {p.Second.Seq} is dated before {p.First.Seq}"));
        var byCase = decisions.Where(d => d.CaseId is not null).ToLookup(d => d.CaseId!.Value);
        Assert.All(past, c =>
        {
            var mine = byCase[c.Id].ToList();
            Assert.Equal(c.Way == CaseWay.Apply ? "apply" : "push", mine[0].Action);
            Assert.Equal(c.CreatedAt, mine[0].At, TimeSpan.FromMilliseconds(1));
            Assert.True(c.CreatedAt <= c.UpdatedAt && c.UpdatedAt <= now, $"case {c.Id}: created {c.CreatedAt:O}, updated {c.UpdatedAt:O}");
            // The batch of an award year runs once its year is over.
            Assert.True(c.CreatedAt.Year > c.AwardYear, $"case {c.Id} of {c.AwardYear} was pushed on {c.CreatedAt:O}");
        });

        // A paid case was on a notice whose period ended before it was paid; every payment is dated by today.
        var notices = await store.Notices.AsNoTracking().ToDictionaryAsync(n => n.Id);
        var payments = await store.Payments.AsNoTracking().ToListAsync();
        Assert.All(payments, p => Assert.True(p.PaidOn <= today && p.At <= now, $"payment {p.Id} on {p.PaidOn} at {p.At:O}"));
        Assert.All(notices.Values, n => Assert.True(n.Starts <= n.Ends && n.Starts <= today && n.PublishedAt <= now, $"notice {n.Id}: {n.Starts}–{n.Ends}"));
        foreach (var c in past.Where(c => c.Status == CaseStatus.Paid))
        {
            var notice = notices[Assert.IsType<long>(c.NoticeId)];
            Assert.Equal("closed", notice.Status);
            var mine = payments.Where(p => p.CaseId == c.Id).ToList();
            Assert.All(mine, p => Assert.True(p.PaidOn > notice.Ends, $"case {c.Id} paid on {p.PaidOn}, its notice ran until {notice.Ends}"));
            Assert.Equal(c.Amount, mine.Sum(p => p.Amount));
            Assert.All(mine, p => Assert.Equal(c.AwardYear, p.AwardYear));
        }

        // Each paid case is in the ledger once, under its award year, dated on its last payment.
        await using var registry = app.Services.GetRequiredService<HuiqiDatabase>().CreateDbContext();
        var grants = await registry.Grants.AsNoTracking().Where(g => g.AwardYear != null)
            .Select(g => new { g.Enterprise!.Uscc, g.Clause, g.Item, g.Amount, g.Date, g.AwardYear }).ToListAsync();
        Assert.All(grants, g => Assert.True(g.Date <= today, $"grant {g.Clause} of {g.Uscc} dated {g.Date}"));
        foreach (var c in cases.Where(c => c.Status == CaseStatus.Paid))
        {
            var grant = Assert.Single(grants, g => g.Uscc == c.Uscc && g.Clause == c.Clause && (g.Item ?? "") == c.Item && g.AwardYear == c.AwardYear);
            Assert.Equal(c.Amount, grant.Amount);
            Assert.Equal(payments.Where(p => p.CaseId == c.Id).Max(p => p.PaidOn), grant.Date);
        }

        // The current years wait: the figures year's cases for their enterprises, the events year's pushed ones too.
        Assert.Contains(cases, c => c.AwardYear == years.Events && c.Status is CaseStatus.AwaitingConfirmation or CaseStatus.AwaitingApplication or CaseStatus.DistrictReview);
        Assert.All(cases.Where(c => c.AwardYear >= years.Figures), c => Assert.DoesNotContain(c.Status, Settled.Except([CaseStatus.Declined])));
    }

    [Theory]
    [MemberData(nameof(Apps.Engines), MemberType = typeof(Apps))]
    public async Task Paid_2023_cases_carry_district_shares_the_district_finance_offices_paid(Db db)
    {
        var app = await apps.GetAsync(db);
        await using var store = app.Services.GetRequiredService<CasesDatabase>().CreateDbContext();
        var shared = await store.Cases.AsNoTracking()
            .Where(c => c.AwardYear == 2023 && c.Status == CaseStatus.Paid && c.DistrictShare > 0).OrderBy(c => c.Id).ToListAsync();
        Assert.NotEmpty(shared);
        var c = shared[0];
        // zzw2022-155 splits every award 1:1 (the city's half rounded down to the yuan, the district pays the rest).
        Assert.Equal(c.Amount, c.CityShare + c.DistrictShare);
        var district = await store.Payments.AsNoTracking().SingleAsync(p => p.CaseId == c.Id && p.Payer == Payer.District);
        Assert.Equal(c.DistrictShare, district.Amount);
        Assert.Equal(HuiqiApp.Slug(c.District) + "-finance", district.By);

        // The district's finance office sees the case among its district's 2023 cases, paid, and its payment on the case.
        using var finance = await app.SignedInAsync(HuiqiApp.Slug(c.District) + "-finance");
        var list = await finance.GetFromJsonAsync<JsonElement>($"/api/cases?year=2023&status={CaseStatus.Paid.Code()}&district={Uri.EscapeDataString(c.District)}");
        Assert.True(list.GetProperty("count").GetInt32() >= shared.Count(x => x.District == c.District));
        var seen = await finance.GetFromJsonAsync<JsonElement>("/api/cases/" + c.Id.ToString(CultureInfo.InvariantCulture));
        Assert.Contains(seen.GetProperty("payments").EnumerateArray(), p => p.GetProperty("payer").GetString() == Payer.District);
        var page = await finance.GetStringAsync("/cases/payments?year=2023");
        Assert.Contains(CaseSteps.Url(c.Id), page, StringComparison.Ordinal);
    }

    /// <summary>
    /// zzw2022-155/12's cloud vouchers are paid on application from a pool (每家企业每年最高申领100万元), so the batch
    /// pushes nothing: the enterprises the engine refers for 2023 applied themselves, before the document's deadline
    /// (2024-03-31), each within the 100万 limit, and their cases went the way of the others — settled by now.
    /// </summary>
    [Theory]
    [MemberData(nameof(Apps.Engines), MemberType = typeof(Apps))]
    public async Task The_2023_cloud_vouchers_were_applied_for_from_the_pool_before_the_deadline(Db db)
    {
        var app = await apps.GetAsync(db);
        var engine = app.Services.GetRequiredService<Huiqi.Policies.PolicyEngine>();
        var referred = new List<string>();
        await foreach (var d in app.Services.GetRequiredService<DossierStore>().StreamAsync())
        {
            if (engine.Evaluate(d, 2023).Referrals.Any(r => r.Clause == "zzw2022-155/12"))
            {
                referred.Add(d.Uscc);
            }
        }

        await using var store = app.Services.GetRequiredService<CasesDatabase>().CreateDbContext();
        var vouchers = await store.Cases.AsNoTracking().Where(c => c.Clause == "zzw2022-155/12" && c.AwardYear == 2023).ToListAsync();
        Assert.NotEmpty(referred);
        Assert.Equal(referred.Order(StringComparer.Ordinal), vouchers.Select(c => c.Uscc).Order(StringComparer.Ordinal));
        Assert.All(vouchers, c =>
        {
            Assert.Equal(CaseWay.Apply, c.Way);
            Assert.True(Huiqi.Engine.Model.BeijingTime.DateOf(new DateTimeOffset(c.CreatedAt, TimeSpan.Zero)) <= new DateOnly(2024, 3, 31), $"case {c.Id} applied on {c.CreatedAt:O}");
            Assert.InRange(c.Proposed, 100_000m, 1_000_000m);
            Assert.True(Settled.Contains(c.Status) || c.Status == CaseStatus.Held, $"case {c.Id} is {c.Status.Code()}");
        });
    }

    [Theory]
    [MemberData(nameof(Apps.Engines), MemberType = typeof(Apps))]
    public async Task A_restart_adds_nothing(Db db)
    {
        var app = await apps.GetAsync(db);
        var before = await CountsAsync(app);
        Assert.True(before.Cases > 0);
        await using (var again = app.Again())
        {
            _ = again.Server; // starts on the same database: migrations, seeding, the history's check
        }

        Assert.Equal(before, await CountsAsync(app));
    }

    private static async Task<(int Cases, int Decisions, int Payments, int Runs)> CountsAsync(HuiqiApp app)
    {
        await using var store = app.Services.GetRequiredService<CasesDatabase>().CreateDbContext();
        return (await store.Cases.CountAsync(), await store.Decisions.CountAsync(), await store.Payments.CountAsync(), await store.BatchRuns.CountAsync());
    }
}

using System.Globalization;
using System.Net;
using System.Text.Json;
using Huiqi.Cases;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Model;
using Huiqi.Policies;
using Huiqi.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Huiqi.Web.Tests.Http;

/// <summary>A case as the API shows it.</summary>
public sealed record CaseSeen(long Id, string Uscc, string District, string Clause, string Item, CaseStatus Status, int Version, decimal Amount, decimal CityShare, decimal DistrictShare);

/// <summary>
/// The award path over HTTP as the pages post it (antiforgery token first, the version the page showed): each step
/// answers the redirect of a step done, or the status of a step refused.
/// </summary>
public sealed class CaseSteps(HuiqiApp app)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public HuiqiApp App => app;

    public static string Url(long id) => "/cases/" + id.ToString(CultureInfo.InvariantCulture);

    public static async Task<CaseSeen> GetAsync(HttpClient client, long id)
    {
        var response = await client.GetAsync("/api/cases/" + id.ToString(CultureInfo.InvariantCulture));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"case {id}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("case").Deserialize<CaseSeen>(Web)!;
    }

    /// <summary>
    /// A pushed case (免申即享) of the award year still awaiting its enterprise, whose enterprise has an account, none of
    /// <paramref name="taken"/>; one with both shares due (so both finance offices pay) where there is one. With
    /// <paramref name="paidOnce"/>, one of a clause that pays once: the engine, given the award in the ledger, no longer
    /// offers it (an annual clause would offer the next year's, which is right, but not what a test of the ledger reads).
    /// </summary>
    public async Task<CaseSeen> PushedAsync(bool paidOnce = false, params long[] taken)
    {
        var accounts = (await app.EnterpriseAccountsAsync()).Select(a => a.Uscc).ToList();
        await using var db = app.Services.GetRequiredService<CasesDatabase>().CreateDbContext();
        var candidates = await db.Cases.AsNoTracking()
            .Where(c => c.AwardYear == HuiqiApp.Year && c.Status == CaseStatus.AwaitingConfirmation && c.Way == CaseWay.Push
                && c.Amount > 0 && accounts.Contains(c.Uscc) && !taken.Contains(c.Id))
            .OrderBy(c => c.CityShare > 0 && c.DistrictShare > 0 ? 0 : 1).ThenBy(c => c.Id).ToListAsync();
        foreach (var row in candidates)
        {
            var c = new CaseSeen(row.Id, row.Uscc, row.District, row.Clause, row.Item, row.Status, row.Version, row.Amount, row.CityShare, row.DistrictShare);
            if (!paidOnce || (await EngineOffersAsync(c) && !await EngineOffersAsync(c, new Grant(c.Clause, c.Item.Length == 0 ? null : c.Item, c.Amount, DateOnly.FromDateTime(DateTime.Today)))))
            {
                return c;
            }
        }

        Assert.Fail("no pushed case awaiting an enterprise with an account" + (paidOnce ? " under a clause that pays once" : ""));
        return null!;
    }

    /// <summary>
    /// Posts a step of the case page with the version the client now sees (or <paramref name="version"/>); the token is the
    /// user's, read from the case list, so a case the user cannot open can still be posted to.
    /// </summary>
    public static async Task<HttpResponseMessage> StepAsync(HttpClient client, long id, string handler, IDictionary<string, string>? fields = null, int? version = null)
    {
        var values = new Dictionary<string, string>(fields ?? new Dictionary<string, string>())
        {
            ["version"] = (version ?? (await GetAsync(client, id)).Version).ToString(CultureInfo.InvariantCulture),
        };
        return await Forms.PostAsync(client, "/cases", $"{Url(id)}?handler={handler}", values);
    }

    /// <summary>A step that must be done: the page redirects back to the case.</summary>
    public static async Task DoAsync(HttpClient client, long id, string handler, IDictionary<string, string>? fields = null)
    {
        var response = await StepAsync(client, id, handler, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{handler} on {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(Url(id), response.Headers.Location!.ToString());
    }

    /// <summary>The enterprise confirms and the district recommends: the case is with the city.</summary>
    public async Task ToCityAsync(CaseSeen c)
    {
        using var enterprise = await app.SignedInAsync(c.Uscc);
        await DoAsync(enterprise, c.Id, "Confirm");
        using var district = await app.SignedInAsync(HuiqiApp.Slug(c.District) + "-review");
        await DoAsync(district, c.Id, "Pass");
    }

    /// <summary>The city passes each step the clause names (专家评审, 第三方审计) up to its own review.</summary>
    public static async Task ToCityReviewAsync(HttpClient city, long id)
    {
        while ((await GetAsync(city, id)).Status is CaseStatus.ExpertReview or CaseStatus.Audit)
        {
            await DoAsync(city, id, "Pass");
        }

        Assert.Equal(CaseStatus.CityReview, (await GetAsync(city, id)).Status);
    }

    /// <summary>
    /// The city publishes the year's ready cases, the period passes (the application's clock moves to the working day
    /// after it) and the city closes the notice; <paramref name="during"/> acts on the notice (its page's address) while it is open.
    /// </summary>
    public static async Task<long> NoticeAsync(HuiqiApp app, HttpClient city, Func<string, Task>? during = null)
    {
        var published = await Forms.PostAsync(city, "/cases/notices", "/cases/notices?handler=Publish", new Dictionary<string, string>
        {
            ["year"] = HuiqiApp.Year.ToString(CultureInfo.InvariantCulture),
            ["days"] = "5",
            ["workingDays"] = "true",
        });
        Assert.True(published.StatusCode == HttpStatusCode.Redirect, $"publish: {(int)published.StatusCode} {await published.Content.ReadAsStringAsync()}");
        var url = published.Headers.Location!.ToString();
        var notice = long.Parse(url[(url.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
        if (during is not null)
        {
            await during(url);
        }

        // Closed before its period is over, the notice stays open; the day after, it closes.
        var early = await Forms.PostAsync(city, url, $"{url}?handler=Close", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        await app.PassNoticeAsync(notice);
        var response = await Forms.PostAsync(city, url, $"{url}?handler=Close", new Dictionary<string, string>());
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"close notice {notice}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");

        return notice;
    }

    /// <summary>The finance office that pays each share due: the district's its district share, the city's the city share.</summary>
    public static IEnumerable<(string User, string Payer)> Payers(CaseSeen c)
    {
        if (c.DistrictShare > 0)
        {
            yield return (HuiqiApp.Slug(c.District) + "-finance", Payer.District);
        }

        if (c.CityShare > 0)
        {
            yield return ("city-finance", Payer.City);
        }
    }

    /// <summary>Each finance office pays its share due.</summary>
    public async Task PayAsync(CaseSeen c)
    {
        foreach (var (user, payer) in Payers(c))
        {
            using var finance = await app.SignedInAsync(user);
            await DoAsync(finance, c.Id, "Pay", new Dictionary<string, string> { ["payer"] = payer, ["voucher"] = $"{payer}-{c.Id}" });
        }
    }

    /// <summary>Whether the engine, evaluating the enterprise's dossier as it now stands (plus <paramref name="paid"/>), offers the case's award.</summary>
    public async Task<bool> EngineOffersAsync(CaseSeen c, Grant? paid = null)
    {
        var dossier = (await app.Services.GetRequiredService<DossierStore>().GetAsync(c.Uscc))!;
        if (paid is not null)
        {
            dossier = dossier with { Grants = [.. dossier.Grants, paid] };
        }

        return new Evaluator(PolicySource.Default()).Evaluate(dossier, HuiqiApp.Year, new EvaluationOptions()).Awards
            .Any(a => a.Clause == c.Clause && (a.Item ?? "") == c.Item && a.Amount > 0);
    }

    /// <summary>
    /// What the engine answers on the app's registry for the award year, as <c>huiqi evaluate --batch</c> does on the same
    /// enterprises: the award lines with an amount, and their total.
    /// </summary>
    public async Task<(int Lines, decimal Total)> EngineLinesAsync()
    {
        var evaluator = new Evaluator(PolicySource.Default());
        var (lines, total) = (0, 0m);
        await foreach (var d in app.Services.GetRequiredService<DossierStore>().StreamAsync())
        {
            foreach (var a in evaluator.Evaluate(d, HuiqiApp.Year, new EvaluationOptions()).Awards.Where(a => a.Amount > 0))
            {
                (lines, total) = (lines + 1, total + a.Amount);
            }
        }

        return (lines, total);
    }

    /// <summary>The ledger entries (grants) of the enterprise for the case's clause and item.</summary>
    public async Task<IReadOnlyList<Grant>> GrantsAsync(CaseSeen c)
    {
        var dossier = (await app.Services.GetRequiredService<DossierStore>().GetAsync(c.Uscc))!;
        return [.. dossier.Grants.Where(g => g.Clause == c.Clause && (g.Item ?? "") == c.Item)];
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Huiqi.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace Huiqi.Web.Tests.Http;

/// <summary>
/// The demo city starts with its award year's no-application batch run: one case per award line of the engine on the
/// same registry (what <c>huiqi evaluate --batch</c> answers for the same enterprises), shown as done on the batch page.
/// Its own application, so that no payment or registry change of another test has moved what the engine reads (the
/// budget test here pays nothing). A case over its clause's budget is held with a warning for the city, and released
/// once the budget is raised.
/// </summary>
public sealed class DemoBatchTests(Apps apps) : IClassFixture<Apps>
{
    [Theory]
    [MemberData(nameof(Apps.Engines), MemberType = typeof(Apps))]
    public async Task The_demo_year_has_one_case_per_award_line_of_the_engine(Db db)
    {
        var app = await apps.GetAsync(db);
        var (lines, total) = await new CaseSteps(app).EngineLinesAsync();
        Assert.True(lines > 0, "the demo city has awards in its award year");

        // The cases of the year as the batch tallies them (by clause and district), each at the engine's amount.
        var batch = app.Services.GetRequiredService<CaseBatch>();
        var tally = await batch.TallyAsync(HuiqiApp.Year);
        Assert.Equal(lines, tally.Sum(t => t.Cases));
        Assert.Equal(total, tally.Sum(t => t.Amount));
        var run = Assert.Single(await app.Services.GetRequiredService<CaseQueries>().RunsOfYearAsync(HuiqiApp.Year));
        Assert.Equal("done", (await batch.ProgressAsync(run))!.Value.Run.Status);

        // The city sees them all in its list, and the batch page shows the same figures.
        using var city = await app.SignedInAsync("city-review");
        var list = await city.GetFromJsonAsync<JsonElement>($"/api/cases?year={HuiqiApp.Year}");
        Assert.Equal(lines, list.GetProperty("count").GetInt32());
        var page = await city.GetStringAsync("/cases/batch");
        Assert.Contains($"id=\"tally-cases\">{lines}<", page, StringComparison.Ordinal);
        Assert.Contains($"id=\"tally-amount\">{total.ToString("#,0.##", CultureInfo.InvariantCulture)}<", page, StringComparison.Ordinal);

        // The demo's exhibitor spent on central media ads in 2024 (zz2023-23/20): its item is named as the text names it.
        var ads = WebUtility.HtmlDecode(await city.GetStringAsync($"/cases?year={HuiqiApp.Year}&clause=zz2023-23/20"));
        Assert.Contains("中央一级媒体产品广告费", ads, StringComparison.Ordinal);
        Assert.DoesNotContain(">central-media-ads<", ads, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Apps.Engines), MemberType = typeof(Apps))]
    public async Task A_case_over_its_budget_is_held_with_a_warning_until_the_city_raises_it(Db db)
    {
        var app = await apps.GetAsync(db);
        var steps = new CaseSteps(app);
        var c = await steps.PushedAsync();
        await steps.ToCityAsync(c);
        using var city = await app.SignedInAsync("city-review");
        await CaseSteps.ToCityReviewAsync(city, c.Id);

        // The clause's budget for the year is set to exactly what is already committed under it: this case does not fit.
        var workflow = app.Services.GetRequiredService<CaseWorkflow>();
        var document = c.Clause.Split('/')[0];
        await SetBudgetAsync(city, document, c.Clause, 1_000_000_000m);
        var committed = (await workflow.BudgetsAsync(HuiqiApp.Year)).Single(b => b.Budget.Clause == c.Clause).Committed ?? throw new InvalidOperationException("the committed total does not add up");
        await SetBudgetAsync(city, document, c.Clause, committed);

        await CaseSteps.DoAsync(city, c.Id, "Pass");
        Assert.Equal(CaseStatus.Held, (await CaseSteps.GetAsync(city, c.Id)).Status);
        var budgets = await city.GetStringAsync($"/cases/budgets?year={HuiqiApp.Year}");
        Assert.Contains(CaseSteps.Url(c.Id), budgets[budgets.IndexOf("id=\"held\"", StringComparison.Ordinal)..], StringComparison.Ordinal);

        // Released while still over budget: refused; once the budget holds it (committed + this case's amount): ready for notice.
        var early = await CaseSteps.StepAsync(city, c.Id, "Release");
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("预算仍不足", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await SetBudgetAsync(city, document, c.Clause, committed + c.Amount);
        await CaseSteps.DoAsync(city, c.Id, "Release");
        Assert.Equal(CaseStatus.ReadyForNotice, (await CaseSteps.GetAsync(city, c.Id)).Status);
    }

    private static async Task SetBudgetAsync(HttpClient city, string document, string clause, decimal amount)
    {
        var url = $"/cases/budgets?year={HuiqiApp.Year}";
        var response = await Forms.PostAsync(city, url, $"/cases/budgets?handler=Set&year={HuiqiApp.Year}", new Dictionary<string, string>
        {
            ["document"] = document,
            ["clause"] = clause,
            ["amount"] = amount.ToString(CultureInfo.InvariantCulture),
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"budget {clause} {amount}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}

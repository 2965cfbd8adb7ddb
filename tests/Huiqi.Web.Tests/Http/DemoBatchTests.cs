using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Huiqi.Cases;
using Huiqi.Web.Casework;
using Microsoft.Extensions.DependencyInjection;

namespace Huiqi.Web.Tests.Http;

/// <summary>
/// The demo city starts with its award year's no-application batch run: one case per award line of the engine on the
/// same registry (what <c>huiqi evaluate --batch</c> answers for the same enterprises), shown as done on the batch page.
/// Its own application, so that no payment or registry change of another test has moved what the engine reads.
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
    }
}

using Huiqi.Store;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Cases.Tests;

/// <summary>
/// The award path's table (<see cref="CasePath"/>) and what it answers: who may take which step where, and the codes a
/// status is stored and answered as.
/// </summary>
public sealed class CasePathTests
{
    private static CaseRow At(CaseStatus status) => new() { Uscc = "91410100000000001X", District = "金水区", Status = status, CityShare = 100, DistrictShare = 50 };

    [Fact]
    public void Final_statuses_lead_nowhere_and_every_other_status_somewhere()
    {
        foreach (var status in CaseStatuses.All)
        {
            var from = CasePath.Table.Where(t => t.From == status).ToList();
            if (status is CaseStatus.Declined or CaseStatus.Rejected)
            {
                Assert.Empty(from);
            }
            else
            {
                Assert.NotEmpty(from);
            }
        }
    }

    [Fact]
    public void A_case_offers_each_role_only_its_own_steps()
    {
        var enterprise = new Actor("ent", Role.Enterprise, null, "91410100000000001X", "test");
        var stranger = enterprise with { Uscc = "91410100000000002X" };
        var district = Actor.DistrictReviewerOf("金水区", "dr");
        var city = new Actor("cr", Role.CityReviewer, null, null, "test");
        var finance = new Actor("cf", Role.CityFinance, null, null, "test");

        Assert.Equal([CaseStep.Confirm, CaseStep.Decline], CasePath.AllowedSteps(At(CaseStatus.AwaitingConfirmation), enterprise).Order());
        Assert.Empty(CasePath.AllowedSteps(At(CaseStatus.AwaitingConfirmation), stranger));
        Assert.Empty(CasePath.AllowedSteps(At(CaseStatus.AwaitingConfirmation), city));
        Assert.Equal([CaseStep.Pass, CaseStep.Return, CaseStep.Reject], CasePath.AllowedSteps(At(CaseStatus.DistrictReview), district).Order());
        Assert.Empty(CasePath.AllowedSteps(At(CaseStatus.DistrictReview), city));
        Assert.Equal([CaseStep.Reject, CaseStep.Release], CasePath.AllowedSteps(At(CaseStatus.Held), city).Order());
        Assert.Equal([Payer.City], CasePath.PayableShares(At(CaseStatus.Approved), finance, []));
        Assert.Empty(CasePath.PayableShares(At(CaseStatus.Approved), finance, [new PaymentRow { Payer = Payer.City }]));
        Assert.Contains(CaseStep.Rate, CasePath.AllowedSteps(At(CaseStatus.Paid), enterprise));
        var rated = At(CaseStatus.Paid);
        rated.Rating = 5;
        Assert.DoesNotContain(CaseStep.Rate, CasePath.AllowedSteps(rated, enterprise));
    }

    [Theory]
    [InlineData("Data Source=unused.db")]
    [InlineData("Host=localhost;Database=unused")]
    public void The_status_column_is_the_one_the_migrations_made(string connection)
    {
        using var db = new CasesDatabase(connection, DecisionLogKey.Generate()).CreateDbContext();
        Assert.False(db.Database.HasPendingModelChanges(), "the cases' model differs from its migrations");
    }

    [Fact]
    public void A_status_is_stored_and_answered_as_its_code()
    {
        Assert.Equal("district-review", CaseStatus.DistrictReview.Code());
        Assert.Equal("\"ready-for-notice\"", System.Text.Json.JsonSerializer.Serialize(CaseStatus.ReadyForNotice));
        Assert.All(CaseStatuses.All, s => Assert.Equal(s, CaseStatuses.Parse(s.Code())));
        Assert.False(CaseStatuses.TryParse("DistrictReview", out _));
    }
}

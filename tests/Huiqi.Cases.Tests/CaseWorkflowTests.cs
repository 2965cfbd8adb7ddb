using Huiqi.Engine.Evaluation;
using Huiqi.Store;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Cases.Tests;

/// <summary>The award path on real databases: batch, review, notice, payment, ledger, budgets and the decision log.</summary>
public sealed partial class CaseWorkflowTests
{
    // 2023: zzw2022-155 (split 1:1 with the districts) still pays most of its clauses before zz2023-23 takes over on
    // 2023-11-27, so the demo city has awards both finance bureaus pay.
    private const int Year = 2023;

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Batch_makes_one_case_per_award_line_and_a_rerun_adds_none(Db db)
    {
        await using var w = await CaseWorld.CreateAsync(db);

        // What the engine says on the same registry: every award line with an amount, and their total.
        var evaluator = new Evaluator(CaseWorld.Catalog);
        var lines = 0;
        var total = 0m;
        await foreach (var d in w.Store.StreamAsync())
        {
            foreach (var a in evaluator.Evaluate(d, Year, new EvaluationOptions()).Awards.Where(a => a.Amount > 0))
            {
                lines++;
                total += a.Amount;
            }
        }

        Assert.True(lines > 20, $"the demo city should give award lines for {Year}, got {lines}");

        var first = await w.RunBatchAsync(Year);
        await using (var ctx = w.Cases.CreateDbContext())
        {
            var cases = await ctx.Cases.Where(c => c.AwardYear == Year).Select(c => c.Proposed).ToListAsync();
            Assert.Equal(lines, cases.Count);
            Assert.Equal(total, cases.Sum());
            Assert.Equal("done", (await ctx.BatchRuns.SingleAsync(r => r.Id == first.Id)).Status);
        }

        var second = await w.RunBatchAsync(Year);
        await using (var ctx = w.Cases.CreateDbContext())
        {
            Assert.Equal(lines, await ctx.Cases.CountAsync(c => c.AwardYear == Year));
            var parts = await ctx.BatchParts.Where(p => p.RunId == second.Id).ToListAsync();
            Assert.Equal(0, parts.Sum(p => p.CasesCreated));
            Assert.Equal(lines, parts.Sum(p => p.CasesExisting));
            Assert.Null(await DecisionLog.VerifyAsync(ctx));
        }

        var tally = await w.Batch.TallyAsync(Year);
        Assert.Equal(lines, tally.Sum(t => t.Cases));
        Assert.Equal(total, tally.Sum(t => t.Amount));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_pushed_award_goes_through_review_and_notice_to_payment_and_into_the_ledger(Db db)
    {
        await using var w = await CaseWorld.CreateAsync(db);
        await w.RunBatchAsync(Year);
        var c = await SplitPushCaseAsync(w);
        var district = c.District;

        c = await w.Workflow.ConfirmAsync(c.Id, c.Version, CaseWorld.Enterprise(c));
        Assert.Equal(CaseStatus.DistrictReview, c.Status);
        Assert.NotNull(c.Deadline);

        c = await w.Workflow.PassAsync(c.Id, c.Version, CaseWorld.DistrictReviewer(district), null, null);
        Assert.Equal(CaseStatus.CityReview, c.Status);
        c = await w.Workflow.PassAsync(c.Id, c.Version, CaseWorld.CityReviewer, null, null);
        Assert.Equal(CaseStatus.ReadyForNotice, c.Status);

        var notice = await w.Workflow.PublishNoticeAsync(CaseWorld.CityReviewer, Year, [c.Id]);
        // Published Monday 2025-03-03: five working days are 3–7 March, so the period ends Friday the 7th.
        Assert.Equal(new DateOnly(2025, 3, 7), notice.Ends);
        await Assert.ThrowsAsync<CaseException>(() => w.Workflow.CloseNoticeAsync(notice.Id, CaseWorld.CityReviewer));

        w.Clock.Now = w.Clock.Now.AddDays(7);
        var (approved, waiting) = await w.Workflow.CloseNoticeAsync(notice.Id, CaseWorld.CityReviewer);
        Assert.Equal((1, 0), (approved, waiting));

        c = await ReloadAsync(w, c.Id);
        Assert.Equal(CaseStatus.Approved, c.Status);
        c = await w.Workflow.PayAsync(c.Id, c.Version, CaseWorld.CityFinance, Payer.City, "SZ-2025-001");
        Assert.Equal(CaseStatus.Paying, c.Status);

        // The district's finance of another district cannot see the case at all.
        var other = CaseWorld.DistrictFinance(district == "金水区" ? "二七区" : "金水区");
        var hidden = await Assert.ThrowsAsync<CaseException>(() => w.Workflow.PayAsync(c.Id, c.Version, other, Payer.District, "X"));
        Assert.Equal(CaseProblem.NotFound, hidden.Problem);

        c = await w.Workflow.PayAsync(c.Id, c.Version, CaseWorld.DistrictFinance(district), Payer.District, "QX-2025-001");
        Assert.Equal(CaseStatus.Paid, c.Status);

        // The ledger the engine reads now holds the award, once, with its amount and award year.
        var dossier = await w.Store.GetAsync(c.Uscc);
        var grant = Assert.Single(dossier!.Grants, g => g.Clause == c.Clause && (g.Item ?? "") == c.Item);
        Assert.Equal(c.Amount, grant.Amount);
        await using (var ctx = w.Registry.CreateDbContext())
        {
            Assert.Equal(Year, (await ctx.Grants.SingleAsync(g => g.Clause == c.Clause && g.Enterprise!.Uscc == c.Uscc)).AwardYear);
        }

        await using (var ctx = w.Cases.CreateDbContext())
        {
            var payments = await ctx.Payments.Where(p => p.CaseId == c.Id).ToListAsync();
            Assert.Equal(c.CityShare, payments.Single(p => p.Payer == Payer.City).Amount);
            Assert.Equal(c.DistrictShare, payments.Single(p => p.Payer == Payer.District).Amount);
            Assert.Equal(c.Amount, payments.Sum(p => p.Amount));
            Assert.Null(await DecisionLog.VerifyAsync(ctx));
            var steps = await ctx.Decisions.Where(d => d.CaseId == c.Id).OrderBy(d => d.Seq).Select(d => d.Action).ToListAsync();
            Assert.Equal(["push", "confirm", "pass", "pass", "notice", "notice-ended", "pay", "pay"], steps);
        }

        // A rerun of the batch does not offer the paid award again.
        await w.RunBatchAsync(Year);
        await using (var ctx = w.Cases.CreateDbContext())
        {
            Assert.Equal(1, await ctx.Cases.CountAsync(x => x.Uscc == c.Uscc && x.Clause == c.Clause && x.Item == c.Item && x.AwardYear == Year));
        }

        var rated = await w.Workflow.RateAsync(c.Id, c.Version, CaseWorld.Enterprise(c), 5, "办理迅速");
        Assert.Equal(5, rated.Rating);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Two_reviewers_approving_at_once_give_one_approval_and_two_payers_one_payment(Db db)
    {
        await using var w = await CaseWorld.CreateAsync(db);
        await w.RunBatchAsync(Year);
        var c = await SplitPushCaseAsync(w);
        c = await w.Workflow.ConfirmAsync(c.Id, c.Version, CaseWorld.Enterprise(c));
        c = await w.Workflow.PassAsync(c.Id, c.Version, CaseWorld.DistrictReviewer(c.District), null, null);

        // Both reviewers opened the case at the same version and press "通过" together.
        var version = c.Version;
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            try
            {
                await w.Workflow.PassAsync(c.Id, version, CaseWorld.CityReviewer, null, null);
                return "ok";
            }
            catch (CaseException e) when (e.Problem == CaseProblem.Conflict)
            {
                return "conflict";
            }
        })));
        Assert.Equal(["conflict", "ok"], outcomes.Order());

        var notice = await w.Workflow.PublishNoticeAsync(CaseWorld.CityReviewer, Year, [c.Id]);
        w.Clock.Now = w.Clock.Now.AddDays(10);
        await w.Workflow.CloseNoticeAsync(notice.Id, CaseWorld.CityReviewer);
        c = await ReloadAsync(w, c.Id);

        // Two finance officers pay the city share at once, each from a page at the same version, and then once more
        // from a fresh page: one payment only.
        var paid = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => Task.Run(async () =>
        {
            try
            {
                var v = i < 2 ? c.Version : (await ReloadAsync(w, c.Id)).Version;
                await w.Workflow.PayAsync(c.Id, v, CaseWorld.CityFinance, Payer.City, $"SZ-{i}");
                return 1;
            }
            catch (CaseException)
            {
                return 0;
            }
        })));
        Assert.Equal(1, paid.Sum());
        await using var ctx = w.Cases.CreateDbContext();
        Assert.Equal(1, await ctx.Payments.CountAsync(p => p.CaseId == c.Id && p.Payer == Payer.City));
        Assert.Equal(1, await ctx.Decisions.CountAsync(d => d.CaseId == c.Id && d.Action == "pass" && d.Transition == "city-review→ready-for-notice"));
        Assert.Null(await DecisionLog.VerifyAsync(ctx));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_case_over_its_budget_is_held_with_a_warning_until_the_budget_allows_it(Db db)
    {
        await using var w = await CaseWorld.CreateAsync(db);
        await w.RunBatchAsync(Year);
        var c = await SplitPushCaseAsync(w);
        var document = c.Clause[..c.Clause.IndexOf('/', StringComparison.Ordinal)];

        // A budget one yuan short of this award: nothing else is committed, so the case alone exceeds it by 1 yuan.
        await w.Workflow.SetBudgetAsync(CaseWorld.CityFinance, document, null, Year, c.Amount - 1, null);
        c = await w.Workflow.ConfirmAsync(c.Id, c.Version, CaseWorld.Enterprise(c));
        c = await w.Workflow.PassAsync(c.Id, c.Version, CaseWorld.DistrictReviewer(c.District), null, null);
        c = await w.Workflow.PassAsync(c.Id, c.Version, CaseWorld.CityReviewer, null, null);
        Assert.Equal(CaseStatus.Held, c.Status);
        Assert.Contains("超出预算", c.Reason);
        Assert.Contains("超出1元", c.Reason);

        var use = Assert.Single(await w.Workflow.BudgetsAsync(Year), b => b.Budget.Document == document && b.Budget.Clause == "");
        Assert.Equal(1, use.HeldCases);
        Assert.Equal(c.Amount, use.HeldAmount);
        Assert.Equal(0m, use.Committed);

        var still = await Assert.ThrowsAsync<CaseException>(() => w.Workflow.ReleaseAsync(c.Id, c.Version, CaseWorld.CityReviewer));
        Assert.Equal(CaseProblem.Conflict, still.Problem);

        await w.Workflow.SetBudgetAsync(CaseWorld.CityFinance, document, null, Year, c.Amount, null);
        c = await w.Workflow.ReleaseAsync(c.Id, c.Version, CaseWorld.CityReviewer);
        Assert.Equal(CaseStatus.ReadyForNotice, c.Status);
        Assert.Equal(c.Amount, Assert.Single(await w.Workflow.BudgetsAsync(Year), b => b.Budget.Document == document && b.Budget.Clause == "").Committed);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_reviewer_may_lower_but_never_raise_the_amount_and_an_objection_holds_the_case(Db db)
    {
        await using var w = await CaseWorld.CreateAsync(db);
        await w.RunBatchAsync(Year);
        var c = await SplitPushCaseAsync(w);
        c = await w.Workflow.ConfirmAsync(c.Id, c.Version, CaseWorld.Enterprise(c));
        var reviewer = CaseWorld.DistrictReviewer(c.District);

        var higher = await Assert.ThrowsAsync<CaseException>(() => w.Workflow.PassAsync(c.Id, c.Version, reviewer, c.Amount + 1, "多给"));
        Assert.Equal(CaseProblem.Invalid, higher.Problem);
        await Assert.ThrowsAsync<CaseException>(() => w.Workflow.PassAsync(c.Id, c.Version, reviewer, c.Amount - 1001, ""));

        // Lowered by 1,001 yuan; the document splits 1:1 with the city's half rounded down to the yuan (rule 9).
        var lowered = c.Amount - 1001;
        c = await w.Workflow.PassAsync(c.Id, c.Version, reviewer, lowered, "部分票据不符合要求");
        Assert.Equal(lowered, c.Amount);
        Assert.Equal(decimal.Floor(lowered / 2), c.CityShare);
        Assert.Equal(lowered - decimal.Floor(lowered / 2), c.DistrictShare);

        c = await w.Workflow.PassAsync(c.Id, c.Version, CaseWorld.CityReviewer, null, null);
        var notice = await w.Workflow.PublishNoticeAsync(CaseWorld.CityReviewer, Year, [c.Id], days: 7, workingDays: false);
        Assert.Equal(new DateOnly(2025, 3, 9), notice.Ends); // 3–9 March: seven calendar days from Monday
        var objection = await w.Workflow.ObjectAsync(c.Id, CaseWorld.CityReviewer, "张某（实名）", "该企业当年有安全生产事故");
        w.Clock.Now = w.Clock.Now.AddDays(8);
        var (approved, waiting) = await w.Workflow.CloseNoticeAsync(notice.Id, CaseWorld.CityReviewer);
        Assert.Equal((0, 1), (approved, waiting));

        c = await w.Workflow.ResolveObjectionAsync(objection.Id, CaseWorld.CityReviewer, upheld: false, "经核查，事故发生在2025年，不影响2024年度奖励");
        Assert.Equal(CaseStatus.Approved, c.Status);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task The_decision_log_refuses_changes_and_shows_tampering(Db db)
    {
        await using var w = await CaseWorld.CreateAsync(db);
        await w.RunBatchAsync(Year);
        await using var ctx = w.Cases.CreateDbContext();
        Assert.Null(await DecisionLog.VerifyAsync(ctx));

        await Assert.ThrowsAnyAsync<Exception>(() => ctx.Database.ExecuteSqlRawAsync("UPDATE case_decisions SET \"Detail\" = '{}' WHERE \"Seq\" = 3"));
        await Assert.ThrowsAnyAsync<Exception>(() => ctx.Database.ExecuteSqlRawAsync("DELETE FROM case_decisions WHERE \"Seq\" = 3"));

        // Someone with the database owner's rights drops the guard and edits an amount: the chain breaks at that entry.
        await ctx.Database.ExecuteSqlRawAsync(db == Db.Postgres
            ? "DROP TRIGGER case_decisions_no_update ON case_decisions"
            : "DROP TRIGGER case_decisions_no_update");
        await ctx.Database.ExecuteSqlRawAsync("UPDATE case_decisions SET \"Detail\" = replace(\"Detail\", '\"amount\":', '\"amount\":1') WHERE \"Seq\" = 3");
        Assert.Equal(3, await DecisionLog.VerifyAsync(ctx));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    public async Task An_application_needs_a_document_of_an_accepted_type_and_size(Db db)
    {
        await using var w = await CaseWorld.CreateAsync(db, enterprises: 20);
        var d = await w.Store.StreamAsync().FirstAsync();
        var actor = new Actor("ent", Role.Enterprise, null, d.Uscc, "10.0.0.9");

        // zzw2022-155 took applications until 2024-03-31 (the 31 March after its window): apply on 2024-03-01.
        w.Clock.Now = new DateTimeOffset(2024, 3, 1, 1, 0, 0, TimeSpan.Zero);
        // zzw2022-155/12: at most 1,000,000 yuan per enterprise a year (每家企业每年最高申领100万元).
        var over = await Assert.ThrowsAsync<CaseException>(() => w.Workflow.ApplyAsync(actor, "zzw2022-155/12", null, Year, 1_000_001m, "三星级上云", d.Name, d.District));
        Assert.Contains("最高1,000,000元", over.Chinese);
        var c = await w.Workflow.ApplyAsync(actor, "zzw2022-155/12", null, Year, 400_000m, "三星级上云，申领服务券", d.Name, d.District);
        Assert.Equal(CaseStatus.AwaitingApplication, c.Status);

        var noFile = await Assert.ThrowsAsync<CaseException>(() => w.Workflow.SubmitAsync(c.Id, c.Version, actor, null));
        Assert.Contains("申报材料", noFile.Chinese);
        var exe = await Assert.ThrowsAsync<CaseException>(() => w.Workflow.AttachAsync(c.Id, actor, "tool.exe", [0x4D, 0x5A]));
        Assert.Contains("类型不受支持", exe.Chinese);
        var fake = await Assert.ThrowsAsync<CaseException>(() => w.Workflow.AttachAsync(c.Id, actor, "证明.pdf", "not a pdf"u8.ToArray()));
        Assert.Contains("不符", fake.Chinese);
        var big = new byte[w.Workflow.Settings.MaxAttachmentBytes + 1];
        "%PDF"u8.CopyTo(big);
        await Assert.ThrowsAsync<CaseException>(() => w.Workflow.AttachAsync(c.Id, actor, "大文件.pdf", big));

        await w.Workflow.AttachAsync(c.Id, actor, "星级证书.pdf", MinimalPdf);
        c = await w.Workflow.SubmitAsync(c.Id, c.Version, actor, null);
        Assert.Equal(CaseStatus.DistrictReview, c.Status);
        // Submitted Friday 2024-03-01. Counting 60 working days after it: 20 weekdays in 4–29 March; in April 22
        // weekdays less Thursday the 4th and Friday the 5th (清明) plus Sundays the 7th and 28th (调休) = 22, so 42 by
        // 30 April; 1–5 May are the Labour Day holiday; then 6–10 May (47), Saturday the 11th (调休, 48), 13–17 (53),
        // 20–24 (58), 27–28 May (60): Tuesday 2024-05-28.
        Assert.Equal(new DateOnly(2024, 5, 28), c.Deadline);

        // Another enterprise cannot see it.
        var stranger = new Actor("other", Role.Enterprise, null, "91410100000000000X", "10.0.0.8");
        Assert.Equal(CaseProblem.NotFound, (await Assert.ThrowsAsync<CaseException>(() => w.Workflow.DeclineAsync(c.Id, c.Version, stranger, "不要了"))).Problem);
    }

    [Fact]
    public void Working_days_follow_the_holiday_notice()
    {
        var cal = WorkingCalendar.China;
        // 2025-09-26 is a Friday; 28 September (Sunday) is worked; 1–8 October are holidays; 11 October (Saturday) is worked.
        Assert.Equal(new DateOnly(2025, 10, 9), cal.PeriodEnd(new DateOnly(2025, 9, 26), 5, workingDays: true));
        Assert.True(cal.IsWorkingDay(new DateOnly(2025, 10, 11)));
        Assert.False(cal.IsWorkingDay(new DateOnly(2025, 10, 8)));
        Assert.Equal(new DateOnly(2025, 10, 2), cal.PeriodEnd(new DateOnly(2025, 9, 26), 7, workingDays: false));
    }

    /// <summary>A pushed case of a document split between city and district (zzw2022-155: 1:1), so both finance bureaus pay.</summary>
    private static async Task<CaseRow> SplitPushCaseAsync(CaseWorld w)
    {
        await using var ctx = w.Cases.CreateDbContext();
        var c = await ctx.Cases.AsNoTracking()
            .Where(x => x.AwardYear == Year && x.Way == CaseWay.Push && x.Status == CaseStatus.AwaitingConfirmation && x.DistrictShare > 0 && x.Steps == "")
            .OrderBy(x => x.Id).FirstOrDefaultAsync();
        Assert.True(c is not null, "the demo city should have a pushed award split between city and district");
        Assert.True(c!.Amount > 2000, "the lowering test needs an award above 2,000 yuan");
        return c;
    }

    private static async Task<CaseRow> ReloadAsync(CaseWorld w, long id)
    {
        await using var ctx = w.Cases.CreateDbContext();
        return await ctx.Cases.AsNoTracking().SingleAsync(x => x.Id == id);
    }
}

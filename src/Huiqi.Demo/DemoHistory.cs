using System.Security.Cryptography;
using System.Text;
using Huiqi.Cases;
using Huiqi.Engine.Catalog;
using Huiqi.Engine.Model;
using Huiqi.Store;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Demo;

/// <summary>
/// The clock the demo's history is made on: it stands at the moment the history has reached and only moves forward,
/// so every decision, notice, payment and ledger entry the workflow writes carries that past moment.
/// </summary>
public sealed class HistoryClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    /// <summary>Moves to <paramref name="at"/>, or stays where it is when that is earlier (never back).</summary>
    public void MoveTo(DateTimeOffset at)
    {
        if (at > _now)
        {
            _now = at;
        }
    }
}

/// <summary>The demo accounts that act in the history: the city's reviewer and finance, and each district's.</summary>
public sealed record DemoOffices(string CityReviewer, string CityFinance, Func<string, string> DistrictReviewer, Func<string, string> DistrictFinance);

/// <summary>What a fresh demo start made: the cases of each award year by status.</summary>
public sealed record DemoHistoryMade(IReadOnlyDictionary<int, IReadOnlyDictionary<CaseStatus, int>> Years, TimeSpan InBatches, TimeSpan InSteps)
{
    public int Cases => Years.Values.Sum(y => y.Values.Sum());
}

/// <summary>
/// The demo's award history (演示办理记录), made once on a fresh Demo start: the award years from
/// <see cref="FirstYear"/> to the current figures year (<see cref="AwardYears.Now"/>) went through the real workflow —
/// the no-application batch in March of the following year, the enterprises' confirmations, 区县初审 in early April, the
/// city's steps (专家评审, 第三方审计, 市级复审) in late April, the 公示 in May with its period, payment by both finance
/// offices in June and July; a late round (enterprises that confirmed late, returned cases corrected) goes the same way
/// from September to December. The current events year's batch ran a few weeks ago and about half of its enterprises
/// have confirmed, so its cases wait for review. Every step is taken by <see cref="CaseWorkflow"/> on a
/// <see cref="HistoryClock"/> moved forward step by step over working days, and no step is taken on or after today, so
/// nothing is dated after now. A few enterprises decline, a few cases are returned or refused, some enterprises rate
/// the service. Deterministic for a seed and a day.
/// </summary>
public sealed class DemoHistory(CasesDatabase cases, HuiqiDatabase registry, DossierStore store, PolicyCatalog catalog, DemoOffices offices, int seed)
{
    /// <summary>The first award year of the history.</summary>
    public const int FirstYear = 2022;

    private const string Address = "demo";

    /// <summary>A minimal well-formed PDF, the application form an applying enterprise attaches.</summary>
    private static readonly byte[] Form = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\nstartxref\n0\n%%EOF\n"u8.ToArray();

    /// <summary>What is to be done, by when: each step is taken in time order, and may plan the next one of its case.</summary>
    private readonly PriorityQueue<(Func<Task> Step, bool Alone), (DateTimeOffset At, long Seq)> _due = new();
    private long _seq;
    private TimeSpan _inBatches;
    private HistoryClock _clock = null!;
    private CaseWorkflow _workflow = null!;
    private DateOnly _today;
    private string _node = "demo";
    private CancellationToken _cancel;

    private WorkingCalendar Calendar => _workflow.Calendar;

    /// <summary>
    /// Makes the history when the case store has no batch run yet (a restart adds nothing) and answers what it made, or
    /// null when there was one already.
    /// </summary>
    public async Task<DemoHistoryMade?> MakeIfEmptyAsync(TimeProvider now, string node, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(now);
        await using (var db = cases.CreateDbContext())
        {
            if (await db.BatchRuns.AnyAsync(cancel))
            {
                return null;
            }
        }

        (_today, _node, _cancel) = (now.Today(), node, cancel);
        _clock = new HistoryClock(At(new DateOnly(FirstYear, 1, 1), 0));
        _workflow = new CaseWorkflow(cases, registry, catalog, _clock);
        var years = AwardYears.Now(now);
        for (var year = FirstYear; year <= years.Figures; year++)
        {
            PlanFiguresYear(year);
        }

        PlanEventsYear(years.Events);
        // A day's steps of the cases commit together, a few hundred at a time; the batch and the stages that read the
        // cases to plan their steps run on their own, after what came before them has committed.
        var steps = System.Diagnostics.Stopwatch.StartNew();
        while (_due.TryPeek(out var first, out var start))
        {
            if (first.Alone)
            {
                _due.Dequeue();
                _clock.MoveTo(start.At);
                await first.Step();
                continue;
            }

            await _workflow.TogetherAsync(
                async () =>
                {
                    for (var n = 0; n < 300 && _due.TryPeek(out var next, out var when) && !next.Alone && BeijingTime.DateOf(when.At) == BeijingTime.DateOf(start.At); n++)
                    {
                        _due.Dequeue();
                        _clock.MoveTo(when.At);
                        await next.Step();
                    }
                },
                cancel);
        }

        await using var read = cases.CreateDbContext();
        var counts = await read.Cases.AsNoTracking().GroupBy(c => new { c.AwardYear, c.Status })
            .Select(g => new { g.Key.AwardYear, g.Key.Status, Count = g.Count() }).ToListAsync(cancel);
        return new DemoHistoryMade(
            counts.GroupBy(c => c.AwardYear).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<CaseStatus, int>)g.ToDictionary(c => c.Status, c => c.Count)),
            _inBatches,
            steps.Elapsed - _inBatches);
    }

    /// <summary>An award year whose figures are in: its batch the next March, then two rounds to payment.</summary>
    private void PlanFiguresYear(int year)
    {
        var n = year + 1;
        DateOnly On(int month, int day) => new(n, month, day);
        Stage(FirstWorkingDay(On(3, 1)), 90, () => BatchAsync(year));
        Stage(FirstWorkingDay(On(3, 2)), 0, () => PoolApplicationsAsync(year));
        Stage(On(3, 6), 0, () => EnterprisesAsync(year, On(3, 6), On(3, 31), firstRound: true));
        Stage(On(4, 1), 0, () => DistrictsAsync(year, On(4, 1), On(4, 15), firstRound: true));
        Stage(On(4, 16), 0, () => CityAsync(year, On(4, 16), On(4, 28)));
        Stage(FirstWorkingDay(On(5, 8)), 60, () => NoticeAsync(year));
        Stage(On(6, 1), 0, () => PaymentsAsync(year, On(6, 1), On(6, 19), On(7, 15)));
        Stage(On(9, 1), 0, () => EnterprisesAsync(year, On(9, 1), On(9, 25), firstRound: false));
        Stage(On(10, 8), 0, () => DistrictsAsync(year, On(10, 8), On(10, 20), firstRound: false));
        Stage(On(10, 21), 0, () => CityAsync(year, On(10, 21), On(11, 6)));
        Stage(FirstWorkingDay(On(11, 16)), 60, () => NoticeAsync(year));
        Stage(On(12, 1), 0, () => PaymentsAsync(year, On(12, 1), On(12, 10), On(12, 28)));
    }

    /// <summary>The year of events under way: its batch three weeks ago, about half its enterprises have confirmed since.</summary>
    private void PlanEventsYear(int year)
    {
        var batch = _today;
        for (var k = 0; k < 15; k++)
        {
            batch = PreviousWorkingDay(batch);
        }

        if (batch.Year != year)
        {
            return; // the year has only just begun: no batch yet
        }

        Stage(batch, 90, () => BatchAsync(year));
        var from = Calendar.AddWorkingDays(batch, 2);
        Stage(from, 0, () => EnterprisesAsync(year, from, _today.AddDays(-1), firstRound: true, share: 0.5));
    }

    /// <summary>
    /// Plans a step of a case at a minute of a day; one on or after today is not taken (it has not happened yet). A
    /// stage (<paramref name="alone"/>) reads the cases and plans their steps, or runs the batch.
    /// </summary>
    private void Plan(DateOnly day, int minute, Func<Task> step, bool alone = false)
    {
        var at = At(day, minute);
        if (BeijingTime.DateOf(at) < _today)
        {
            _due.Enqueue((step, alone), (at, _seq++));
        }
    }

    private void Stage(DateOnly day, int minute, Func<Task> stage) => Plan(day, minute, stage, alone: true);

    /// <summary>A case's step on its own working day of the window, at its own minute.</summary>
    private void PlanEach(IEnumerable<CaseRow> rows, DateOnly from, DateOnly to, string purpose, Func<CaseRow, DateOnly, Task> step)
    {
        var days = new List<DateOnly>();
        for (var d = FirstWorkingDay(from); d <= to; d = Calendar.AddWorkingDays(d, 1))
        {
            days.Add(d);
        }

        if (days.Count == 0)
        {
            return;
        }

        foreach (var c in rows)
        {
            var day = days[(int)(Draw(c.Id, purpose) * days.Count)];
            Plan(day, Minute(c.Id, day), () => step(c, day));
        }
    }

    private async Task<List<CaseRow>> AtAsync(int year, params CaseStatus[] statuses)
    {
        await using var db = cases.CreateDbContext();
        return await db.Cases.AsNoTracking().Where(c => c.AwardYear == year && statuses.Contains(c.Status)).OrderBy(c => c.Id).ToListAsync(_cancel);
    }

    private async Task BatchAsync(int year)
    {
        var took = System.Diagnostics.Stopwatch.StartNew();
        var batch = new CaseBatch(cases, store, catalog, _clock) { ChunkSize = 500 };
        var run = await batch.StartAsync(year, Actor.System(_node), _cancel);
        await using var db = cases.CreateDbContext();
        var parts = await db.BatchParts.AsNoTracking().Where(p => p.RunId == run.Id).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(_cancel);
        foreach (var part in parts)
        {
            await batch.RunPartAsync(part, _node, _cancel);
        }

        _inBatches += took.Elapsed;
    }

    /// <summary>
    /// 快申快享 from a pool (zzw2022-155/12's cloud vouchers): each enterprise the engine refers to a pooled clause for
    /// the year applies, while the clause's document still takes applications, for an amount of its own within the
    /// clause's limit per enterprise (whole 万元 from 10万); its form is attached and submitted in the first round.
    /// </summary>
    private async Task PoolApplicationsAsync(int year)
    {
        var today = _clock.Today();
        var pooled = catalog.Clauses.Where(c => c.Path.Pool is not null && c.Document.AcceptsApplicationsOn(today)).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        if (pooled.Count == 0)
        {
            return;
        }

        var evaluator = new Huiqi.Engine.Evaluation.Evaluator(catalog);
        await foreach (var d in store.StreamAsync(cancel: _cancel))
        {
            foreach (var r in evaluator.Evaluate(d, year, new Huiqi.Engine.Evaluation.EvaluationOptions()).Referrals.Where(r => pooled.Contains(r.Clause)))
            {
                var most = catalog.ClausesById[r.Clause].Path.Pool!.PerEnterprise ?? 1_000_000m;
                var steps = (int)(most / 100_000m);
                var requested = 100_000m * (1 + (int)(Draw(d.Uscc, r.Clause) * steps));
                var enterprise = new Actor(d.Uscc, Role.Enterprise, null, d.Uscc, Address);
                try
                {
                    await _workflow.ApplyAsync(enterprise, r.Clause, r.Item, year, Math.Min(requested, most), "已完成上云并取得星级认定，申领云服务券", d.Name, d.District, _cancel);
                }
                catch (CaseException)
                {
                    // The workflow refuses what a real enterprise could not file (a year outside the clause's, a case already
                    // there): the history files only what the platform accepts.
                }
            }
        }
    }

    /// <summary>
    /// The enterprises answer: in the first round most confirm (or apply with their form), a few decline and some wait
    /// for the late round; in the late round the rest confirm and returned cases are corrected and resubmitted. In the
    /// year under way, <paramref name="share"/> of them have answered so far.
    /// </summary>
    private async Task EnterprisesAsync(int year, DateOnly from, DateOnly to, bool firstRound, double share = 1)
    {
        var rows = await AtAsync(year, CaseStatus.AwaitingConfirmation, CaseStatus.AwaitingApplication, CaseStatus.Returned);
        var answering = rows.Where(c =>
        {
            var p = Draw(c.Id, "answer");
            var late = share == 1 && firstRound && p is >= 0.02 and < 0.12;
            return p < share && !late && !(firstRound && c.Status == CaseStatus.Returned);
        });
        PlanEach(answering, from, to, $"enterprise-{year}-{firstRound}", async (c, _) =>
        {
            var enterprise = new Actor(c.Uscc, Role.Enterprise, null, c.Uscc, Address);
            if (share == 1 && firstRound && Draw(c.Id, "answer") < 0.02 && c.Status == CaseStatus.AwaitingConfirmation)
            {
                await _workflow.DeclineAsync(c.Id, c.Version, enterprise, "企业经营调整，自愿放弃本年度该项奖励", _cancel);
            }
            else if (c.Status == CaseStatus.AwaitingConfirmation)
            {
                await _workflow.ConfirmAsync(c.Id, c.Version, enterprise, _cancel);
            }
            else
            {
                if (c.Way == CaseWay.Apply)
                {
                    await _workflow.AttachAsync(c.Id, enterprise, c.Status == CaseStatus.Returned ? "补正材料.pdf" : "申报表.pdf", Form, _cancel);
                }

                await _workflow.SubmitAsync(c.Id, c.Version, enterprise, c.Status == CaseStatus.Returned ? "已按要求补正材料" : null, _cancel);
            }
        });
    }

    /// <summary>区县初审: the district passes nearly all; in the first round a few are returned for correction, a few refused.</summary>
    private async Task DistrictsAsync(int year, DateOnly from, DateOnly to, bool firstRound) =>
        PlanEach(await AtAsync(year, CaseStatus.DistrictReview), from, to, $"district-{year}-{firstRound}", async (c, _) =>
        {
            var reviewer = Actor.DistrictReviewerOf(c.District, offices.DistrictReviewer(c.District)) with { Address = Address };
            var q = firstRound ? Draw(c.Id, "district") : 1;
            if (q < 0.015)
            {
                await _workflow.RejectAsync(c.Id, c.Version, reviewer, "经核实，企业申报年度内发生一般生产安全事故，按规定不予推荐", _cancel);
            }
            else if (q < 0.04)
            {
                await _workflow.ReturnAsync(c.Id, c.Version, reviewer, "请补充加盖公章的年度财务报表，与申报数据核对一致后重新提交", _cancel);
            }
            else
            {
                await _workflow.PassAsync(c.Id, c.Version, reviewer, null, null, _cancel);
            }
        });

    /// <summary>
    /// The city's steps: each of the clause's (专家评审, 第三方审计, 市级复审) on the working day after the last; a case the
    /// budget cannot hold is refused the next working day.
    /// </summary>
    private async Task CityAsync(int year, DateOnly from, DateOnly to)
    {
        var city = new Actor(offices.CityReviewer, Role.CityReviewer, null, null, Address);
        PlanEach(await AtAsync(year, CaseStatus.ExpertReview, CaseStatus.Audit, CaseStatus.CityReview), from, to, $"city-{year}-{from.Month}", Next);

        async Task Next(CaseRow c, DateOnly day)
        {
            var after = c.Status == CaseStatus.Held
                ? await _workflow.RejectAsync(c.Id, c.Version, city, "本年度该项资金额度已安排完毕，不予支持", _cancel)
                : await _workflow.PassAsync(c.Id, c.Version, city, null, null, _cancel);
            if (after.Status is CaseStatus.ExpertReview or CaseStatus.Audit or CaseStatus.CityReview or CaseStatus.Held)
            {
                var next = Calendar.AddWorkingDays(day, 1);
                Plan(next, Minute(c.Id, next), () => Next(after, next));
            }
        }
    }

    /// <summary>公示: the city publishes the year's ready cases for the default period and closes the notice the working day after it ends.</summary>
    private async Task NoticeAsync(int year)
    {
        if ((await AtAsync(year, CaseStatus.ReadyForNotice)).Count == 0)
        {
            return;
        }

        var city = new Actor(offices.CityReviewer, Role.CityReviewer, null, null, Address);
        var notice = await _workflow.PublishNoticeAsync(city, year, cancel: _cancel);
        Plan(Calendar.AddWorkingDays(notice.Ends, 1), 30, async () => await _workflow.CloseNoticeAsync(notice.Id, city, _cancel));
    }

    /// <summary>
    /// 拨付: the district's finance pays its share within the window, the city's finance its share a few working days
    /// after (by <paramref name="cityBy"/>); some enterprises rate the service a few days after payment.
    /// </summary>
    private async Task PaymentsAsync(int year, DateOnly from, DateOnly to, DateOnly cityBy) =>
        PlanEach(await AtAsync(year, CaseStatus.Approved), from, to, $"pay-{year}-{from.Month}", async (c, day) =>
        {
            if (c.DistrictShare > 0)
            {
                c = await PayAsync(c, Payer.District, day);
            }

            if (c.CityShare > 0)
            {
                var city = Calendar.AddWorkingDays(day, c.DistrictShare > 0 ? 2 + (int)(Draw(c.Id, "city-pays") * 10) : 0);
                city = city > cityBy ? day : city;
                var paying = c;
                Plan(city, Minute(c.Id, city) + 1, async () => await PayAsync(paying, Payer.City, city));
            }
        });

    private async Task<CaseRow> PayAsync(CaseRow c, string payer, DateOnly day)
    {
        var finance = payer == Payer.City
            ? new Actor(offices.CityFinance, Role.CityFinance, null, null, Address)
            : new Actor(offices.DistrictFinance(c.District), Role.DistrictFinance, c.District, null, Address);
        var paid = await _workflow.PayAsync(c.Id, c.Version, finance, payer, Voucher(c.AwardYear, c.Id, payer), _cancel);
        if (paid.Status == CaseStatus.Paid && Draw(c.Id, "rate") < 0.4)
        {
            var on = Calendar.AddWorkingDays(day, 2 + (int)(Draw(c.Id, "rate-day") * 12));
            Plan(on, Minute(c.Id, on), async () =>
            {
                var score = Draw(c.Id, "score") < 0.7 ? 5 : 4;
                var enterprise = new Actor(c.Uscc, Role.Enterprise, null, c.Uscc, Address);
                await _workflow.RateAsync(c.Id, paid.Version, enterprise, score, score == 5 ? "兑现及时，免申即享省去了准备材料" : null, _cancel);
            });
        }

        return paid;
    }

    /// <summary>A moment of a Beijing working day: 9:00 plus <paramref name="minute"/> (the working day is 8 hours).</summary>
    private static DateTimeOffset At(DateOnly day, int minute) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), BeijingTime.Offset).AddMinutes(Math.Clamp(minute, 0, 479)).ToUniversalTime();

    private int Minute(long id, DateOnly day) => (int)(Draw(id, "minute-" + day.DayNumber) * 470);

    private DateOnly FirstWorkingDay(DateOnly day) => Calendar.IsWorkingDay(day) ? day : Calendar.AddWorkingDays(day, 1);

    private DateOnly PreviousWorkingDay(DateOnly day)
    {
        do
        {
            day = day.AddDays(-1);
        }
        while (!Calendar.IsWorkingDay(day));
        return day;
    }

    private static string Voucher(int year, long id, string payer) =>
        $"{(payer == Payer.City ? "SCZ" : "QCZ")}{year + 1}-{id:D6}";

    /// <summary>A number in [0, 1) drawn for a case and a purpose, the same for a seed on every start.</summary>
    private double Draw(long id, string purpose) => Draw(id.ToString(System.Globalization.CultureInfo.InvariantCulture), purpose);

    private double Draw(string key, string purpose)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}/{key}/{purpose}"));
        return BitConverter.ToUInt64(hash, 0) / (ulong.MaxValue + 1.0);
    }
}

using Huiqi.Engine.Catalog;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Model;
using Huiqi.Store;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Cases;

/// <summary>
/// The no-application batch (免申即享批量比对): evaluates every enterprise of the registry for an award year and makes
/// one case per award line of the engine's answers. A run is split into one part per district; any node may work on
/// any part. A part goes a chunk of enterprises at a time, and each chunk's cases, its decisions and the part's
/// progress (<see cref="BatchPartRow.AfterEnterpriseId"/>) commit in one transaction — so a node killed mid-part
/// resumes after the last chunk it committed, and a case that exists already (an earlier run) is counted, not copied.
/// </summary>
public sealed class CaseBatch(CasesDatabase cases, DossierStore registry, PolicyCatalog catalog, TimeProvider clock)
{
    /// <summary>Enterprises per transaction: small enough for visible progress, large enough to keep the lock brief per case.</summary>
    public int ChunkSize { get; init; } = 50;

    private readonly Evaluator _evaluator = new(catalog);

    /// <summary>Who may start a run: the city bureau (市工信局), the administrator and the platform itself.</summary>
    public static bool MayStart(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Role is Role.CityReviewer or Role.Admin or Role.System;
    }

    /// <summary>Starts a run for an award year: one pending part per district that has enterprises.</summary>
    public async Task<BatchRunRow> StartAsync(int awardYear, Actor actor, CancellationToken cancel = default)
    {
        if (!MayStart(actor))
        {
            throw CaseException.Forbidden("只有市工信局可以发起免申即享批量比对", "only the city may start the batch");
        }

        var counts = new List<(string District, int Count)>();
        foreach (var district in Vocabulary.Districts)
        {
            var n = await registry.CountAsync(district, cancel);
            if (n > 0)
            {
                counts.Add((district, n));
            }
        }

        await using var db = cases.CreateDbContext();
        await using var tx = await db.Database.BeginTransactionAsync(cancel);
        var cursor = await DecisionLog.LockAsync(db, cancel);
        if (await db.BatchRuns.AnyAsync(r => r.AwardYear == awardYear && r.Status == "running", cancel))
        {
            throw CaseException.Conflict($"{awardYear}年度的批量比对正在进行，请等待完成", $"a batch for {awardYear} is already running");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var run = new BatchRunRow { AwardYear = awardYear, StartedBy = actor.User, StartedAt = now };
        db.BatchRuns.Add(run);
        await db.SaveChangesAsync(cancel);
        foreach (var (district, n) in counts)
        {
            db.BatchParts.Add(new BatchPartRow { RunId = run.Id, District = district, Enterprises = n });
        }

        DecisionLog.Append(db, cursor, actor, "batch-start", null, "", new { run = run.Id, awardYear, districts = counts.Count, enterprises = counts.Sum(c => c.Count) }, now);
        await DecisionLog.FlushAsync(db, cursor, cancel);
        await db.SaveChangesAsync(cancel);
        await tx.CommitAsync(cancel);
        return run;
    }

    /// <summary>
    /// Works on one part until it is done: claims it, then evaluates its district's enterprises after the last one
    /// committed, a chunk per transaction. A dossier the engine cannot read is counted and named, and the part goes on.
    /// </summary>
    public async Task RunPartAsync(long partId, string node, CancellationToken cancel = default)
    {
        var actor = Actor.System(node);
        int year;
        string district;
        int after;
        await using (var db = cases.CreateDbContext())
        {
            var part = await db.BatchParts.SingleAsync(p => p.Id == partId, cancel);
            if (part.Status == "done")
            {
                return;
            }

            year = await db.BatchRuns.Where(r => r.Id == part.RunId).Select(r => r.AwardYear).SingleAsync(cancel);
            (part.Status, part.Node) = ("running", node);
            part.StartedAt ??= clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancel);
            (district, after) = (part.District, part.AfterEnterpriseId);
        }

        while (true)
        {
            cancel.ThrowIfCancellationRequested();
            var page = await registry.PageAsync(district, after, ChunkSize, cancel);
            if (page.Count == 0)
            {
                break;
            }

            var lines = new List<(Dossier Dossier, AwardLine Line)>();
            var errors = new List<string>();
            foreach (var (_, dossier) in page)
            {
                try
                {
                    var answer = _evaluator.Evaluate(dossier, year, new EvaluationOptions());
                    lines.AddRange(answer.Awards.Where(a => a.Amount > 0).Select(a => (dossier, a)));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    errors.Add($"{dossier.Uscc}: {e.Message}");
                }
            }

            after = page[^1].EnterpriseId;
            await CommitChunkAsync(partId, year, after, page.Count, lines, errors, actor, cancel);
        }

        await using (var db = cases.CreateDbContext())
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var part = await db.BatchParts.SingleAsync(p => p.Id == partId, cancel);
            (part.Status, part.FinishedAt) = ("done", now);
            await db.SaveChangesAsync(cancel);
            var open = await db.BatchParts.CountAsync(p => p.RunId == part.RunId && p.Status != "done", cancel);
            if (open == 0)
            {
                await db.BatchRuns.Where(r => r.Id == part.RunId && r.Status != "done")
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, "done").SetProperty(r => r.FinishedAt, now), cancel);
            }
        }
    }

    private async Task CommitChunkAsync(long partId, int year, int after, int evaluated, List<(Dossier Dossier, AwardLine Line)> lines, List<string> errors, Actor actor, CancellationToken cancel)
    {
        await using var db = cases.CreateDbContext();
        await using var tx = await db.Database.BeginTransactionAsync(cancel);
        var cursor = await DecisionLog.LockAsync(db, cancel);
        var part = await db.BatchParts.SingleAsync(p => p.Id == partId, cancel);
        if (part.AfterEnterpriseId >= after)
        {
            // Another node committed this chunk first (two nodes took the same part): nothing to add.
            return;
        }

        var usccs = lines.Select(l => l.Dossier.Uscc).Distinct().ToList();
        var existing = (await db.Cases.AsNoTracking()
                .Where(c => c.AwardYear == year && usccs.Contains(c.Uscc))
                .Select(c => new { c.Uscc, c.Clause, c.Item })
                .ToListAsync(cancel))
            .Select(c => (c.Uscc, c.Clause, c.Item))
            .ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        var created = new List<CaseRow>();
        foreach (var (dossier, line) in lines)
        {
            part.Lines++;
            part.Amount += line.Amount;
            var item = line.Item ?? "";
            if (!existing.Add((dossier.Uscc, line.Clause, item)))
            {
                part.CasesExisting++;
                continue;
            }

            var clause = catalog.ClausesById[line.Clause];
            var push = clause.Way == ClauseWay.NoApplication;
            created.Add(new CaseRow
            {
                Uscc = dossier.Uscc,
                EnterpriseName = dossier.Name,
                District = dossier.District,
                Clause = line.Clause,
                Item = item,
                AwardYear = year,
                Way = push ? CaseWay.Push : CaseWay.Apply,
                Proposed = line.Amount,
                ProposedCity = line.CityShare,
                ProposedDistrict = line.DistrictShare,
                Amount = line.Amount,
                CityShare = line.CityShare,
                DistrictShare = line.DistrictShare,
                Because = line.Because,
                Steps = string.Join(',', clause.Path.Steps),
                Status = push ? CaseStatus.AwaitingConfirmation : CaseStatus.AwaitingApplication,
                EventDate = line.EventDate == default ? null : line.EventDate,
                CreatedAt = now,
                UpdatedAt = now,
                RunId = part.RunId,
            });
        }

        db.Cases.AddRange(created);
        part.CasesCreated += created.Count;
        part.Evaluated += evaluated;
        part.AfterEnterpriseId = after;
        part.Errors += errors.Count;
        if (errors.Count > 0)
        {
            part.LastError = string.Join("; ", errors)[..Math.Min(2000, string.Join("; ", errors).Length)];
        }

        await db.SaveChangesAsync(cancel);
        foreach (var c in created)
        {
            DecisionLog.Append(db, cursor, actor, "push", c, $"→{c.Status.Code()}", new { run = part.RunId, amount = c.Amount, city = c.CityShare, district = c.DistrictShare }, now);
        }

        await DecisionLog.FlushAsync(db, cursor, cancel);
        await db.SaveChangesAsync(cancel);
        await tx.CommitAsync(cancel);
    }

    /// <summary>A run's parts, for the progress shown on the page.</summary>
    public async Task<(BatchRunRow Run, IReadOnlyList<BatchPartRow> Parts)?> ProgressAsync(long runId, CancellationToken cancel = default)
    {
        await using var db = cases.CreateDbContext();
        var run = await db.BatchRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancel);
        return run is null ? null : (run, await db.BatchParts.AsNoTracking().Where(p => p.RunId == runId).OrderBy(p => p.Id).ToListAsync(cancel));
    }

    /// <summary>The parts of any run not finished yet, for a node to take up (after a restart too).</summary>
    public async Task<IReadOnlyList<long>> UnfinishedPartsAsync(CancellationToken cancel = default)
    {
        await using var db = cases.CreateDbContext();
        return await db.BatchParts.AsNoTracking().Where(p => p.Status != "done").OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(cancel);
    }

    /// <summary>
    /// The pushed cases of an award year by clause and district: counts and the engine's amounts (批量比对结果). An
    /// application's amount is the enterprise's request, not the engine's, so it is not counted here.
    /// </summary>
    public async Task<IReadOnlyList<CaseTally>> TallyAsync(int awardYear, CancellationToken cancel = default)
    {
        await using var db = cases.CreateDbContext();
        var rows = await db.Cases.AsNoTracking().Where(c => c.AwardYear == awardYear && c.Way == CaseWay.Push)
            .Select(c => new { c.Clause, c.District, c.Proposed }).ToListAsync(cancel);
        return [.. rows.GroupBy(r => (r.Clause, r.District))
            .Select(g => new CaseTally(g.Key.Clause, g.Key.District, g.Count(), g.Sum(r => r.Proposed)))
            .OrderBy(t => t.Clause, StringComparer.Ordinal).ThenBy(t => t.District, StringComparer.Ordinal)];
    }
}

/// <summary>Cases of one clause in one district: how many, and the engine's total.</summary>
public sealed record CaseTally(string Clause, string District, int Cases, decimal Amount);

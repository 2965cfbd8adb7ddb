using Huiqi.Engine.Model;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Web.Registry;

/// <summary>
/// Keeps <see cref="EvaluationSummaryRow"/>s: for each award year asked for, every enterprise of the registry
/// evaluated once, so lists filter by clause and library and sort by amount in the database. A year is (re)computed
/// when a list first needs it in this process, and again whenever the registry has changed since (a newer entry in
/// its audit log: an import, a correction, a payment recorded), so lists never show a stale evaluation.
/// </summary>
public sealed class SummaryService(IDbContextFactory<WebDbContext> contexts, HuiqiDatabase registry, DossierStore store, PolicyEngine engine, ILogger<SummaryService> log)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Per award year, the registry's last audit entry when its summaries were computed.</summary>
    private readonly Dictionary<int, long> _asOf = [];

    /// <summary>Computes the year's summaries unless they are current with the registry.</summary>
    public async Task EnsureAsync(int year, CancellationToken cancel = default)
    {
        var version = await VersionAsync(cancel);
        lock (_asOf)
        {
            if (_asOf.TryGetValue(year, out var asOf) && asOf == version)
            {
                return;
            }
        }

        await _gate.WaitAsync(cancel);
        try
        {
            lock (_asOf)
            {
                if (_asOf.TryGetValue(year, out var asOf) && asOf == version)
                {
                    return;
                }
            }

            await ComputeAsync(year, cancel);
            lock (_asOf)
            {
                _asOf[year] = version;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The registry's last audit entry: every change to facts or the ledger writes one.</summary>
    private async Task<long> VersionAsync(CancellationToken cancel)
    {
        await using var db = registry.CreateDbContext();
        return await db.Audit.MaxAsync(a => (long?)a.Id, cancel) ?? 0;
    }

    private async Task ComputeAsync(int year, CancellationToken cancel)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var db = await contexts.CreateDbContextAsync(cancel);
        await db.Summaries.Where(s => s.Year == year).ExecuteDeleteAsync(cancel);
        var ids = await db.Enterprises.AsNoTracking().ToDictionaryAsync(e => e.Uscc, e => e.Id, StringComparer.Ordinal, cancel);
        var batch = new List<Dossier>(DossierStore.DefaultPageSize);
        var count = 0;
        await foreach (var dossier in store.StreamAsync(cancel: cancel))
        {
            batch.Add(dossier);
            if (batch.Count == DossierStore.DefaultPageSize)
            {
                count += await SaveAsync(db, ids, batch, year, cancel);
                batch.Clear();
            }
        }

        count += await SaveAsync(db, ids, batch, year, cancel);
        log.LogInformation("Evaluated {Count} enterprises for award year {Year} in {Elapsed} ms", count, year, clock.ElapsedMilliseconds);
    }

    private async Task<int> SaveAsync(WebDbContext db, Dictionary<string, int> ids, List<Dossier> dossiers, int year, CancellationToken cancel)
    {
        var rows = new EvaluationSummaryRow[dossiers.Count];
        Parallel.For(0, dossiers.Count, i =>
        {
            var answer = engine.Evaluate(dossiers[i], year);
            rows[i] = new EvaluationSummaryRow
            {
                Year = year,
                EnterpriseId = ids[dossiers[i].Uscc],
                Uscc = dossiers[i].Uscc,
                Total = answer.Total,
                TotalYuan = (long)decimal.Floor(answer.Total),
                Awards = answer.Awards.Count,
                CityShare = answer.Awards.Sum(a => a.CityShare),
                DistrictShare = answer.Awards.Sum(a => a.DistrictShare),
                Clauses = "," + string.Join(",", answer.Awards.Select(a => a.Clause).Distinct()) + ",",
                Libraries = "," + string.Join(",", answer.Libraries.Distinct()) + ",",
            };
        });
        db.Summaries.AddRange(rows);
        await db.SaveChangesAsync(cancel);
        db.ChangeTracker.Clear();
        return rows.Length;
    }
}

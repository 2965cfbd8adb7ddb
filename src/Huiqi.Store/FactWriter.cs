using Microsoft.EntityFrameworkCore;

namespace Huiqi.Store;

/// <summary>
/// Writes fact rows by natural key (upsert on enterprise + key), one generic routine for every fact table: a row whose
/// key exists is updated only where a value differs (so re-importing the same sheet changes nothing and writes no
/// audit entry), a new key is inserted, and in replace mode the enterprise's other rows are deleted.
/// </summary>
internal static class FactWriter
{
    private delegate Task<List<FactRow>> Loader(HuiqiDbContext db, IReadOnlyCollection<int> enterprises, IReadOnlyCollection<string>? keys, bool track, CancellationToken cancel);

    private static readonly Dictionary<Type, Loader> Loaders = new()
    {
        [typeof(FigureRow)] = Load<FigureRow>,
        [typeof(RankingRow)] = Load<RankingRow>,
        [typeof(HonorRow)] = Load<HonorRow>,
        [typeof(ProjectRow)] = Load<ProjectRow>,
        [typeof(ProjectInvestmentRow)] = Load<ProjectInvestmentRow>,
        [typeof(SpendingRow)] = Load<SpendingRow>,
        [typeof(ProcurementRow)] = Load<ProcurementRow>,
        [typeof(PatentProductRow)] = Load<PatentProductRow>,
        [typeof(PatentSalesRow)] = Load<PatentSalesRow>,
        [typeof(PremisesRow)] = Load<PremisesRow>,
        [typeof(TrainingRow)] = Load<TrainingRow>,
        [typeof(GrantRow)] = Load<GrantRow>,
    };

    /// <summary>Every fact of the given enterprises, untracked, for assembling dossiers.</summary>
    public static async Task<List<FactRow>> LoadAllAsync(HuiqiDbContext db, IReadOnlyCollection<int> enterprises, CancellationToken cancel)
    {
        var all = new List<FactRow>();
        foreach (var load in Loaders.Values)
        {
            all.AddRange(await load(db, enterprises, null, track: false, cancel));
        }

        return all;
    }

    /// <summary>
    /// Upserts <paramref name="rows"/>, each with its <see cref="FactRow.Enterprise"/> set to a tracked, saved head.
    /// With <paramref name="replaceFor"/>, every other fact of those enterprises is deleted. The caller saves.
    /// </summary>
    public static async Task UpsertAsync(HuiqiDbContext db, IReadOnlyList<FactRow> rows, IReadOnlyCollection<int>? replaceFor, CancellationToken cancel)
    {
        foreach (var row in rows)
        {
            row.EnterpriseId = row.Enterprise?.Id ?? throw new InvalidOperationException("a fact row must name its enterprise");
            row.Key = row.NaturalKey();
        }

        var byType = rows.ToLookup(r => r.GetType());
        foreach (var (type, load) in Loaders)
        {
            // The same key twice in one call (a project repeated on the rows of its series): the last one stands.
            var incoming = byType[type].GroupBy(r => (r.EnterpriseId, r.Key)).Select(g => g.Last()).ToList();
            if (incoming.Count == 0 && replaceFor is null)
            {
                continue;
            }

            var existing = replaceFor is not null
                ? await load(db, replaceFor, null, track: true, cancel)
                : await load(db, [.. incoming.Select(r => r.EnterpriseId).Distinct()], [.. incoming.Select(r => r.Key).Distinct()], track: true, cancel);
            var stored = existing.ToDictionary(r => (r.EnterpriseId, r.Key));
            foreach (var row in incoming)
            {
                if (stored.Remove((row.EnterpriseId, row.Key), out var old))
                {
                    row.Id = old.Id;
                    db.Entry(old).CurrentValues.SetValues(row);
                }
                else
                {
                    db.Add(row);
                }
            }

            if (replaceFor is not null)
            {
                db.RemoveRange(stored.Values);
            }
        }
    }

    private static async Task<List<FactRow>> Load<T>(HuiqiDbContext db, IReadOnlyCollection<int> enterprises, IReadOnlyCollection<string>? keys, bool track, CancellationToken cancel)
        where T : FactRow
    {
        var ids = enterprises.ToList();
        var query = db.Set<T>().Where(r => ids.Contains(r.EnterpriseId));
        if (keys is not null)
        {
            var keyList = keys.ToList();
            query = query.Where(r => keyList.Contains(r.Key));
        }

        if (!track)
        {
            query = query.AsNoTracking();
        }

        return [.. await query.ToListAsync(cancel)];
    }
}

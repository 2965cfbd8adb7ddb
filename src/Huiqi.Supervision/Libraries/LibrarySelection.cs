using Huiqi.Engine.Catalog;
using Huiqi.Store;
using Huiqi.Supervision.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Supervision.Libraries;

/// <summary>What one year's selection changed (遴选结果).</summary>
public sealed record SelectionResult(int Year, int Members, int Entered, int TierChanged, int Left);

/// <summary>
/// The yearly selection (年度遴选, “每年动态遴选”): the catalogue's rules over every dossier of the registry, compared
/// with the memberships recorded, so that each difference becomes a step of a history — entered, tier changed, left,
/// each with its reason. Running a year again changes nothing; an earlier year than the last one run is refused,
/// because the histories are written in order.
/// </summary>
public sealed class LibrarySelection(IDbContextFactory<TaskLedgerDbContext> contexts, DossierStore store, PolicyCatalog catalog, TimeProvider clock)
{
    /// <summary>Runs the selection of each year, in order, reading the registry once.</summary>
    public async Task<IReadOnlyList<SelectionResult>> RunAsync(IReadOnlyList<int> years, string actor, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(years);
        var ordered = years.Distinct().Order().ToList();
        if (ordered.Count == 0)
        {
            return [];
        }

        await using (var db = await contexts.CreateDbContextAsync(cancel))
        {
            var last = await db.Selections.MaxAsync(s => (int?)s.Year, cancel);
            if (last > ordered[0])
            {
                throw new LedgerException($"已运行{last}年度遴选，不能再运行更早的{ordered[0]}年度（入库历史按年度顺序记录）。");
            }
        }

        // Known members (past or present) need an exit reason when they stop qualifying.
        HashSet<(string, string)> known;
        await using (var db = await contexts.CreateDbContextAsync(cancel))
        {
            known = [.. (await db.Memberships.AsNoTracking().Select(m => new { m.Library, m.Uscc }).ToListAsync(cancel)).Select(m => (m.Library, m.Uscc))];
        }

        var perYear = ordered.ToDictionary(y => y, _ => new Dictionary<(string Library, string Uscc), Candidate>());
        var exits = new Dictionary<(int, string, string), string>();
        var heads = new Dictionary<string, (string Name, string District)>(StringComparer.Ordinal);
        await foreach (var d in store.StreamAsync(cancel: cancel))
        {
            heads[d.Uscc] = (d.Name, d.District);
            HashSet<string>? seen = null;
            foreach (var year in ordered)
            {
                foreach (var q in LibraryDefinitions.Qualify(catalog, d, year))
                {
                    perYear[year][(q.Library, d.Uscc)] = new Candidate(q.Tier, q.Reason);
                    (seen ??= new(StringComparer.Ordinal)).Add(q.Library);
                }
            }

            foreach (var lib in LibraryDefinitions.All)
            {
                if (seen?.Contains(lib.Id) == true || known.Contains((lib.Id, d.Uscc)))
                {
                    foreach (var year in ordered)
                    {
                        exits[(year, lib.Id, d.Uscc)] = LibraryDefinitions.ExitReason(lib.Id, d, year);
                    }
                }
            }
        }

        var results = new List<SelectionResult>();
        foreach (var year in ordered)
        {
            results.Add(await ApplyAsync(year, perYear[year], exits, heads, actor, cancel));
        }

        return results;
    }

    private sealed record Candidate(string? Tier, string Reason);

    private async Task<SelectionResult> ApplyAsync(
        int year,
        Dictionary<(string Library, string Uscc), Candidate> qualified,
        Dictionary<(int, string, string), string> exits,
        Dictionary<string, (string Name, string District)> heads,
        string actor,
        CancellationToken cancel)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        await using var tx = await db.Database.BeginTransactionAsync(cancel);
        var members = await db.Memberships.ToDictionaryAsync(m => (m.Library, m.Uscc), cancel);
        var at = clock.GetUtcNow().UtcDateTime;
        int entered = 0, changed = 0, left = 0;
        foreach (var ((library, uscc), q) in qualified)
        {
            var (name, district) = heads[uscc];
            if (!members.TryGetValue((library, uscc), out var m))
            {
                m = new LibraryMembershipRow { Library = library, Uscc = uscc };
                db.Memberships.Add(m);
            }
            else if (m.Active)
            {
                m.Name = name;
                m.District = district;
                if (m.Tier != q.Tier)
                {
                    m.Events.Add(Step(LibraryEventRow.TierChanged, year, at, q.Reason, m.Tier, q.Tier));
                    m.Tier = q.Tier;
                    changed++;
                }

                m.Reason = q.Reason;
                continue;
            }
            else if (m.HeldOutYear >= year)
            {
                // The district took it out by hand this year: the selection does not overrule it.
                continue;
            }

            m.Name = name;
            m.District = district;
            m.Active = true;
            m.Manual = false;
            m.Tier = q.Tier;
            m.SinceYear = year;
            m.LeftYear = null;
            m.Reason = q.Reason;
            m.Events.Add(Step(LibraryEventRow.Entered, year, at, q.Reason, null, q.Tier));
            entered++;
        }

        foreach (var m in members.Values.Where(m => m.Active && !m.Manual && !qualified.ContainsKey((m.Library, m.Uscc))))
        {
            var reason = exits.GetValueOrDefault((year, m.Library, m.Uscc)) ?? LibraryDefinitions.ExitReason(m.Library, null, year);
            m.Active = false;
            m.LeftYear = year;
            m.Reason = reason;
            m.Events.Add(Step(LibraryEventRow.Left, year, at, reason, m.Tier, null));
            left++;
        }

        var run = await db.Selections.FindAsync([year], cancel);
        if (run is null)
        {
            run = new LibrarySelectionRow { Year = year };
            db.Selections.Add(run);
        }

        run.At = at;
        run.By = actor;
        run.Entered += entered;
        run.TierChanged += changed;
        run.Left += left;
        await db.SaveChangesAsync(cancel);
        await tx.CommitAsync(cancel);
        return new SelectionResult(year, qualified.Count, entered, changed, left);
    }

    private static LibraryEventRow Step(string kind, int year, DateTime at, string reason, string? from, string? to) => new()
    {
        Kind = kind,
        Year = year,
        At = at,
        Reason = reason,
        FromTier = from,
        Tier = to,
        By = LibraryEventRow.BySelection,
    };
}

using System.Runtime.CompilerServices;
using Huiqi.Engine.Model;
using Huiqi.Store;
using Huiqi.Supervision.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Supervision.Libraries;

/// <summary>What a library list may be filtered by; every value optional, the caller's scope applied on top.</summary>
public sealed record LibraryFilter
{
    public string? Library { get; init; }

    public string? Tier { get; init; }

    /// <summary>区县 (a district caller sees its own whatever is asked).</summary>
    public string? District { get; init; }

    /// <summary><c>active</c> (the default: in the library now), <c>left</c>, or <c>all</c>.</summary>
    public string? Status { get; init; }

    /// <summary>Part of the name or of the USCC.</summary>
    public string? Q { get; init; }
}

/// <summary>A page of a library list, with the count of the whole filtered list.</summary>
public sealed record LibraryPage(int Page, int PageSize, int Count, IReadOnlyList<LibraryMembershipRow> Items)
{
    public int Pages => Math.Max(1, (Count + PageSize - 1) / PageSize);
}

/// <summary>How many enterprises a library (or a tier of it) held at the end of a selection year.</summary>
public sealed record LibrarySize(int Year, string Library, string? Tier, int Members);

/// <summary>A member of a library at a year's end, with why it is there; <c>Manual</c> when a district put it in by hand.</summary>
public sealed record LibraryMember(string Library, string? Tier, string Uscc, string Name, string District, string Reason, bool Manual);

/// <summary>
/// The libraries as the districts manage them (培育库管理): lists and histories within the caller's reach, sizes per
/// year, and the additions and removals a district makes by hand, each with its reason, for its own enterprises only.
/// </summary>
public sealed class LibraryRegister(IDbContextFactory<TaskLedgerDbContext> contexts, DossierStore store, TimeProvider clock)
{
    public const int DefaultPageSize = 50;

    /// <summary>The last selection year run, or null before any.</summary>
    public async Task<int?> LatestYearAsync(CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        return await db.Selections.MaxAsync(s => (int?)s.Year, cancel);
    }

    public async Task<IReadOnlyList<LibrarySelectionRow>> SelectionsAsync(CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        return await db.Selections.AsNoTracking().OrderBy(s => s.Year).ToListAsync(cancel);
    }

    public async Task<LibraryPage> ListAsync(Actor scope, LibraryFilter filter, int page, int pageSize = DefaultPageSize, CancellationToken cancel = default)
    {
        pageSize = Math.Clamp(pageSize, 1, 500);
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var query = Query(db, scope, filter);
        var count = await query.CountAsync(cancel);
        page = Math.Clamp(page, 1, Math.Max(1, (count + pageSize - 1) / pageSize));
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancel);
        return new LibraryPage(page, pageSize, count, items);
    }

    /// <summary>The whole filtered list, streamed in list order (for an xlsx export).</summary>
    public async IAsyncEnumerable<LibraryMembershipRow> AllAsync(Actor scope, LibraryFilter filter, [EnumeratorCancellation] CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        await foreach (var m in Query(db, scope, filter).AsAsyncEnumerable().WithCancellation(cancel))
        {
            yield return m;
        }
    }

    /// <summary>One membership with its history, oldest step first; null when unknown or out of reach.</summary>
    public async Task<LibraryMembershipRow?> HistoryAsync(Actor scope, string library, string uscc, CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        return await Reach(db.Memberships.AsNoTracking(), scope)
            .Include(m => m.Events.OrderBy(e => e.Id))
            .SingleOrDefaultAsync(m => m.Library == library && m.Uscc == uscc, cancel);
    }

    /// <summary>Every library an enterprise is or was in, with history (its portal page; the page checks the scope).</summary>
    public async Task<IReadOnlyList<LibraryMembershipRow>> OfEnterpriseAsync(string uscc, CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var rows = await db.Memberships.AsNoTracking().Include(m => m.Events.OrderBy(e => e.Id)).Where(m => m.Uscc == uscc).ToListAsync(cancel);
        return [.. rows.OrderByDescending(m => m.Active).ThenBy(m => Order(m.Library))];
    }

    /// <summary>
    /// Members per library, tier and year: each membership's history replayed to the end of every year from the first
    /// selection to the last step recorded.
    /// </summary>
    public async Task<IReadOnlyList<LibrarySize>> SizesAsync(Actor scope, CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var steps = await (from e in db.LibraryEvents.AsNoTracking()
                           join m in Reach(db.Memberships.AsNoTracking(), scope) on e.MembershipId equals m.Id
                           orderby e.Id
                           select new { e.MembershipId, m.Library, e.Year, e.Kind, e.Tier }).ToListAsync(cancel);
        if (steps.Count == 0)
        {
            return [];
        }

        var sizes = new List<LibrarySize>();
        var (first, last) = (steps.Min(s => s.Year), steps.Max(s => s.Year));
        var byMember = steps.GroupBy(s => s.MembershipId).ToList();
        for (var year = first; year <= last; year++)
        {
            var counts = new Dictionary<(string, string?), int>();
            foreach (var member in byMember)
            {
                var state = member.LastOrDefault(s => s.Year <= year);
                if (state is not null && state.Kind != LibraryEventRow.Left)
                {
                    var key = (state.Library, state.Tier);
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }

            sizes.AddRange(counts.Select(c => new LibrarySize(year, c.Key.Item1, c.Key.Item2, c.Value)));
        }

        return [.. sizes.OrderBy(s => s.Year).ThenBy(s => Order(s.Library)).ThenBy(s => TierOrder(s.Library, s.Tier))];
    }

    /// <summary>
    /// The members as they stood at the end of a year (年末在库名单): each membership's last step up to that year, with the
    /// tier and the reason of that step (a selection's qualifying reason, or the district's reason for an addition by
    /// hand) — the same replay as <see cref="SizesAsync"/>, so a list and its count agree.
    /// </summary>
    public async Task<IReadOnlyList<LibraryMember>> MembersAtAsync(Actor scope, int year, CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var steps = await (from e in db.LibraryEvents.AsNoTracking()
                           join m in Reach(db.Memberships.AsNoTracking(), scope) on e.MembershipId equals m.Id
                           where e.Year <= year
                           orderby e.Id
                           select new { e.MembershipId, m.Library, m.Uscc, m.Name, m.District, e.Kind, e.Tier, e.Reason, e.Manual }).ToListAsync(cancel);
        return [.. steps.GroupBy(s => s.MembershipId)
            .Select(g => g.Last())
            .Where(s => s.Kind != LibraryEventRow.Left)
            .Select(s => new LibraryMember(s.Library, s.Tier, s.Uscc, s.Name, s.District, s.Reason, s.Manual))
            .OrderBy(m => Order(m.Library)).ThenBy(m => TierOrder(m.Library, m.Tier))
            .ThenBy(m => m.District, StringComparer.Ordinal).ThenBy(m => m.Uscc, StringComparer.Ordinal)];
    }

    /// <summary>
    /// A district (or the city) puts an enterprise into a library by hand, with a reason. Refused in Chinese: an
    /// enterprise out of reach or unknown, one already in, a tier missing or unknown, a library for another district.
    /// </summary>
    public async Task AddAsync(Actor scope, string library, string uscc, string? tier, string reason, int year, string actor, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var def = LibraryDefinitions.Find(library) ?? throw new LedgerException($"没有培育库“{library}”。");
        reason = Reason(reason);
        var dossier = await store.GetAsync((uscc ?? "").Trim().ToUpperInvariant(), cancel);
        if (dossier is null || !scope.Reaches(dossier.District))
        {
            throw new LedgerException($"本辖区没有统一社会信用代码为“{uscc}”的企业。");
        }

        if (def.District is { } only && dossier.District != only)
        {
            throw new LedgerException($"{def.Name}只收录{only}的企业，{dossier.Name}属于{dossier.District}。");
        }

        tier = def.Tiers.Count == 0 ? null : def.Tier(tier)?.Id ?? throw new LedgerException($"请选择{def.Name}的层级（{string.Join("、", def.Tiers.Select(t => t.Name))}）。");
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var m = await db.Memberships.SingleOrDefaultAsync(x => x.Library == library && x.Uscc == dossier.Uscc, cancel);
        if (m?.Active == true)
        {
            throw new LedgerException($"{dossier.Name}已在{LibraryDefinitions.Label(library, m.Tier)}中（{m.SinceYear}年起）。");
        }

        if (m is null)
        {
            m = new LibraryMembershipRow { Library = library, Uscc = dossier.Uscc };
            db.Memberships.Add(m);
        }

        m.Name = dossier.Name;
        m.District = dossier.District;
        m.Active = true;
        m.Manual = true;
        m.Tier = tier;
        m.SinceYear = year;
        m.LeftYear = null;
        m.HeldOutYear = null;
        m.Reason = reason;
        m.Events.Add(new LibraryEventRow { Kind = LibraryEventRow.Entered, Year = year, At = clock.GetUtcNow().UtcDateTime, Tier = tier, Reason = reason, By = actor, Manual = true });
        await db.SaveChangesAsync(cancel);
    }

    /// <summary>A district (or the city) takes an enterprise out of a library by hand, with a reason; it holds that year.</summary>
    public async Task RemoveAsync(Actor scope, string library, string uscc, string reason, int year, string actor, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        reason = Reason(reason);
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var m = await Reach(db.Memberships, scope).SingleOrDefaultAsync(x => x.Library == library && x.Uscc == uscc && x.Active, cancel)
            ?? throw new LedgerException($"本辖区{LibraryDefinitions.Name(library)}中没有该企业。");
        m.Events.Add(new LibraryEventRow { Kind = LibraryEventRow.Left, Year = year, At = clock.GetUtcNow().UtcDateTime, FromTier = m.Tier, Reason = reason, By = actor, Manual = true });
        m.Active = false;
        m.Manual = false;
        m.LeftYear = year;
        m.HeldOutYear = year;
        m.Reason = reason;
        await db.SaveChangesAsync(cancel);
    }

    private static string Reason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 500
            ? throw new LedgerException("请填写理由（不超过500字）。")
            : reason.Trim();

    private static IQueryable<LibraryMembershipRow> Reach(IQueryable<LibraryMembershipRow> rows, Actor scope) => rows.Visible(scope);

    private static IQueryable<LibraryMembershipRow> Query(TaskLedgerDbContext db, Actor scope, LibraryFilter f)
    {
        var rows = Reach(db.Memberships.AsNoTracking(), scope);
        if (!string.IsNullOrWhiteSpace(f.Library))
        {
            rows = rows.Where(m => m.Library == f.Library);
        }

        if (!string.IsNullOrWhiteSpace(f.Tier))
        {
            rows = rows.Where(m => m.Tier == f.Tier);
        }

        if (!string.IsNullOrWhiteSpace(f.District))
        {
            rows = rows.Where(m => m.District == f.District);
        }

        rows = f.Status switch
        {
            "all" => rows,
            "left" => rows.Where(m => !m.Active),
            _ => rows.Where(m => m.Active),
        };
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var q = f.Q.Trim();
            rows = rows.Where(m => m.Name.Contains(q) || m.Uscc.Contains(q.ToUpperInvariant()));
        }

        return rows.OrderBy(m => m.Library).ThenBy(m => m.District).ThenBy(m => m.Uscc);
    }

    private static int Order(string library)
    {
        for (var i = 0; i < LibraryDefinitions.All.Count; i++)
        {
            if (LibraryDefinitions.All[i].Id == library)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private static int TierOrder(string library, string? tier)
    {
        var tiers = LibraryDefinitions.Find(library)?.Tiers ?? [];
        for (var i = 0; i < tiers.Count; i++)
        {
            if (tiers[i].Id == tier)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The districts in Annex 1 order, for the filters.</summary>
    public static IReadOnlyList<string> Districts => Vocabulary.Districts;
}

/// <summary>
/// Library sizes as a table: one row per library (and ZJTX tier) in the catalogue's order, one column per year from
/// the first selection to the last step recorded, the members at the end of that year.
/// </summary>
public sealed record LibrarySizeTable(IReadOnlyList<int> Years, IReadOnlyList<(string Label, IReadOnlyList<int> Members)> Rows)
{
    public static LibrarySizeTable Of(IReadOnlyList<LibrarySize> sizes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        IReadOnlyList<int> years = [.. sizes.Select(s => s.Year).Distinct().Order()];
        return new(years, [.. LibraryDefinitions.All
            .SelectMany(l => l.Tiers.Count == 0 ? [(l.Id, (string?)null)] : l.Tiers.Select(t => (l.Id, (string?)t.Id)))
            .Select(k => (LibraryDefinitions.Label(k.Item1, k.Item2),
                (IReadOnlyList<int>)[.. years.Select(y => sizes.FirstOrDefault(s => s.Year == y && s.Library == k.Item1 && s.Tier == k.Item2)?.Members ?? 0)]))]);
    }
}

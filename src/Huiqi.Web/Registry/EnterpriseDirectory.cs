using System.Runtime.CompilerServices;
using Huiqi.Engine.Model;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Web.Registry;

/// <summary>
/// What an enterprise list may be filtered and sorted by, from the query string of a page, an export or the API.
/// Every value is optional; the caller's scope is applied on top, whatever is asked.
/// </summary>
public sealed record EnterpriseFilter
{
    /// <summary>区县 (ignored for a district account, which sees its own only).</summary>
    public string? District { get; init; }

    /// <summary>产业领域 (zz2023-23/7), e.g. <c>sensor</c>.</summary>
    public string? Sector { get; init; }

    /// <summary>企业属性, e.g. <c>above-scale</c>.</summary>
    public string? Trait { get; init; }

    /// <summary>培育库, e.g. <c>zjtx-cultivate</c>: enterprises that qualify for it in the award year.</summary>
    public string? Library { get; init; }

    /// <summary>条款, e.g. <c>zz2023-23/5</c>: enterprises with an award under it in the award year.</summary>
    public string? Clause { get; init; }

    /// <summary>Part of the name or of the USCC.</summary>
    public string? Q { get; init; }

    /// <summary><c>name</c>, <c>uscc</c>, <c>district</c>, <c>total</c> (largest first) or <c>-total</c>.</summary>
    public string? Sort { get; init; }

    /// <summary>The award year of the evaluation columns and filters; the platform's default when absent.</summary>
    public int? Year { get; init; }

    public bool NeedsSummaries => !string.IsNullOrEmpty(Library) || !string.IsNullOrEmpty(Clause);
}

/// <summary>One line of an enterprise list.</summary>
public sealed record EnterpriseListItem(
    string Uscc,
    string Name,
    string District,
    IReadOnlyList<string> Traits,
    IReadOnlyList<string> Sectors,
    decimal? Total,
    decimal? CityShare,
    decimal? DistrictShare,
    int? Awards,
    IReadOnlyList<string> Clauses,
    IReadOnlyList<string> Libraries);

/// <summary>A page of an enterprise list, with the count of the whole filtered list.</summary>
public sealed record EnterprisePage(int Year, int Page, int PageSize, int Count, IReadOnlyList<EnterpriseListItem> Items)
{
    public int Pages => Math.Max(1, (Count + PageSize - 1) / PageSize);
}

/// <summary>
/// The registry as a signed-in user may see it. Every method takes the caller's <see cref="Actor"/> and applies it in
/// the database query itself, so an enterprise outside the scope is not found rather than hidden after loading.
/// </summary>
public sealed class EnterpriseDirectory(IDbContextFactory<WebDbContext> contexts, DossierStore store, SummaryService summaries, PolicyEngine engine)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>The award year of a list: one of those offered on screen, else the figures year (nothing else is computed).</summary>
    public int YearOf(EnterpriseFilter filter) => Offered(filter?.Year);

    private int Offered(int? year) =>
        engine.Current is var now && year is { } y && now.Offered.Contains(y) ? y : now.Catalogue;

    /// <summary>One page of the filtered, sorted list; summaries of the award year are computed first if missing.</summary>
    public async Task<EnterprisePage> ListAsync(Actor scope, EnterpriseFilter filter, int page, int pageSize, CancellationToken cancel = default)
    {
        var year = YearOf(filter);
        await summaries.EnsureAsync(year, cancel);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var query = Query(db, scope, filter, year);
        var count = await query.CountAsync(cancel);
        page = Math.Clamp(page, 1, Math.Max(1, (count + pageSize - 1) / pageSize));
        var rows = await Sorted(query, filter.Sort).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancel);
        return new EnterprisePage(year, page, pageSize, count, [.. rows.Select(Item)]);
    }

    /// <summary>The whole filtered, sorted list, streamed (for an xlsx export).</summary>
    public async IAsyncEnumerable<EnterpriseListItem> AllAsync(Actor scope, EnterpriseFilter filter, [EnumeratorCancellation] CancellationToken cancel = default)
    {
        var year = YearOf(filter);
        await summaries.EnsureAsync(year, cancel);
        await using var db = await contexts.CreateDbContextAsync(cancel);
        await foreach (var row in Sorted(Query(db, scope, filter, year), filter.Sort).AsAsyncEnumerable().WithCancellation(cancel))
        {
            yield return Item(row);
        }
    }

    /// <summary>The dossier of an enterprise in scope, or null: one outside the scope is as absent as one unknown.</summary>
    public async Task<Dossier?> GetAsync(Actor scope, string uscc, CancellationToken cancel = default)
    {
        if (!await InScopeAsync(scope, uscc, cancel))
        {
            return null;
        }

        return await store.GetAsync(uscc, cancel);
    }

    /// <summary>Whether the enterprise exists and is in scope, asked of the database with the scope in the query.</summary>
    public async Task<bool> InScopeAsync(Actor scope, string uscc, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await contexts.CreateDbContextAsync(cancel);
        return await scope.Visible(db.Enterprises.AsNoTracking()).AnyAsync(e => e.Uscc == uscc, cancel);
    }

    /// <summary>What the scope's enterprises qualify for in the award year: how many, the total and its city/district split.</summary>
    public async Task<(int Enterprises, decimal Total, decimal City, decimal District)> TotalsAsync(Actor scope, int year, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        year = Offered(year);
        await summaries.EnsureAsync(year, cancel);
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var rows = await (from e in scope.Visible(db.Enterprises.AsNoTracking())
                          join s in db.Summaries.AsNoTracking().Where(s => s.Year == year && s.Awards > 0) on e.Id equals s.EnterpriseId
                          select new { s.Total, s.CityShare, s.DistrictShare }).ToListAsync(cancel);
        return (rows.Count, rows.Sum(r => r.Total), rows.Sum(r => r.CityShare), rows.Sum(r => r.DistrictShare));
    }

    /// <summary>How many enterprises the scope holds, per district.</summary>
    public async Task<IReadOnlyList<(string District, int Count)>> CountByDistrictAsync(Actor scope, CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        var rows = await scope.Visible(db.Enterprises.AsNoTracking()).GroupBy(e => e.District).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancel);
        return [.. rows.OrderBy(r => IndexOf(r.Key)).Select(r => (r.Key, r.Count))];
    }

    private static int IndexOf(string district)
    {
        for (var i = 0; i < Vocabulary.Districts.Count; i++)
        {
            if (Vocabulary.Districts[i] == district)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    /// <summary>An enterprise with its summary; a member-init type, which EF can translate through sorting and filtering.</summary>
    private sealed class Row
    {
        public required EnterpriseRow E { get; init; }

        public EvaluationSummaryRow? S { get; init; }
    }

    private static IQueryable<Row> Query(WebDbContext db, Actor scope, EnterpriseFilter f, int year)
    {
        var enterprises = scope.Visible(db.Enterprises.AsNoTracking());
        if (!string.IsNullOrWhiteSpace(f.District))
        {
            enterprises = enterprises.Where(e => e.District == f.District);
        }

        if (!string.IsNullOrWhiteSpace(f.Sector))
        {
            var s = "," + f.Sector.Trim() + ",";
            enterprises = enterprises.Where(e => ("," + e.Sectors + ",").Contains(s));
        }

        if (!string.IsNullOrWhiteSpace(f.Trait))
        {
            var t = "," + f.Trait.Trim() + ",";
            enterprises = enterprises.Where(e => ("," + e.Traits + ",").Contains(t));
        }

        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var q = f.Q.Trim();
            enterprises = enterprises.Where(e => e.Name.Contains(q) || e.Uscc.Contains(q.ToUpperInvariant()));
        }

        var rows = from e in enterprises
                   join s in db.Summaries.AsNoTracking().Where(s => s.Year == year) on e.Id equals s.EnterpriseId into ss
                   from s in ss.DefaultIfEmpty()
                   select new Row { E = e, S = s };

        if (!string.IsNullOrWhiteSpace(f.Library))
        {
            var l = "," + f.Library.Trim() + ",";
            rows = rows.Where(r => r.S != null && r.S.Libraries.Contains(l));
        }

        if (!string.IsNullOrWhiteSpace(f.Clause))
        {
            var c = "," + f.Clause.Trim() + ",";
            rows = rows.Where(r => r.S != null && r.S.Clauses.Contains(c));
        }

        return rows;
    }

    private static IQueryable<Row> Sorted(IQueryable<Row> rows, string? sort) => sort switch
    {
        "uscc" => rows.OrderBy(r => r.E.Uscc),
        "district" => rows.OrderBy(r => r.E.District).ThenBy(r => r.E.Id),
        "total" => rows.OrderByDescending(r => r.S == null ? 0 : r.S.TotalYuan).ThenBy(r => r.E.Id),
        "-total" => rows.OrderBy(r => r.S == null ? 0 : r.S.TotalYuan).ThenBy(r => r.E.Id),
        "name" => rows.OrderBy(r => r.E.Name).ThenBy(r => r.E.Id),
        _ => rows.OrderBy(r => r.E.Id),
    };

    private static EnterpriseListItem Item(Row r) => new(
        r.E.Uscc,
        r.E.Name,
        r.E.District,
        Split(r.E.Traits),
        Split(r.E.Sectors),
        r.S?.Total,
        r.S?.CityShare,
        r.S?.DistrictShare,
        r.S?.Awards,
        r.S is null ? [] : Split(r.S.Clauses),
        r.S is null ? [] : Split(r.S.Libraries));

    private static string[] Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

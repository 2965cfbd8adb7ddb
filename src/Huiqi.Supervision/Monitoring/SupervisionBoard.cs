using Huiqi.Engine.Model;
using Huiqi.Policies;
using Huiqi.Store;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Supervision.Monitoring;

/// <summary>Paid (or, when nothing is paid yet, owed) amounts of a clause in a district and month (null: owed, no month).</summary>
public sealed record AwardCell(string Clause, string District, int? Month, decimal Amount, int Payments);

/// <summary>The awards of a year within a scope: from the ledger (兑付台账), else the engine's qualifying amounts.</summary>
public sealed record AwardView(int Year, bool FromLedger, IReadOnlyList<AwardCell> Cells);

/// <summary>
/// The figures behind the dashboards (监测看板): targets against actuals, awards, warnings, each within the caller's
/// scope; library sizes come from the membership history (<see cref="Huiqi.Supervision.Libraries.LibraryRegister"/>).
/// The registry pass (counts, the engine's answers) is cached until the registry changes (its audit log grows), as
/// the enterprise summaries are; the monthly reports are read fresh each time.
/// </summary>
public sealed class SupervisionBoard(PolicyEngine engine, HuiqiDatabase registry, DossierStore store, MonthlyReports reports, Watchlists watchlists, TimeProvider clock)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (long Version, int Year, RegistryFigures Figures)? _cached;

    public PolicyEngine Engine => engine;

    /// <summary>The years some target is set for (2020, 2021, 2023, 2025).</summary>
    public IReadOnlyList<int> TargetYears => [.. engine.Catalog.Targets.Select(t => t.Year).Distinct().Order()];

    /// <summary>
    /// The targets in force today, the year a dashboard opens on: the latest year up to this year that an adopted
    /// document sets targets for (zzb2022-zjtx's 2025 in December 2026, not zzb2020-19's 2020 nor a draft's); the
    /// earliest target year when none has come yet.
    /// </summary>
    public int CurrentTargetYear
    {
        get
        {
            var thisYear = Today.Year;
            var adopted = engine.Catalog.Targets.Where(t => engine.Catalog.Document(t.Document)?.Adopted == true && t.Year <= thisYear).Select(t => t.Year).ToList();
            return adopted.Count > 0 ? adopted.Max() : TargetYears[0];
        }
    }

    public DateOnly Today => clock.Today();

    /// <summary>The registry's counts with what the engine finds owed for <paramref name="year"/>, computed once per registry version and year.</summary>
    public async Task<RegistryFigures> FiguresAsync(int year, CancellationToken cancel = default)
    {
        long version;
        await using (var db = registry.CreateDbContext())
        {
            version = await db.Audit.MaxAsync(a => (long?)a.Id, cancel) ?? 0;
        }

        if (_cached is { } c && c.Version == version && c.Year == year)
        {
            return c.Figures;
        }

        await _gate.WaitAsync(cancel);
        try
        {
            if (_cached is { } again && again.Version == version && again.Year == year)
            {
                return again.Figures;
            }

            var figures = await new RegistryFigures(engine.Catalog, Today, d => engine.Evaluate(d, year).Awards)
                .ReadAsync(store.StreamAsync(cancel: cancel), cancel);
            _cached = (version, year, figures);
            return figures;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The targets of a year in scope: the city sees every target; a district only its own.</summary>
    public async Task<IReadOnlyList<TargetLine>> TargetsAsync(int year, Actor scope, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var figures = await FiguresAsync(engine.Current.Catalogue, cancel);
        var lines = TargetBoard.For(engine.Catalog, year, figures, await reports.ListAsync(null, cancel), Today);
        return [.. lines.Where(l => scope.Reaches(l.Target.Scope))];
    }

    /// <summary>Awards paid in a year by clause, district and month; when the ledger holds none in scope, what the engine finds owed for the award year.</summary>
    public async Task<AwardView> AwardsAsync(int year, Actor scope, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        await using var db = registry.CreateDbContext();
        var paid = await (from g in db.Grants.AsNoTracking()
                          join e in scope.Visible(db.Enterprises.AsNoTracking()) on g.EnterpriseId equals e.Id
                          where g.Date >= first && g.Date <= last
                          select new { g.Clause, e.District, g.Date, g.Amount }).ToListAsync(cancel);
        if (paid.Count > 0)
        {
            return new AwardView(year, true, [.. paid.GroupBy(p => (p.Clause, p.District, p.Date.Month))
                .Select(g => new AwardCell(g.Key.Clause, g.Key.District, g.Key.Month, g.Sum(p => p.Amount), g.Count()))
                .OrderBy(c => c.Month).ThenBy(c => c.Clause, StringComparer.Ordinal).ThenBy(c => c.District, StringComparer.Ordinal)]);
        }

        var figures = await FiguresAsync(year, cancel);
        return new AwardView(year, false, [.. figures.Owed
            .Where(o => scope.Reaches(o.Key.District))
            .Select(o => new AwardCell(o.Key.Clause, o.Key.District, null, o.Value, 0))
            .OrderBy(c => c.Clause, StringComparer.Ordinal).ThenBy(c => c.District, StringComparer.Ordinal)]);
    }

    /// <summary>The watched enterprises' drop warnings in scope.</summary>
    public Task<IReadOnlyList<DropWarning>> DropWarningsAsync(Actor scope, CancellationToken cancel = default) =>
        watchlists.WarningsAsync(scope.DistrictOnly, cancel);
}

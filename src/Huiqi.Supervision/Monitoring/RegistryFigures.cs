using Huiqi.Engine.Catalog;
using Huiqi.Engine.Model;

namespace Huiqi.Supervision.Monitoring;

/// <summary>
/// What the dashboards count from the registry, in one pass over its dossiers (constant memory per enterprise): for
/// every target counted from the registry its count at a date and at the start of its period (the baseline); and,
/// when an evaluator is given, the amounts the engine finds owed for an award year by clause and district (shown when the ledger holds nothing yet).
/// </summary>
public sealed class RegistryFigures
{
    private readonly PolicyCatalog _catalog;
    private readonly DateOnly _asOf;
    private readonly Func<Dossier, IEnumerable<AwardLine>>? _evaluate;
    private readonly List<(Target Target, DateOnly Start, DateOnly CountTo)> _counted = [];
    private readonly decimal[] _counts;
    private readonly decimal[] _baselines;

    /// <param name="catalog">The catalogue whose targets are counted.</param>
    /// <param name="asOf">The day counts are taken at (today); a target whose period is over is counted at its last day.</param>
    /// <param name="evaluate">The engine's answer for the award year, or null to skip it.</param>
    public RegistryFigures(PolicyCatalog catalog, DateOnly asOf, Func<Dossier, IEnumerable<AwardLine>>? evaluate = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
        _asOf = asOf;
        _evaluate = evaluate;
        foreach (var t in catalog.Targets.Where(t => t.Actual is CountActual))
        {
            var start = Trajectory.StartOf(t, catalog.Document(t.Document)?.Window?.From);
            var end = new DateOnly(t.Year, 12, 31);
            _counted.Add((t, start, asOf < end ? asOf : end));
        }

        _counts = new decimal[_counted.Count];
        _baselines = new decimal[_counted.Count];
    }

    /// <summary>The engine's amounts per (clause, district) for the award year.</summary>
    public Dictionary<(string Clause, string District), decimal> Owed { get; } = [];

    public int Enterprises { get; private set; }

    public void Add(Dossier d)
    {
        ArgumentNullException.ThrowIfNull(d);
        Enterprises++;
        Dictionary<int, List<(LibraryRule Library, string Reason)>?>? libraries = null;
        List<(LibraryRule Library, string Reason)>? LibrariesIn(int year)
        {
            libraries ??= [];
            if (!libraries.TryGetValue(year, out var found))
            {
                found = _catalog.LibrariesOf(d, year);
                libraries[year] = found;
            }

            return found;
        }

        for (var i = 0; i < _counted.Count; i++)
        {
            var (t, start, to) = _counted[i];
            if (t.Scope != "city" && t.Scope != d.District)
            {
                continue;
            }

            var c = (CountActual)t.Actual;
            if (c.Library is { } lib)
            {
                _counts[i] += LibrariesIn(to.Year)?.Exists(l => l.Library.Id == lib) == true ? 1 : 0;
                _baselines[i] += LibrariesIn(start.Year - 1)?.Exists(l => l.Library.Id == lib) == true ? 1 : 0;
                continue;
            }

            // A title held by the day counts; for a "new in the year" target only titles dated in the year.
            var held = d.Honors.Any(h => c.Honors.Contains(h.Kind) && h.Date <= to && (!c.DatedInYear || h.Date.Year == t.Year));
            var before = !c.DatedInYear && d.Honors.Any(h => c.Honors.Contains(h.Kind) && h.Date < start);
            _counts[i] += held ? 1 : 0;
            _baselines[i] += before ? 1 : 0;
        }

        if (_evaluate is not null)
        {
            foreach (var line in _evaluate(d))
            {
                var key = (line.Clause, d.District);
                Owed[key] = Owed.GetValueOrDefault(key) + line.Amount;
            }
        }
    }

    /// <summary>The count of a registry-counted target at the as-of day (or its period's end), and at its period's start.</summary>
    public (decimal Count, decimal Baseline, DateOnly CountedTo)? CountOf(Target target)
    {
        var i = _counted.FindIndex(c => ReferenceEquals(c.Target, target));
        return i < 0 ? null : (_counts[i], _baselines[i], _counted[i].CountTo);
    }

    /// <summary>Reads a whole population.</summary>
    public async Task<RegistryFigures> ReadAsync(IAsyncEnumerable<Dossier> dossiers, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(dossiers);
        await foreach (var d in dossiers.WithCancellation(cancel))
        {
            Add(d);
        }

        return this;
    }
}

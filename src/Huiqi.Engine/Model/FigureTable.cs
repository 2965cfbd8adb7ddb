namespace Huiqi.Engine.Model;

/// <summary>
/// The figures of a dossier: metric (<see cref="Vocabulary.Metrics"/>) → period → value. Money in yuan,
/// electricity in kWh, <c>peerProfitMargin</c> as a rate.
/// </summary>
public sealed class FigureTable
{
    public static readonly FigureTable Empty = new(new Dictionary<string, IReadOnlyDictionary<Period, decimal>>());

    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<Period, decimal>> _byMetric;

    public FigureTable(IReadOnlyDictionary<string, IReadOnlyDictionary<Period, decimal>> byMetric) => _byMetric = byMetric;

    public IEnumerable<string> Metrics => _byMetric.Keys;

    public decimal? Get(string metric, Period period) =>
        _byMetric.TryGetValue(metric, out var series) && series.TryGetValue(period, out var value) ? value : null;

    /// <summary>Every reported period of a metric, in no particular order: for a scan that needs no sorting.</summary>
    public bool TryGetSeries(string metric, out IReadOnlyDictionary<Period, decimal> series)
    {
        if (_byMetric.TryGetValue(metric, out var s))
        {
            series = s;
            return true;
        }

        series = EmptySeries;
        return false;
    }

    private static readonly IReadOnlyDictionary<Period, decimal> EmptySeries = new Dictionary<Period, decimal>();

    /// <summary>Every reported period of a metric, oldest first.</summary>
    public IEnumerable<KeyValuePair<Period, decimal>> Series(string metric) =>
        _byMetric.TryGetValue(metric, out var series) ? series.OrderBy(p => p.Key) : [];

    public int Count => _byMetric.Values.Sum(s => s.Count);
}

using System.Collections;
using Huiqi.Engine.Model;

namespace Huiqi.Engine.Input;

/// <summary>
/// The values of one figure by period, as <see cref="DossierReader"/> builds them: the few periods of a dossier's series
/// kept in one array and found by a scan, in the order they were given (as a dictionary enumerates them). Read-only
/// once built; much smaller and quicker to build than a hash table for a handful of periods.
/// </summary>
internal sealed class PeriodValues : IReadOnlyDictionary<Period, decimal>
{
    private KeyValuePair<Period, decimal>[] _entries;
    private int _count;

    public PeriodValues(int capacity) => _entries = new KeyValuePair<Period, decimal>[Math.Max(1, capacity)];

    /// <summary>The values of distinct periods, in their order.</summary>
    public PeriodValues(ReadOnlySpan<KeyValuePair<Period, decimal>> entries)
    {
        _entries = entries.ToArray();
        _count = entries.Length;
    }

    /// <summary>Sets the value of a period (a period given again replaces its value, as a dictionary's indexer does).</summary>
    public void Set(Period period, decimal value)
    {
        var i = IndexOf(period);
        if (i >= 0)
        {
            _entries[i] = new(period, value);
            return;
        }

        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _count * 2);
        }

        _entries[_count++] = new(period, value);
    }

    private int IndexOf(Period period)
    {
        for (var i = 0; i < _count; i++)
        {
            if (_entries[i].Key == period)
            {
                return i;
            }
        }

        return -1;
    }

    public int Count => _count;

    public decimal this[Period key] => IndexOf(key) is var i and >= 0 ? _entries[i].Value : throw new KeyNotFoundException($"no value for {key}");

    public IEnumerable<Period> Keys => _entries.Take(_count).Select(e => e.Key);

    public IEnumerable<decimal> Values => _entries.Take(_count).Select(e => e.Value);

    public bool ContainsKey(Period key) => IndexOf(key) >= 0;

    public bool TryGetValue(Period key, out decimal value)
    {
        var i = IndexOf(key);
        value = i >= 0 ? _entries[i].Value : 0m;
        return i >= 0;
    }

    public IEnumerator<KeyValuePair<Period, decimal>> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return _entries[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// The metrics of a dossier's figures, as <see cref="DossierReader"/> builds them: a dozen names at most, found by a scan
/// in the order they were given. A frozen dictionary of them cost more to build than all the lookups of an evaluation.
/// </summary>
internal sealed class MetricValues(KeyValuePair<string, IReadOnlyDictionary<Period, decimal>>[] entries)
    : IReadOnlyDictionary<string, IReadOnlyDictionary<Period, decimal>>
{
    /// <summary>The metrics of a dictionary, in its order.</summary>
    public static MetricValues Of(Dictionary<string, IReadOnlyDictionary<Period, decimal>> byMetric)
    {
        var entries = new KeyValuePair<string, IReadOnlyDictionary<Period, decimal>>[byMetric.Count];
        var i = 0;
        foreach (var e in byMetric)
        {
            entries[i++] = e;
        }

        return new MetricValues(entries);
    }

    private int IndexOf(string metric)
    {
        for (var i = 0; i < entries.Length; i++)
        {
            if (string.Equals(entries[i].Key, metric, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    public int Count => entries.Length;

    public IReadOnlyDictionary<Period, decimal> this[string key] =>
        IndexOf(key) is var i and >= 0 ? entries[i].Value : throw new KeyNotFoundException($"no figures for {key}");

    public IEnumerable<string> Keys => entries.Select(e => e.Key);

    public IEnumerable<IReadOnlyDictionary<Period, decimal>> Values => entries.Select(e => e.Value);

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, out IReadOnlyDictionary<Period, decimal> value)
    {
        var i = IndexOf(key);
        value = i >= 0 ? entries[i].Value : null!;
        return i >= 0;
    }

    public IEnumerator<KeyValuePair<string, IReadOnlyDictionary<Period, decimal>>> GetEnumerator() =>
        ((IEnumerable<KeyValuePair<string, IReadOnlyDictionary<Period, decimal>>>)entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

using System.Collections;
using Huiqi.Engine.Model;

namespace Huiqi.Engine.Input;

/// <summary>
/// The values of one figure by period, as <see cref="DossierReader"/> builds them: the few periods of a dossier's series
/// kept in two arrays and found by a scan, in the order they were given (as a dictionary enumerates them). Read-only
/// once built; much smaller and quicker to build than a hash table for a handful of periods.
/// </summary>
internal sealed class PeriodValues : IReadOnlyDictionary<Period, decimal>
{
    private Period[] _keys;
    private decimal[] _values;
    private int _count;

    public PeriodValues(int capacity)
    {
        _keys = new Period[Math.Max(1, capacity)];
        _values = new decimal[_keys.Length];
    }

    /// <summary>Sets the value of a period (a period given again replaces its value, as a dictionary's indexer does).</summary>
    public void Set(Period period, decimal value)
    {
        var i = IndexOf(period);
        if (i >= 0)
        {
            _values[i] = value;
            return;
        }

        if (_count == _keys.Length)
        {
            Array.Resize(ref _keys, _count * 2);
            Array.Resize(ref _values, _count * 2);
        }

        _keys[_count] = period;
        _values[_count] = value;
        _count++;
    }

    private int IndexOf(Period period)
    {
        for (var i = 0; i < _count; i++)
        {
            if (_keys[i] == period)
            {
                return i;
            }
        }

        return -1;
    }

    public int Count => _count;

    public decimal this[Period key] => IndexOf(key) is var i and >= 0 ? _values[i] : throw new KeyNotFoundException($"no value for {key}");

    public IEnumerable<Period> Keys => _keys.Take(_count);

    public IEnumerable<decimal> Values => _values.Take(_count);

    public bool ContainsKey(Period key) => IndexOf(key) >= 0;

    public bool TryGetValue(Period key, out decimal value)
    {
        var i = IndexOf(key);
        value = i >= 0 ? _values[i] : 0m;
        return i >= 0;
    }

    public IEnumerator<KeyValuePair<Period, decimal>> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return new KeyValuePair<Period, decimal>(_keys[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

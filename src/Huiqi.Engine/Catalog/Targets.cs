using Huiqi.Engine.Model;

namespace Huiqi.Engine.Catalog;

/// <summary>Which way a target points (目标方向): at least (以上, 力争达到), about (左右), at most (以下, 下降到).</summary>
public enum TargetDirection
{
    AtLeast,
    About,
    AtMost,
}

/// <summary>Where a target's actual comes from.</summary>
public abstract record ActualSource;

/// <summary>Reported by the districts (月报), e.g. 规上工业增加值增速: the registry holds no such figure.</summary>
public sealed record ReportedActual : ActualSource;

/// <summary>Counted from the registry: enterprises holding any of some titles, or in a library, in the scope, by the year's end.</summary>
public sealed record CountActual(IReadOnlyList<string> Honors, string? Library, bool DatedInYear) : ActualSource;

/// <summary>
/// A target a document sets (目标): a value for an indicator, over a scope (a district or the city), for a year, with
/// the sentence that sets it.
/// </summary>
public sealed record Target(
    string Document,
    string Source,
    string Scope,
    string Indicator,
    string Unit,
    TargetDirection Direction,
    decimal Value,
    int Year,
    IReadOnlyList<string> Text,
    ActualSource Actual,
    string File,
    int Line)
{
    /// <summary>Whether an actual meets the target; "about" allows a tenth either side.</summary>
    public bool Met(decimal actual) => Direction switch
    {
        TargetDirection.AtLeast => actual >= Value,
        TargetDirection.AtMost => actual <= Value,
        _ => Math.Abs(actual - Value) <= Math.Abs(Value) / 10m,
    };

    public string DirectionWord => Direction switch
    {
        TargetDirection.AtLeast => "at-least",
        TargetDirection.AtMost => "at-most",
        _ => "about",
    };
}

/// <summary>
/// Counts the registry-based actuals of targets from a stream of dossiers, in constant memory: pure, so the CLI, the
/// web dashboards and the tests share it.
/// </summary>
public sealed class TargetTracker
{
    private readonly IReadOnlyList<Target> _targets;
    private readonly int _year;
    private readonly decimal[] _counts;
    private readonly PolicyCatalog _catalog;

    public TargetTracker(PolicyCatalog catalog, int year)
    {
        _year = year;
        _targets = catalog.Targets.Where(t => t.Year == year).ToList();
        _counts = new decimal[_targets.Count];
        _catalog = catalog;
    }

    public IReadOnlyList<Target> Targets => _targets;

    public void Add(Dossier d)
    {
        List<(LibraryRule Library, string Reason)>? libraries = null;
        var librariesRead = false;
        var end = new DateOnly(_year, 12, 31);
        for (var i = 0; i < _targets.Count; i++)
        {
            var t = _targets[i];
            if (t.Actual is not CountActual c || (t.Scope != "city" && t.Scope != d.District))
            {
                continue;
            }

            var counts = false;
            if (c.Library is { } lib)
            {
                if (!librariesRead)
                {
                    libraries = _catalog.LibrariesOf(d, _year);
                    librariesRead = true;
                }

                counts = libraries?.Exists(l => l.Library.Id == lib) == true;
            }
            else
            {
                foreach (var h in d.Honors)
                {
                    if (c.Honors.Contains(h.Kind) && h.Date <= end && (!c.DatedInYear || h.Date.Year == _year))
                    {
                        counts = true;
                        break;
                    }
                }
            }

            if (counts)
            {
                _counts[i]++;
            }
        }
    }

    /// <summary>The actual of each target: a count, or null for reported indicators (none reported yet).</summary>
    public decimal? ActualOf(int index) => _targets[index].Actual is CountActual ? _counts[index] : null;
}

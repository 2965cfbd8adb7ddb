using Huiqi.Engine.Catalog;

namespace Huiqi.Simulation;

/// <summary>
/// The clauses whose answer a reformed catalogue can change: those whose parameters, windows (own or document's),
/// status, split or library differ from the baseline, those added or removed, those that read a reading switch set
/// otherwise, those of a draft put in force, and — closed under precedence — every clause a precedence ties to one of
/// them (highest only, supersedes). Every other clause pays exactly what it pays under the baseline, so a simulation
/// evaluates the reform on these clauses only and takes the rest of the answer from the baseline.
/// </summary>
internal static class Reach
{
    public static HashSet<string> Of(PolicyCatalog baseline, Scenario reform)
    {
        var reformed = reform.Catalog;
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in reformed.Clauses)
        {
            if (!baseline.ClausesById.TryGetValue(c.Id, out var b) || Differs(b, c))
            {
                set.Add(c.Id);
            }
        }

        set.UnionWith(baseline.Clauses.Where(b => !reformed.ClausesById.ContainsKey(b.Id)).Select(b => b.Id));

        var readings = reformed.ChosenReadings.Keys.Concat(baseline.ChosenReadings.Keys)
            .Where(k => reformed.ChosenReadings.GetValueOrDefault(k) != baseline.ChosenReadings.GetValueOrDefault(k))
            .Select(k => "switch: " + k).ToList();
        set.UnionWith(reformed.Clauses.Where(c => readings.Any(r => c.ParamsText.Contains(r, StringComparison.Ordinal))).Select(c => c.Id));
        set.UnionWith(reformed.Clauses.Where(c => reform.Options.InForceFrom.ContainsKey(c.Document.Id)).Select(c => c.Id));

        var before = baseline.Precedence.Select(Key).ToHashSet(StringComparer.Ordinal);
        var after = reformed.Precedence.Select(Key).ToHashSet(StringComparer.Ordinal);
        var all = baseline.Precedence.Concat(reformed.Precedence).ToList();
        foreach (var p in all.Where(p => !before.Contains(Key(p)) || !after.Contains(Key(p))))
        {
            set.UnionWith(Names(p));
        }

        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var p in all)
            {
                var names = Names(p);
                if (names.Any(set.Contains) && !names.All(set.Contains))
                {
                    set.UnionWith(names);
                    grew = true;
                }
            }
        }

        return set;
    }

    private static bool Differs(Clause b, Clause c) =>
        b.ParamsText != c.ParamsText || b.OwnWindow != c.OwnWindow || b.Library != c.Library
        || b.Document.Window != c.Document.Window || b.Document.Adopted != c.Document.Adopted || b.Document.Repealed != c.Document.Repealed || b.Document.Split != c.Document.Split
        || b.Document.DurationYears != c.Document.DurationYears;

    private static IReadOnlyList<string> Names(Precedence p) => p switch
    {
        Supersedes s => [s.By, s.Over],
        HighestOnly h => h.Clauses,
        _ => [],
    };

    private static string Key(Precedence p) => p switch
    {
        Supersedes s => $"supersedes|{s.By}|{s.Over}|{string.Join(",", s.Items)}|{s.From:yyyy-MM-dd}",
        HighestOnly h => $"highest-only|{string.Join(",", h.Clauses)}",
        _ => p.ToString(),
    };
}

using Huiqi.Engine.Catalog;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Model;

namespace Huiqi.Policies;

/// <summary>
/// The catalogue and its evaluator, shared by every request, and the award year screens open on: the
/// <c>Huiqi:AwardYear</c> setting, else last calendar year (read from the clock by the edge that builds it, never
/// inside the engine).
/// </summary>
public sealed class PolicyEngine
{
    public PolicyEngine(PolicyCatalog catalog, ReadingSwitches switches, int awardYear)
    {
        Catalog = catalog;
        Switches = switches;
        Evaluator = new Evaluator(catalog);
        AwardYear = awardYear;
        LibraryNames = catalog.Libraries.GroupBy(l => l.Id).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
    }

    public PolicyCatalog Catalog { get; }

    /// <summary>The reading switches met while loading the catalogue (interpretation.md rule 12), for the clause pages.</summary>
    public ReadingSwitches Switches { get; }

    public Evaluator Evaluator { get; }

    /// <summary>The award year a screen shows unless another is chosen.</summary>
    public int AwardYear { get; }

    /// <summary>The award years offered on screen: the three before the default and the default.</summary>
    public IReadOnlyList<int> Years => [.. Enumerable.Range(AwardYear - 3, 5).Where(y => y >= 2020).Reverse()];

    public IReadOnlyDictionary<string, string> LibraryNames { get; }

    public string LibraryName(string id) => LibraryNames.TryGetValue(id, out var name) ? name : id;

    public Answer Evaluate(Dossier dossier, int year, bool hints = false, bool trace = false) =>
        Evaluator.Evaluate(dossier, year, new EvaluationOptions { Hints = hints, Trace = trace });

    /// <summary>A clause's title for a line of an answer; the id itself when the catalogue does not know it.</summary>
    public string ClauseTitle(string id) => Catalog.ClausesById.TryGetValue(id, out var c) ? c.Title : id;
}

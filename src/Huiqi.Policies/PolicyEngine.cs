using Huiqi.Engine.Catalog;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Model;

namespace Huiqi.Policies;

/// <summary>
/// The catalogue and its evaluator, shared by every request, and the award years screens open on: the rule of
/// <see cref="AwardYears"/> read from the edge's clock each time it is asked, so the years turn over at Beijing New Year
/// without a restart.
/// </summary>
public sealed class PolicyEngine
{
    private readonly TimeProvider _clock;

    public PolicyEngine(PolicyCatalog catalog, ReadingSwitches switches, TimeProvider clock)
    {
        Catalog = catalog;
        Switches = switches;
        Evaluator = new Evaluator(catalog);
        _clock = clock;
        LibraryNames = catalog.Libraries.GroupBy(l => l.Id).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
    }

    public PolicyCatalog Catalog { get; }

    /// <summary>The reading switches met while loading the catalogue (interpretation.md rule 12), for the clause pages.</summary>
    public ReadingSwitches Switches { get; }

    public Evaluator Evaluator { get; }

    /// <summary>
    /// The award years a bureau works on today (Beijing): a whole-catalogue screen opens on <see cref="AwardYears.Figures"/>,
    /// a clause's own page on <see cref="AwardYears.Of(Clause)"/>; <see cref="AwardYears.Offered"/> are the years a switch offers.
    /// </summary>
    public AwardYears Current => AwardYears.Now(_clock);

    /// <summary>A clause's current award year (by what it pays on); the figures year for an id the catalogue does not know.</summary>
    public int CurrentYearOf(string clauseId) =>
        Catalog.ClausesById.TryGetValue(clauseId, out var c) ? Current.Of(c) : Current.Figures;

    public IReadOnlyDictionary<string, string> LibraryNames { get; }

    public string LibraryName(string id) => LibraryNames.TryGetValue(id, out var name) ? name : id;

    public Answer Evaluate(Dossier dossier, int year, bool hints = false, bool trace = false) =>
        Evaluator.Evaluate(dossier, year, new EvaluationOptions { Hints = hints, Trace = trace });

    /// <summary>A clause (or document) as the bureaus cite it: <see cref="PolicyCatalog.NameOf"/>.</summary>
    public string ClauseName(string id) => Catalog.NameOf(id);

    /// <summary>A clause (or document) cited where space is tight: <see cref="PolicyCatalog.ShortNameOf"/>.</summary>
    public string ClauseShortName(string id) => Catalog.ShortNameOf(id);

    /// <summary>A clause's title for a line of an answer; the id itself when the catalogue does not know it.</summary>
    public string ClauseTitle(string id) => Catalog.ClausesById.TryGetValue(id, out var c) ? c.Title : id;
}

using Huiqi.Engine.Catalog;
using Huiqi.Engine.Model;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huiqi.Web.Pages.Policies;

/// <summary>A clause: its original text, its reading, its 申兑指南 and what it has paid so far.</summary>
public sealed class ClauseModel(PolicyEngine engine, LedgerQueries ledger, TimeProvider clock) : PageModel
{
    private static readonly LedgerQueries.Paid Nothing = new(0, 0, 0);

    public PolicyEngine Engine => engine;

    public Clause Clause { get; private set; } = null!;

    public ClauseGuide Guide { get; private set; } = null!;

    /// <summary>The clause in plain words (政策解读), with its typical cases worked by the engine.</summary>
    public ClauseReading Reading { get; private set; } = null!;

    public IReadOnlyList<Precedence> Precedence { get; private set; } = [];

    public IReadOnlyList<ReadingSwitch> Switches { get; private set; } = [];

    public Actor Scope { get; private set; } = Actor.Anonymous;

    public LedgerQueries.Paid CityPaid { get; private set; } = Nothing;

    public LedgerQueries.Paid ScopePaid { get; private set; } = Nothing;

    public string LibraryName(string id) => engine.LibraryName(id);

    /// <summary>The award year the page speaks of: one chosen on the switch, else the clause's current year.</summary>
    public int Year { get; private set; }

    public async Task<IActionResult> OnGetAsync(string doc, string article, int? year, CancellationToken cancel)
    {
        if (!engine.Catalog.ClausesById.TryGetValue($"{doc}/{article}", out var clause))
        {
            return NotFound();
        }

        Clause = clause;
        var now = engine.Current;
        Year = year is { } y && now.Offered.Contains(y) ? y : now.Of(clause);
        Guide = ClauseGuide.For(clause);
        Reading = ClauseReading.Of(engine.Catalog, clause, clock.Today());
        Precedence = [.. engine.Catalog.Precedence.Where(p => p switch
        {
            Supersedes s => s.By == clause.Id || s.Over == clause.Id,
            HighestOnly h => h.Clauses.Contains(clause.Id),
            _ => false,
        })];
        Switches = [.. engine.Switches.Met.Where(s => s.Clause == clause.Id)];
        Scope = HttpContext.Actor();
        CityPaid = (await ledger.PaidByClauseAsync(Actor.System("web"), cancel)).GetValueOrDefault(clause.Id, Nothing);
        if (Scope.Level != ScopeLevel.City)
        {
            ScopePaid = (await ledger.PaidByClauseAsync(Scope, cancel)).GetValueOrDefault(clause.Id, Nothing);
        }

        return Page();
    }
}

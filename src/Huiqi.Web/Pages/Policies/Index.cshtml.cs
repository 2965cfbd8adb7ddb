using Huiqi.Engine.Catalog;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huiqi.Web.Pages.Policies;

public sealed class IndexModel(PolicyEngine engine, LedgerQueries ledger, TimeProvider clock) : PageModel
{
    public PolicyEngine Engine => engine;

    /// <summary>Today in Beijing, which decides each document's status.</summary>
    public DateOnly Today { get; } = Huiqi.Engine.Model.BeijingTime.Today(clock);

    /// <summary>The documents as a reader looks for them: those in force first, then expired or repealed, drafts last.</summary>
    public IEnumerable<PolicyDocument> Documents => engine.Catalog.Documents.OrderBy(d => d.StatusOn(Today) switch
    {
        DocumentStatus.InForce => 0,
        DocumentStatus.Expired => 1,
        DocumentStatus.Repealed => 2,
        _ => 3,
    });

    /// <summary>City-wide sums per clause: aggregates, no enterprise named.</summary>
    public IReadOnlyDictionary<string, LedgerQueries.Paid> CityPaid { get; private set; } = new Dictionary<string, LedgerQueries.Paid>();

    public async Task OnGetAsync(CancellationToken cancel) =>
        CityPaid = await ledger.PaidByClauseAsync(Actor.System("web"), cancel);
}

using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huiqi.Web.Pages.Policies;

public sealed class IndexModel(PolicyEngine engine, LedgerQueries ledger) : PageModel
{
    public PolicyEngine Engine => engine;

    /// <summary>City-wide sums per clause: aggregates, no enterprise named.</summary>
    public IReadOnlyDictionary<string, LedgerQueries.Paid> CityPaid { get; private set; } = new Dictionary<string, LedgerQueries.Paid>();

    public async Task OnGetAsync(CancellationToken cancel) =>
        CityPaid = await ledger.PaidByClauseAsync(Actor.System("web"), cancel);
}

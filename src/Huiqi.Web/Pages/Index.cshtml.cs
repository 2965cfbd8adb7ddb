using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Web.Pages;

/// <summary>The home page: what the signed-in role does today, within its scope.</summary>
public sealed class IndexModel(EnterpriseDirectory directory, IDbContextFactory<WebDbContext> contexts, PolicyEngine engine, CaseQueries cases) : PageModel
{
    public Actor Scope { get; private set; } = Actor.Anonymous;

    public IReadOnlyList<(string District, int Count)> Counts { get; private set; } = [];

    public int PendingCorrections { get; private set; }

    /// <summary>Cases waiting for the signed-in role (to confirm, review, publish, pay or rate).</summary>
    public int WaitingCases { get; private set; }

    /// <summary>The award year's awards in scope: enterprises, total, city and district shares.</summary>
    public (int Enterprises, decimal Total, decimal City, decimal District) Totals { get; private set; }

    /// <summary>The figures year by today's clock: the year in which every clause of the catalogue can be judged.</summary>
    public int Year => engine.Current.Catalogue;

    public async Task OnGetAsync(CancellationToken cancel)
    {
        Scope = HttpContext.Actor();
        if (Scope.Level != ScopeLevel.None)
        {
            WaitingCases = await cases.WaitingAsync(HttpContext.Actor(), cancel);
        }

        if (!Scope.SeesLists)
        {
            return;
        }

        Counts = await directory.CountByDistrictAsync(Scope, cancel);
        Totals = await directory.TotalsAsync(Scope, Year, cancel);
        await using var db = await contexts.CreateDbContextAsync(cancel);
        PendingCorrections = await db.Corrections.CountAsync(c => c.Status == CorrectionRow.Pending && (Scope.Level == ScopeLevel.City || c.District == Scope.District), cancel);
    }
}

using Huiqi.Engine.Catalog;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huiqi.Web.Pages.Policies;

public sealed class DocumentModel(PolicyEngine engine, LedgerQueries ledger) : PageModel
{
    public PolicyDocument Document { get; private set; } = null!;

    public IReadOnlyDictionary<string, LedgerQueries.Paid> CityPaid { get; private set; } = new Dictionary<string, LedgerQueries.Paid>();

    public async Task<IActionResult> OnGetAsync(string doc, CancellationToken cancel)
    {
        var document = engine.Catalog.Document(doc);
        if (document is null)
        {
            return NotFound();
        }

        Document = document;
        CityPaid = await ledger.PaidByClauseAsync(Actor.System("web"), cancel);
        return Page();
    }

    public string Describe(Precedence p) => Describe(p, engine);

    public static string Describe(Precedence p, PolicyEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return p switch
        {
            Supersedes s => $"自 {s.From:yyyy-MM-dd} 起，{engine.ClauseName(s.Over)}中的 {string.Join("、", s.Items.Select(Show.Item))} 按 {engine.ClauseName(s.By)}执行：“{string.Join("", s.Text)}”",
            HighestOnly h => $"从高不重复：{string.Join("、", h.Clauses.Select(engine.ClauseName))}，同一事项只按最高一项奖励：“{string.Join("", h.Text)}”",
            _ => "",
        };
    }
}

using Huiqi.Supervision.Tasks;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huiqi.Web.Pages.Tasks;

/// <summary>One task: the document's words, its units' lines this month, and every report within the caller's reach.</summary>
public sealed class TaskModel(TaskLedger ledger) : PageModel
{
    public LedgerTaskRow Task { get; private set; } = null!;

    public IReadOnlyList<TaskLine> Lines { get; private set; } = [];

    public IReadOnlyList<LedgerProgressRow> Reports { get; private set; } = [];

    public Actor Reporter { get; private set; } = Actor.Anonymous;

    public async Task<IActionResult> OnGetAsync(string document, string number, CancellationToken cancel)
    {
        var found = HttpContext.Actor() is { } reach && reach.SeesLists ? await ledger.TaskAsync(reach, $"{document}/{number}", ledger.ThisMonth, cancel) : null;
        if (found is not { } f)
        {
            return NotFound();
        }

        (Task, Lines, Reports) = f;
        Reporter = HttpContext.Actor();
        return Page();
    }
}

using Huiqi.Supervision.Libraries;
using Huiqi.Supervision.Tasks;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huiqi.Web.Pages.Libraries;

/// <summary>
/// One enterprise's place in one library with its whole history (入库、层级调整、出库, who and why), and the removal
/// by hand. Another district's enterprise is not found.
/// </summary>
public sealed class MemberModel(LibraryRegister register, PolicyEngine engine) : PageModel
{
    public LibraryMembershipRow Member { get; private set; } = null!;

    [TempData] public string? Message { get; set; }

    [TempData] public string? Error { get; set; }

    public async Task<IActionResult> OnGetAsync(string library, string uscc, CancellationToken cancel)
    {
        var reach = HttpContext.Actor();
        var member = reach.SeesLists ? await register.HistoryAsync(reach, library, uscc, cancel) : null;
        if (member is null)
        {
            return NotFound();
        }

        Member = member;
        return Page();
    }

    /// <summary>A district (or the city) takes the enterprise out, with a reason, in the last selection year.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(string library, string uscc, string reason, CancellationToken cancel)
    {
        if (HttpContext.Actor() is not { } reach || !reach.SeesLists || !reach.ManagesLibraries())
        {
            return Forbid();
        }

        if (await register.HistoryAsync(reach, library, uscc, cancel) is null)
        {
            return NotFound();
        }

        try
        {
            var year = await register.LatestYearAsync(cancel) ?? engine.Current.Catalogue;
            await register.RemoveAsync(reach, library, uscc, reason, year, User.Identity?.Name ?? "", cancel);
            Message = $"已出库（{year}年度）。";
        }
        catch (LedgerException e)
        {
            Error = e.Message;
        }

        return Redirect($"/libraries/{Uri.EscapeDataString(library)}/{Uri.EscapeDataString(uscc)}");
    }
}

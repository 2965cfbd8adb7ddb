using Huiqi.Store.Import;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huiqi.Web.Casework;

/// <summary>
/// What the case pages share: the signed-in user as a <see cref="Actor"/>, and one way to take a step — done, the
/// page redirects with a message (so a reload does not post twice); refused, it shows the workflow's Chinese reason
/// with the matching status (404 for a case outside the scope, 403, 409 for a stale page, 400; 400 too for an amount
/// that is not a number), and logs the English.
/// </summary>
public abstract class CasePageModel : PageModel
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Actor? _actor;

    /// <summary>The last step's outcome, shown once after the redirect.</summary>
    [TempData]
    public string? Message { get; set; }

    /// <summary>Why the step just posted was refused, in Chinese.</summary>
    public string? Error { get; protected set; }

    public Actor Actor => _actor ??= HttpContext.Actor();

    /// <summary>
    /// Takes a step. On success sets <see cref="Message"/> and answers <paramref name="done"/>; on a refusal other than
    /// not-found, sets <see cref="Error"/> and the status code and answers <paramref name="refused"/> (the page, read
    /// afresh so it shows the case as it now stands).
    /// </summary>
    protected async Task<IActionResult> StepAsync(Func<Actor, Task<string>> step, Func<IActionResult> done, Func<Task<IActionResult>> refused)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(done);
        ArgumentNullException.ThrowIfNull(refused);
        if (Pages.Shared.MoneyBinder.Error(ModelState) is { } unreadable)
        {
            // An amount that is not a number is refused before the step, and the form comes back as typed.
            Error = unreadable;
            Message = null;
            var form = await refused();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return form;
        }

        try
        {
            Message = await step(Actor);
            return done();
        }
        catch (CaseException e) when (e.Problem == CaseProblem.NotFound)
        {
            return NotFound();
        }
        catch (CaseException e)
        {
            HttpContext.RequestServices.GetRequiredService<ILogger<CasePageModel>>()
                .LogInformation("Step refused for {User} on {Path}: {Reason}", Actor.User, Request.Path.Value, e.Message);
            Error = e.Chinese;
            Message = null;
            var page = await refused();
            Response.StatusCode = CasesExtensions.StatusOf(e.Problem);
            return page;
        }
    }

    /// <summary>Rows as an xlsx workbook (Chinese headers are the dictionaries' keys); an empty list gets one explanatory row.</summary>
    protected Task<IActionResult> XlsxAsync(List<Dictionary<string, object?>> rows, string sheet, string fileName, string whenEmpty, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            rows.Add(new Dictionary<string, object?> { ["序号"] = null, ["说明"] = whenEmpty });
        }

        return Task.FromResult<IActionResult>(File(Workbooks.Bytes(rows, sheet), XlsxType, fileName));
    }
}

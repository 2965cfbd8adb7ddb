using Huiqi.Supervision.Libraries;

namespace Huiqi.Web.Pages.Libraries;

/// <summary>
/// The libraries an enterprise is recorded in (入库记录), with since when and how, as a row of its portal page. The page
/// that shows it has already found the enterprise in the user's scope.
/// </summary>
public sealed class LibraryBadgesViewComponent(LibraryRegister register) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string uscc) =>
        View(await register.OfEnterpriseAsync(uscc, HttpContext.RequestAborted));
}

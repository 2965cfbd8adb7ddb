using Huiqi.Store.Import;
using Huiqi.Web.Uploads;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huiqi.Web.Pages.Uploads;

/// <summary>The full error list of a refused upload (错误清单), for the account that uploaded it, while it is kept.</summary>
public sealed class ErrorsModel(UploadErrorLists lists) : PageModel
{
    public IActionResult OnGet(string id) =>
        lists.Find(User, id ?? "") is { } bytes
            ? File(bytes, Workbooks.ContentType, "错误清单.xlsx")
            : NotFound("错误清单已过期或不属于当前账号，请重新上传以生成 / the error list has expired");
}

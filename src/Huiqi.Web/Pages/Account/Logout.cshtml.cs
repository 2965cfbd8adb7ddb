using Huiqi.Web.Apis;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huiqi.Web.Pages.Account;

public sealed class LogoutModel(SignInManager<HuiqiUser> signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await SessionApi.SignOutEverywhereAsync(HttpContext, signIn);
        return Redirect("/Account/Login");
    }
}

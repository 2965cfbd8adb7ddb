using Huiqi.Web.Accounts;
using Huiqi.Web.Apis;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Huiqi.Web.Pages.Account;

/// <summary>The sign-in form: Identity's password check with lockout; the form carries an antiforgery token.</summary>
public sealed class LoginModel(SignInManager<HuiqiUser> signIn, IOptions<IdentityOptions> identity, ILogger<LoginModel> log) : PageModel
{
    [BindProperty]
    public string UserName { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public int MaxAttempts => identity.Value.Lockout.MaxFailedAccessAttempts;

    public int LockoutMinutes => (int)identity.Value.Lockout.DefaultLockoutTimeSpan.TotalMinutes;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await signIn.PasswordSignInAsync(UserName.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        AccountLog.SignIn(log, UserName, result, "form");
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        Error = result.IsLockedOut
            ? $"密码错误次数过多，账号已锁定，请 {LockoutMinutes} 分钟后再试，或联系系统管理员解锁。"
            : "账号或密码错误。";
        return Page();
    }
}

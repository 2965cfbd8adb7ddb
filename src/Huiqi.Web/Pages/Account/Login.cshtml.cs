using Huiqi.Web.Apis;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Huiqi.Web.Pages.Account;

/// <summary>The sign-in form: Identity's password check with lockout; the form carries an antiforgery token.</summary>
[EnableRateLimiting(Edge.AnonymousPolicy)]
public sealed class LoginModel(SignInManager<HuiqiUser> signIn, SignInThrottle throttle, IOptions<IdentityOptions> identity, ILogger<LoginModel> log) : PageModel
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
        var (result, wait) = await throttle.SignInAsync(HttpContext, signIn, UserName.Trim(), Password, log, "form");
        if (wait is { } w)
        {
            Edge.SetRetryAfter(HttpContext, w);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Error = SignInThrottle.Throttled(w);
            return Page();
        }

        if (result!.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        // Unknown account, wrong password and locked account read alike.
        Error = SignInThrottle.Refused(identity.Value.Lockout.DefaultLockoutTimeSpan);
        return Page();
    }
}

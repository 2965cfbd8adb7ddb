using Huiqi.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace Huiqi.Web.Apis;

/// <summary>
/// <c>/api/session</c>: sign-in for API clients, with the same password check and lockout as the sign-in page; the
/// answer sets the same cookie. A JSON body cannot be posted cross-site without a CORS preflight, which this
/// application never grants.
/// </summary>
public static class SessionApi
{
    public sealed record Credentials(string UserName, string Password);

    public sealed record Me(string UserName, string Name, IReadOnlyList<string> Roles, string Scope, string? District, string? Uscc);

    public static IEndpointRouteBuilder MapSessionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/session").WithTags("session");
        api.MapPost("", SignInAsync).AllowAnonymous().DisableAntiforgery().WithSummary("登录 / sign in (sets the cookie)");
        api.MapGet("", Who).RequireAuthorization().WithSummary("当前用户及其权限范围 / who is signed in, and the scope");
        api.MapDelete("", SignOutAsync).RequireAuthorization().WithSummary("退出 / sign out");
        return app;
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> SignInAsync(Credentials credentials, SignInManager<HuiqiUser> signIn, ILoggerFactory logs)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var result = await signIn.PasswordSignInAsync(credentials.UserName ?? "", credentials.Password ?? "", isPersistent: false, lockoutOnFailure: true);
        AccountLog.SignIn(logs.CreateLogger("Huiqi.Accounts"), credentials.UserName ?? "", result, "api");
        if (result.Succeeded)
        {
            return TypedResults.NoContent();
        }

        return TypedResults.Problem(
            title: result.IsLockedOut ? "账号已锁定 / account locked" : "登录失败 / sign-in failed",
            detail: result.IsLockedOut
                ? "密码错误次数过多，账号已暂时锁定，请稍后再试或联系管理员 / too many wrong passwords: the account is locked for a while"
                : "账号或密码错误 / wrong user name or password",
            statusCode: StatusCodes.Status401Unauthorized);
    }

    public static Ok<Me> Who(HttpContext http)
    {
        var user = http.User;
        var scope = Scope.Of(user);
        return TypedResults.Ok(new Me(
            user.Identity?.Name ?? "",
            user.FindFirst(Scope.DisplayNameClaim)?.Value ?? "",
            [.. Roles.All.Where(user.IsInRole)],
            scope.Level.ToString().ToLowerInvariant(),
            scope.District,
            scope.Uscc));
    }

    public static async Task<NoContent> SignOutAsync(SignInManager<HuiqiUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }
}

/// <summary>Structured log lines about accounts.</summary>
public static partial class AccountLog
{
    public static void SignIn(ILogger log, string user, SignInResult result, string via)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Succeeded)
        {
            SignedIn(log, user, via);
        }
        else if (result.IsLockedOut)
        {
            LockedOut(log, user, via);
        }
        else
        {
            Failed(log, user, via);
        }
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "User {User} signed in via {Via}")]
    private static partial void SignedIn(ILogger log, string user, string via);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "User {User} is locked out (via {Via})")]
    private static partial void LockedOut(ILogger log, string user, string via);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Failed sign-in for {User} via {Via}")]
    private static partial void Failed(ILogger log, string user, string via);
}

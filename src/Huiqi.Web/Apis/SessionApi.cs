using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
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
        api.MapPost("", SignInAsync).AllowAnonymous().DisableAntiforgery().RequireRateLimiting(Edge.AnonymousPolicy).WithSummary("登录 / sign in (sets the cookie)");
        api.MapGet("", Who).RequireAuthorization().WithSummary("当前用户及其权限范围 / who is signed in, and the scope");
        api.MapDelete("", SignOutAsync).RequireAuthorization().WithSummary("退出 / sign out");
        return app;
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> SignInAsync(
        Credentials credentials, HttpContext http, SignInManager<HuiqiUser> signIn, SignInThrottle throttle, IOptions<IdentityOptions> identity, ILoggerFactory logs)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(identity);
        var (result, wait) = await throttle.SignInAsync(http, signIn, credentials.UserName ?? "", credentials.Password ?? "", logs.CreateLogger("Huiqi.Accounts"), "api");
        if (wait is { } w)
        {
            Edge.SetRetryAfter(http, w);
            return TypedResults.Problem(
                title: "请求过于频繁 / too many requests",
                detail: $"{SignInThrottle.Throttled(w)} / too many failed sign-ins from your address: try again later",
                statusCode: StatusCodes.Status429TooManyRequests);
        }

        if (result!.Succeeded)
        {
            return TypedResults.NoContent();
        }

        // Unknown account, wrong password and locked account answer alike.
        return TypedResults.Problem(
            title: "登录失败 / sign-in failed",
            detail: $"{SignInThrottle.Refused(identity.Value.Lockout.DefaultLockoutTimeSpan)} / wrong user name or password, or the account is locked",
            statusCode: StatusCodes.Status401Unauthorized);
    }

    public static Ok<Me> Who(HttpContext http)
    {
        var user = http.User;
        var scope = http.Actor();
        return TypedResults.Ok(new Me(
            user.Identity?.Name ?? "",
            user.FindFirst(Actor.DisplayNameClaim)?.Value ?? "",
            [.. Roles.All.Where(user.IsInRole)],
            scope.Level.ToString().ToLowerInvariant(),
            scope.District,
            scope.Uscc));
    }

    public static async Task<NoContent> SignOutAsync(HttpContext http, SignInManager<HuiqiUser> signIn)
    {
        await SignOutEverywhereAsync(http, signIn);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Sign-out that ends the session, not only this browser's cookie: the account's security stamp is renewed, so a
    /// copy of the cookie taken before is refused on its next request.
    /// </summary>
    public static async Task SignOutEverywhereAsync(HttpContext http, SignInManager<HuiqiUser> signIn)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(signIn);
        if (await signIn.UserManager.GetUserAsync(http.User) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
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

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Sign-in from {Address} throttled after repeated failures (via {Via})")]
    public static partial void Throttled(ILogger log, string address, string via);
}

using System.Threading.RateLimiting;
using Huiqi.Web.Apis;
using Microsoft.AspNetCore.Identity;

namespace Huiqi.Web.Accounts;

/// <summary>
/// The per-address throttle on failed sign-ins (登录失败限流): after <c>Huiqi:RateLimits:SignInFailures:PermitLimit</c>
/// failures (3) from one address within <c>WindowMinutes</c> (15) that address may not try again until the window
/// ends. It is set below the account lockout (<c>Huiqi:Lockout:MaxFailedAttempts</c>, 5), so one address guessing
/// cannot lock somebody else's account; the lockout still stops guessing spread over many addresses.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures;
    private readonly TimeSpan _window;

    public SignInThrottle(Microsoft.Extensions.Options.IOptions<Huiqi.Web.Extensions.HuiqiOptions> options, Microsoft.Extensions.Options.IOptions<IdentityOptions> identity, ILogger<SignInThrottle> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(identity);
        var limit = options.Value.RateLimits.SignInFailures;
        var permits = limit.PermitLimit;
        _window = TimeSpan.FromMinutes(limit.WindowMinutes ?? 15);
        if (permits >= identity.Value.Lockout.MaxFailedAccessAttempts)
        {
            log.LogWarning("Sign-in failures allowed per address ({Permits}) reach the account lockout ({Lockout}): one address can lock an account", permits, identity.Value.Lockout.MaxFailedAccessAttempts);
        }

        _failures = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = _window,
            QueueLimit = 0,
        }));
    }

    /// <summary>
    /// The one answer to a refused sign-in, whether the account is unknown, the password wrong or the account locked,
    /// so that the answer tells nobody which accounts exist or are locked.
    /// </summary>
    public static string Refused(TimeSpan lockout) =>
        $"账号或密码错误，或账号已锁定（连续输错密码将锁定 {(int)lockout.TotalMinutes} 分钟），请核对后再试，或联系系统管理员。";

    public static string Throttled(TimeSpan wait) =>
        $"此地址登录失败次数过多，请 {Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))} 分钟后再试。";

    /// <summary>
    /// A password sign-in behind the throttle: the result, or how long the address must wait (no password is checked
    /// then, so the account's failure count does not move). A failure counts against the address; an account that is
    /// locked has its security stamp renewed, which ends its open sessions.
    /// </summary>
    public async Task<(Microsoft.AspNetCore.Identity.SignInResult? Result, TimeSpan? Wait)> SignInAsync(HttpContext http, SignInManager<HuiqiUser> signIn, string user, string password, ILogger log, string via)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        if (Wait(http) is { } wait)
        {
            AccountLog.Throttled(log, Edge.ClientAddress(http), via);
            return (null, wait);
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        AccountLog.SignIn(log, user, result, via);
        if (!result.Succeeded)
        {
            Failed(http);
            if (result.IsLockedOut && await signIn.UserManager.FindByNameAsync(user) is { } locked)
            {
                await signIn.UserManager.UpdateSecurityStampAsync(locked);
            }
        }

        return (result, null);
    }

    /// <summary>How long the caller's address must wait before it may try again; null when it may try now.</summary>
    public TimeSpan? Wait(HttpContext http)
    {
        // Asking for no permit tells whether any is left without taking one.
        using var lease = _failures.AttemptAcquire(Edge.ClientAddress(http), 0);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : _window;
    }

    /// <summary>Counts a failed sign-in against the caller's address.</summary>
    public void Failed(HttpContext http) => _failures.AttemptAcquire(Edge.ClientAddress(http), 1).Dispose();

    public void Dispose() => _failures.Dispose();
}

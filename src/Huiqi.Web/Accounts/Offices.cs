using Microsoft.EntityFrameworkCore;

namespace Huiqi.Web.Accounts;

/// <summary>
/// Who did something, as a person reads it (经办): the office of the account (市工信局, 中原区工信部门, 市财政局, an
/// enterprise's name), never the account name the rows store (<c>city-review</c>, <c>system@demo@vm</c>). The accounts
/// are read once per request, on first use.
/// </summary>
public sealed class Offices(IDbContextFactory<WebDbContext> contexts)
{
    /// <summary>The platform itself: the no-application batch and the other work done as <see cref="Huiqi.Store.Actor.System"/>.</summary>
    public const string Platform = "系统（免申即享）";

    private Dictionary<string, string>? _names;

    /// <summary>The office behind an account name; an account that no longer exists as 原账号（已删除）.</summary>
    public string Of(string? account)
    {
        if (string.IsNullOrEmpty(account))
        {
            return "—";
        }

        if (account.StartsWith("system@", StringComparison.Ordinal))
        {
            return Platform;
        }

        if (account is Huiqi.Demo.DemoMonitoring.Actor or Huiqi.Demo.DemoLedger.Actor)
        {
            return "演示数据";
        }

        _names ??= Load();
        return _names.TryGetValue(account, out var name) && name.Length > 0 ? name : "原账号（已删除）";
    }

    private Dictionary<string, string> Load()
    {
        using var db = contexts.CreateDbContext();
        return db.Users.AsNoTracking().Where(u => u.UserName != null)
            .Select(u => new { u.UserName, u.DisplayName }).ToDictionary(u => u.UserName!, u => u.DisplayName, StringComparer.Ordinal);
    }
}

using System.Security.Claims;
using Huiqi.Supervision.Tasks;
using Huiqi.Web.Accounts;

namespace Huiqi.Web.Registry;

/// <summary>
/// What an account may do in the supervision ledger, from its roles and scope (<see cref="Scope"/>): the city sees and
/// runs everything; a district its own enterprises and task lines. Reporting progress: the administrator for any unit,
/// 市工信局 for the city units (it collects the departments' reports), 市财政局 for itself, a district reviewer for
/// its district's lines; finance accounts of districts read only.
/// </summary>
public static class LedgerAccess
{
    /// <summary>The city unit a city finance account reports for.</summary>
    public const string FinanceUnit = "市财政局";

    /// <summary>The ledger reach of a bureau account; null for an enterprise or no scope.</summary>
    public static LedgerScope? ScopeOf(ClaimsPrincipal user)
    {
        var scope = Scope.Of(user);
        return scope.Level switch
        {
            ScopeLevel.City => LedgerScope.City,
            ScopeLevel.District => LedgerScope.Of(scope.District!),
            _ => null,
        };
    }

    public static Reporter ReporterOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = user.Identity?.Name ?? "";
        var scope = Scope.Of(user);
        if (user.IsInRole(Roles.Admin))
        {
            return new Reporter(name, Anything: true);
        }

        if (user.IsInRole(Roles.CityReviewer))
        {
            return new Reporter(name, CityUnits: true);
        }

        if (user.IsInRole(Roles.CityFinance))
        {
            return new Reporter(name, CityUnit: FinanceUnit);
        }

        return user.IsInRole(Roles.DistrictReviewer) && scope.Level == ScopeLevel.District
            ? new Reporter(name, District: scope.District)
            : new Reporter(name);
    }

    /// <summary>Adds to and removes from libraries: the reviewers (district for its own, city) and the administrator.</summary>
    public static bool ManagesLibraries(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) || user.IsInRole(Roles.CityReviewer) || user.IsInRole(Roles.DistrictReviewer);

    /// <summary>Runs a year's selection over the whole registry: the city bureau and the administrator.</summary>
    public static bool RunsSelection(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.CityReviewer);
}

/// <summary>A list's pager (分页): the page shown, how many, and the link to a page with the list's filters kept.</summary>
public sealed record Pager(int Page, int Pages, Func<int, string> Link)
{
    /// <summary>A path with the query values that are set, e.g. <c>/tasks?flag=overdue&amp;p=2</c>.</summary>
    public static string Url(string path, IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var query = string.Join("&", values.Where(kv => !string.IsNullOrEmpty(kv.Value)).Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value!)}"));
        return path + (query.Length > 0 ? "?" + query : "");
    }
}

using System.Security.Claims;
using Huiqi.Store;

namespace Huiqi.Web.Accounts;

/// <summary>How far a user sees: one enterprise, one district, the whole city, or nothing.</summary>
public enum ScopeLevel
{
    None,
    Enterprise,
    District,
    City,
}

/// <summary>
/// The enterprises a signed-in user may see, read from the claims of the account. Every query over enterprises goes
/// through <see cref="Apply"/> on the server, so an enterprise outside the scope is simply not found (404), never shown.
/// </summary>
public sealed record Scope(ScopeLevel Level, string? District, string? Uscc)
{
    public const string DistrictClaim = "huiqi:district";
    public const string UsccClaim = "huiqi:uscc";
    public const string DisplayNameClaim = "huiqi:name";

    public static readonly Scope Nothing = new(ScopeLevel.None, null, null);

    public static Scope Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true)
        {
            return Nothing;
        }

        if (Roles.All.Where(Roles.IsCity).Any(user.IsInRole))
        {
            return new Scope(ScopeLevel.City, null, null);
        }

        if (user.IsInRole(Roles.DistrictReviewer) || user.IsInRole(Roles.DistrictFinance))
        {
            var district = user.FindFirstValue(DistrictClaim);
            return string.IsNullOrEmpty(district) ? Nothing : new Scope(ScopeLevel.District, district, null);
        }

        if (user.IsInRole(Roles.Enterprise))
        {
            var uscc = user.FindFirstValue(UsccClaim);
            return string.IsNullOrEmpty(uscc) ? Nothing : new Scope(ScopeLevel.Enterprise, null, uscc);
        }

        return Nothing;
    }

    /// <summary>Keeps only the enterprises in scope.</summary>
    public IQueryable<EnterpriseRow> Apply(IQueryable<EnterpriseRow> enterprises) => Level switch
    {
        ScopeLevel.City => enterprises,
        ScopeLevel.District => enterprises.Where(e => e.District == District),
        ScopeLevel.Enterprise => enterprises.Where(e => e.Uscc == Uscc),
        _ => enterprises.Where(e => false),
    };

    /// <summary>Whether an enterprise of this district and USCC is in scope.</summary>
    public bool Allows(string district, string uscc) => Level switch
    {
        ScopeLevel.City => true,
        ScopeLevel.District => district == District,
        ScopeLevel.Enterprise => uscc == Uscc,
        _ => false,
    };

    /// <summary>Whether the user sees lists of enterprises (district and city bureaus).</summary>
    public bool SeesLists => Level is ScopeLevel.District or ScopeLevel.City;

    /// <summary>What the scope covers, on screen.</summary>
    public string Describe() => Level switch
    {
        ScopeLevel.City => "全市",
        ScopeLevel.District => District!,
        ScopeLevel.Enterprise => "本企业",
        _ => "无",
    };
}

using System.Security.Claims;

namespace Huiqi.Store;

/// <summary>
/// The roles of the platform (办理角色; glossary.md, "Who uses it"). A role says what a user may do; the district or
/// USCC of the <see cref="Actor"/> says over which enterprises. The names are stored in the decision log (its
/// <c>Role</c> column, covered by the hash), so they never change.
/// </summary>
public enum Role
{
    /// <summary>企业: sees only itself.</summary>
    Enterprise,

    /// <summary>区县工信部门（初审）: its district's enterprises.</summary>
    DistrictReviewer,

    /// <summary>区县财政部门: its district's enterprises and what they are paid.</summary>
    DistrictFinance,

    /// <summary>市工信局（复审）: the whole city.</summary>
    CityReviewer,

    /// <summary>市财政局: the whole city.</summary>
    CityFinance,

    /// <summary>系统管理员: the whole city and the accounts.</summary>
    Admin,

    /// <summary>平台: the batch and other work of the platform itself, and the command line.</summary>
    System,
}

/// <summary>How far an actor sees: one enterprise, one district, the whole city, or nothing.</summary>
public enum ScopeLevel
{
    None,
    Enterprise,
    District,
    City,
}

/// <summary>
/// The role names as the accounts store them (the claim values of ASP.NET Core Identity roles), and their names on
/// screen.
/// </summary>
public static class Roles
{
    public const string Enterprise = "enterprise";
    public const string DistrictReviewer = "district-reviewer";
    public const string DistrictFinance = "district-finance";
    public const string CityReviewer = "city-reviewer";
    public const string CityFinance = "city-finance";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Enterprise, DistrictReviewer, DistrictFinance, CityReviewer, CityFinance, Admin];

    /// <summary>The role's name on screen.</summary>
    public static string Chinese(string role) => role switch
    {
        Enterprise => "企业",
        DistrictReviewer => "区县工信部门（初审）",
        DistrictFinance => "区县财政部门",
        CityReviewer => "市工信局（复审）",
        CityFinance => "市财政局",
        Admin => "系统管理员",
        _ => role,
    };

    /// <summary>Roles whose scope is one district: the account must name it.</summary>
    public static bool IsDistrict(string role) => role is DistrictReviewer or DistrictFinance;

    /// <summary>Roles whose scope is the whole city.</summary>
    public static bool IsCity(string role) => role is CityReviewer or CityFinance or Admin;
}

/// <summary>
/// Who acts (操作人), said once: the account, the role it acts in, the district or enterprise it is bound to, and the
/// client's address for the decision log. The web maps the signed-in user's claims onto one actor per request
/// (<see cref="Of"/>); the command line and the batch act as <see cref="System"/>. Each domain answers what an actor
/// sees (its <c>Visible</c> query filter, applied in the database, so an enterprise outside the scope is simply not
/// found) and what it may do.
/// </summary>
/// <param name="User">The account name.</param>
/// <param name="Role">The role acted in.</param>
/// <param name="District">The district of a district role; null otherwise.</param>
/// <param name="Uscc">The enterprise of an enterprise account; null otherwise.</param>
/// <param name="Address">The client's IP address (<c>system</c> for the platform itself).</param>
public sealed record Actor(string User, Role Role, string? District, string? Uscc, string Address)
{
    public const string DistrictClaim = "huiqi:district";
    public const string UsccClaim = "huiqi:uscc";
    public const string DisplayNameClaim = "huiqi:name";

    /// <summary>One who has not signed in: sees nothing.</summary>
    public static Actor Anonymous { get; } = new("anonymous", Role.Enterprise, null, null, "unknown");

    /// <summary>The batch, the command line and other work of the platform itself: the whole city.</summary>
    public static Actor System(string node) => new($"system@{node}", Role.System, null, null, "system");

    /// <summary>A district reviewer (区县工信部门) of <paramref name="district"/>.</summary>
    public static Actor DistrictReviewerOf(string district, string user)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(district);
        return new Actor(user, Role.DistrictReviewer, district, null, "system");
    }

    /// <summary>
    /// The signed-in user as an actor. An account holds one role; were it to hold several, the one that sees most is
    /// taken. A district role without a district, an enterprise without a USCC, an account with no role and one not
    /// signed in all act as an enterprise bound to none, which sees nothing.
    /// </summary>
    public static Actor Of(ClaimsPrincipal user, string address)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = user.Identity?.Name ?? "anonymous";
        if (user.Identity?.IsAuthenticated != true)
        {
            return Anonymous with { User = name, Address = address };
        }

        if (user.IsInRole(Roles.Admin))
        {
            return new Actor(name, Role.Admin, null, null, address);
        }

        if (user.IsInRole(Roles.CityReviewer))
        {
            return new Actor(name, Role.CityReviewer, null, null, address);
        }

        if (user.IsInRole(Roles.CityFinance))
        {
            return new Actor(name, Role.CityFinance, null, null, address);
        }

        var district = user.FindFirst(DistrictClaim)?.Value;
        if (!string.IsNullOrEmpty(district) && (user.IsInRole(Roles.DistrictReviewer) || user.IsInRole(Roles.DistrictFinance)))
        {
            return new Actor(name, user.IsInRole(Roles.DistrictReviewer) ? Role.DistrictReviewer : Role.DistrictFinance, district, null, address);
        }

        var uscc = user.IsInRole(Roles.Enterprise) && !user.IsInRole(Roles.DistrictReviewer) && !user.IsInRole(Roles.DistrictFinance) ? user.FindFirst(UsccClaim)?.Value : null;
        return new Actor(name, Role.Enterprise, null, string.IsNullOrEmpty(uscc) ? null : uscc, address);
    }

    /// <summary>How far the actor sees.</summary>
    public ScopeLevel Level => Role switch
    {
        Role.CityReviewer or Role.CityFinance or Role.Admin or Role.System => ScopeLevel.City,
        Role.DistrictReviewer or Role.DistrictFinance => District is null ? ScopeLevel.None : ScopeLevel.District,
        _ => Uscc is null ? ScopeLevel.None : ScopeLevel.Enterprise,
    };

    /// <summary>The whole city.</summary>
    public bool IsCity => Level == ScopeLevel.City;

    /// <summary>The district the actor is bound to, or null for the city (and for enterprises and no one).</summary>
    public string? DistrictOnly => Level == ScopeLevel.District ? District : null;

    /// <summary>Whether the actor sees lists of enterprises (district and city bureaus).</summary>
    public bool SeesLists => Level is ScopeLevel.District or ScopeLevel.City;

    /// <summary>The enterprises the actor may see, applied in the database.</summary>
    public IQueryable<EnterpriseRow> Visible(IQueryable<EnterpriseRow> enterprises)
    {
        ArgumentNullException.ThrowIfNull(enterprises);
        var (district, uscc) = (District, Uscc);
        return Level switch
        {
            ScopeLevel.City => enterprises,
            ScopeLevel.District => enterprises.Where(e => e.District == district),
            ScopeLevel.Enterprise => enterprises.Where(e => e.Uscc == uscc),
            _ => enterprises.Where(e => false),
        };
    }

    /// <summary>Whether an enterprise of this district and USCC is in scope.</summary>
    public bool Allows(string district, string uscc) => Level switch
    {
        ScopeLevel.City => true,
        ScopeLevel.District => district == District,
        ScopeLevel.Enterprise => uscc == Uscc,
        _ => false,
    };

    /// <summary>
    /// Whether a bureau reaches what belongs to this district: the city everything, a district its own (a city unit,
    /// district null, only the city).
    /// </summary>
    public bool Reaches(string? district) => Level switch
    {
        ScopeLevel.City => true,
        ScopeLevel.District => district == District,
        _ => false,
    };

    /// <summary>What the scope covers, on screen.</summary>
    public string Describe() => Level switch
    {
        ScopeLevel.City => "全市",
        ScopeLevel.District => District!,
        ScopeLevel.Enterprise => "本企业",
        _ => "无",
    };

    /// <summary>Whether the actor acts in one of these roles.</summary>
    public bool Is(params Role[] roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return roles.Contains(Role);
    }
}

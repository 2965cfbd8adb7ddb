namespace Huiqi.Web.Accounts;

/// <summary>
/// The roles of the platform (glossary.md, "Who uses it"). A role says what a user may do; the district or USCC on the
/// account says over which enterprises (<see cref="Scope"/>).
/// </summary>
public static class Roles
{
    /// <summary>企业: sees only itself.</summary>
    public const string Enterprise = "enterprise";

    /// <summary>区县工信部门（初审）: its district's enterprises.</summary>
    public const string DistrictReviewer = "district-reviewer";

    /// <summary>区县财政部门: its district's enterprises and what they are paid.</summary>
    public const string DistrictFinance = "district-finance";

    /// <summary>市工信局（复审）: the whole city.</summary>
    public const string CityReviewer = "city-reviewer";

    /// <summary>市财政局: the whole city.</summary>
    public const string CityFinance = "city-finance";

    /// <summary>系统管理员: the whole city and the accounts.</summary>
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

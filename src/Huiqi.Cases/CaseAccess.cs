using Huiqi.Store;

namespace Huiqi.Cases;

/// <summary>
/// Which cases an <see cref="Actor"/> sees (办理范围): an enterprise its own, a district office its district's, the
/// city and the platform every one. A case outside it is not found (404), exactly like one that does not exist.
/// </summary>
public static class CaseAccess
{
    /// <summary>The cases the actor sees, applied in the database (the same rule as <see cref="Sees"/>).</summary>
    public static IQueryable<CaseRow> Visible(this IQueryable<CaseRow> cases, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (uscc, district) = (actor.Uscc, actor.District);
        return actor.Role switch
        {
            Role.Enterprise => cases.Where(c => c.Uscc == uscc),
            Role.DistrictReviewer or Role.DistrictFinance => cases.Where(c => c.District == district),
            _ => cases,
        };
    }

    /// <summary>Whether the actor may see the case at all.</summary>
    public static bool Sees(this Actor actor, CaseRow c)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(c);
        return actor.Role switch
        {
            Role.Enterprise => c.Uscc == actor.Uscc,
            Role.DistrictReviewer or Role.DistrictFinance => c.District == actor.District,
            _ => true,
        };
    }

    /// <summary>
    /// The shares (<see cref="Payer"/>) a role pays: the city's finance the city's, a district's finance its district's.
    /// The administrator pays none (不相容岗位分离: administrators keep accounts and the system, not the money).
    /// </summary>
    public static IReadOnlyList<string> PayersOf(Role role) => role switch
    {
        Role.CityFinance => [Payer.City],
        Role.DistrictFinance => [Payer.District],
        _ => [],
    };
}

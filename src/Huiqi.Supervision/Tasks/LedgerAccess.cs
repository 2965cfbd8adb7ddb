using Huiqi.Store;
using Huiqi.Supervision.Libraries;

namespace Huiqi.Supervision.Tasks;

/// <summary>
/// What an <see cref="Actor"/> may see and do in the supervision ledger (督办台账): the city sees and runs everything, a
/// district its own enterprises and task lines, an enterprise nothing (<see cref="Actor.SeesLists"/>). Every ledger query applies
/// <c>Visible</c> in the database, so another district's rows are never loaded. Reporting progress (填报权限): the
/// administrator for any unit, 市工信局 for the city units (it collects the departments' reports), 市财政局 for
/// itself, a district reviewer for its district's lines; finance accounts of districts read only.
/// </summary>
public static class LedgerAccess
{
    /// <summary>The city unit a city finance account reports for.</summary>
    public const string FinanceUnit = "市财政局";

    /// <summary>The task lines the actor sees: the city every one, a district its own.</summary>
    public static IQueryable<LedgerAssignmentRow> Visible(this IQueryable<LedgerAssignmentRow> rows, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var district = actor.District;
        return actor.Level switch
        {
            ScopeLevel.City => rows,
            ScopeLevel.District => rows.Where(a => a.District == district),
            _ => rows.Where(a => false),
        };
    }

    /// <summary>The library memberships the actor sees: the city every one, a district its own.</summary>
    public static IQueryable<LibraryMembershipRow> Visible(this IQueryable<LibraryMembershipRow> rows, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var district = actor.District;
        return actor.Level switch
        {
            ScopeLevel.City => rows,
            ScopeLevel.District => rows.Where(m => m.District == district),
            _ => rows.Where(m => false),
        };
    }

    /// <summary>Whether the actor may report progress for this unit's line (a city unit has no district).</summary>
    public static bool CanReport(this Actor actor, string? district, string unit)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Role switch
        {
            Role.Admin => true,
            Role.CityReviewer => district is null,
            Role.CityFinance => district is null && unit == FinanceUnit,
            Role.DistrictReviewer => district is not null && district == actor.District,
            _ => false,
        };
    }

    /// <summary>Whether the actor may report progress for any unit at all.</summary>
    public static bool ReportsAny(this Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Role is Role.Admin or Role.CityReviewer or Role.CityFinance || (actor.Role == Role.DistrictReviewer && actor.District is not null);
    }

    /// <summary>Adds to and removes from libraries: the reviewers (district for its own, city) and the administrator.</summary>
    public static bool ManagesLibraries(this Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Role is Role.Admin or Role.CityReviewer or Role.DistrictReviewer;
    }

    /// <summary>Runs a year's selection over the whole registry: the city bureau and the administrator.</summary>
    public static bool RunsSelection(this Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Role is Role.Admin or Role.CityReviewer;
    }

    /// <summary>The lines the actor may report for, applied in the database (the same rule as <see cref="CanReport"/>).</summary>
    internal static IQueryable<LedgerAssignmentRow> Reportable(this IQueryable<LedgerAssignmentRow> rows, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Role == Role.Admin)
        {
            return rows;
        }

        var city = actor.Role == Role.CityReviewer;
        var unit = actor.Role == Role.CityFinance ? FinanceUnit : null;
        var district = actor.Role == Role.DistrictReviewer ? actor.District : null;
        return rows.Where(a => (a.District == null && (city || a.Unit == unit)) || (district != null && a.District == district));
    }
}

/// <summary>A refusal of the ledger the user can act on, in Chinese (shown on the page, a 400 in the API).</summary>
public sealed class LedgerException(string message) : Exception(message);

using Huiqi.Store;

namespace Huiqi.Supervision.Monitoring;

/// <summary>What an <see cref="Actor"/> may do with the monthly reports and watchlists (监测填报).</summary>
public static class MonitoringAccess
{
    /// <summary>
    /// Files monthly reports and watchlist figures: the district reviewers (their district), the city reviewer and the
    /// administrator; finance accounts read only.
    /// </summary>
    public static bool ReportsFigures(this Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Role is Role.DistrictReviewer or Role.CityReviewer or Role.Admin;
    }
}

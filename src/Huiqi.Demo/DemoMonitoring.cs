using Huiqi.Engine.Catalog;
using Huiqi.Engine.Model;
using Huiqi.Store;
using Huiqi.Supervision.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Demo;

/// <summary>
/// The demo city's monitoring (演示月报与重点企业): every indicator the targets ask the districts and the city to
/// report, month by month through each target's year, and a watchlist of each district's first enterprises with their
/// monthly revenue. Deterministic and quick: the figures come from the target and a fixed pattern of the district's
/// place in Annex 1, so on every fresh start the same districts are ahead, on track and behind, and the same
/// enterprises fall by more than the threshold. A month is reported on the 10th of the next (Beijing time), so only the
/// months reported by the clock's today are there, up to the month <see cref="DemoCity.DataAsOf"/> ends.
/// </summary>
public static class DemoMonitoring
{
    public const string Actor = "demo";

    /// <summary>Where each scope's year ends, relative to its target: most districts meet or pass it, some fall short.</summary>
    private static readonly decimal[] Outcomes = [1.08m, 0.93m, 1.02m, 1.15m, 0.80m, 1.00m, 1.05m, 0.97m];

    /// <summary>The backbone enterprises each district's demo list holds (the documents ask for 20–30; a small demo city may have fewer).</summary>
    public const int PerDistrict = 20;

    /// <summary>The city's list of leading enterprises in the demo.</summary>
    public const int CityLeaders = 10;

    /// <summary>Fills empty monitoring tables; answers how many reports were written (0 when some existed).</summary>
    public static async Task<int> SeedIfEmptyAsync(PolicyCatalog catalog, HuiqiDatabase registry, MonitoringDatabase monitoring, TimeProvider clock, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(monitoring);
        ArgumentNullException.ThrowIfNull(clock);
        await using var db = monitoring.CreateDbContext(Actor);
        if (await db.Reports.AnyAsync(cancel))
        {
            return 0;
        }

        var last = LastReported(clock.Today());
        var reports = Reports(catalog).Where(r => (r.Year, r.Month).CompareTo(last) <= 0).Select(r => { r.ReportedAt = ReportedAt(r.Year, r.Month); return r; }).ToList();
        db.Reports.AddRange(reports);
        await Watchlist(registry, db, last, cancel);
        await db.SaveChangesAsync(cancel);
        return reports.Count;
    }

    /// <summary>The latest month reported by <paramref name="today"/> (on the 10th of the next), no later than the demo data's month.</summary>
    public static (int Year, int Month) LastReported(DateOnly today)
    {
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(today.Day >= ReportDay ? -1 : -2);
        var dataEnds = new DateOnly(DemoCity.DataAsOf.Year, DemoCity.DataAsOf.Month, 1);
        var last = month < dataEnds ? month : dataEnds;
        return (last.Year, last.Month);
    }

    /// <summary>The day of the next month a month's figures are reported on.</summary>
    private const int ReportDay = 10;

    /// <summary>09:00 Beijing time on the 10th of the month after.</summary>
    private static DateTime ReportedAt(int year, int month) =>
        new DateTimeOffset(new DateOnly(year, month, 1).AddMonths(1).AddDays(ReportDay - 1), new TimeOnly(9, 0), BeijingTime.Offset).UtcDateTime;

    /// <summary>The monthly reports of every reported target, January to December of its year.</summary>
    public static IEnumerable<IndicatorReportRow> Reports(PolicyCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var seen = new HashSet<(string, string, int)>();
        foreach (var t in catalog.Targets.Where(t => t.Actual is ReportedActual))
        {
            if (!seen.Add((t.Scope, t.Indicator, t.Year)))
            {
                continue;
            }

            var place = t.Scope == "city" ? 0 : Math.Max(0, Annex1Place(catalog, t.Scope));
            var outcome = Outcomes[(place + t.Indicator.Length) % Outcomes.Length];
            var final = decimal.Round(t.Value * outcome, 2);
            for (var month = 1; month <= 12; month++)
            {
                // Rates are the cumulative figure of the year: they move around the year's outcome; amounts build up.
                var value = t.Unit == "%"
                    ? final + (month == 12 ? 0m : ((month % 3) - 1) * 0.3m)
                    : decimal.Round(final * month / 12m, 2);
                yield return new IndicatorReportRow { District = t.Scope, Indicator = t.Indicator, Year = t.Year, Month = month, Value = value, Unit = t.Unit, ReportedBy = Actor };
            }
        }
    }

    private static int Annex1Place(PolicyCatalog catalog, string district) =>
        catalog.Targets.Where(t => t.Source == "zzb2020-19/附件1").Select(t => t.Scope).Distinct().ToList().IndexOf(district);

    /// <summary>
    /// Each district's first <see cref="PerDistrict"/> enterprises (by registry order) on its list and the city's first
    /// <see cref="CityLeaders"/>, with monthly revenue for the thirteen months up to the last reported one: steady growth,
    /// except every seventh enterprise whose last month falls by a quarter (a warning over the 20% default).
    /// </summary>
    private static async Task Watchlist(HuiqiDatabase registry, MonitoringDbContext db, (int Year, int Month) last, CancellationToken cancel)
    {
        await using var store = registry.CreateDbContext();
        var enterprises = await store.Enterprises.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Uscc, e.Name, e.District }).ToListAsync(cancel);
        var picked = enterprises.GroupBy(e => e.District).SelectMany(g => g.Take(PerDistrict)).ToList();
        var first = new DateOnly(last.Year, last.Month, 1).AddMonths(-12);
        foreach (var e in picked)
        {
            db.Watchlist.Add(new WatchEntryRow { Level = e.District, Uscc = e.Uscc, Name = e.Name, District = e.District, Reason = "区级骨干企业（演示）", AddedBy = Actor, AddedAt = ReportedAt(first.Year, first.Month) });
        }

        foreach (var e in enterprises.Take(CityLeaders))
        {
            db.Watchlist.Add(new WatchEntryRow { Level = WatchEntryRow.CityLevel, Uscc = e.Uscc, Name = e.Name, District = e.District, Reason = "市级龙头企业（演示）", AddedBy = Actor, AddedAt = ReportedAt(first.Year, first.Month) });
        }

        for (var i = 0; i < picked.Count; i++)
        {
            var e = picked[i];
            var baseRevenue = 800m + (i % 11 * 150m);
            for (var k = 0; k <= 12; k++)
            {
                var (year, month) = (first.AddMonths(k).Year, first.AddMonths(k).Month);
                var value = decimal.Round(baseRevenue * (1m + (k * 0.01m)), 2);
                if (k == 12 && i % 7 == 3)
                {
                    value = decimal.Round(value * 0.75m, 2);
                }

                db.EnterpriseIndicators.Add(new EnterpriseIndicatorRow { Uscc = e.Uscc, District = e.District, Indicator = "营业收入", Year = year, Month = month, Value = value, ReportedBy = Actor, ReportedAt = ReportedAt(year, month) });
            }
        }
    }
}

using Huiqi.Engine.Catalog;
using Huiqi.Store;
using Huiqi.Supervision.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Demo;

/// <summary>
/// The demo city's monitoring (演示月报与重点企业): every indicator the targets ask the districts and the city to
/// report, month by month through each target's year, and a watchlist of each district's first enterprises with their
/// monthly revenue. Deterministic and quick: the figures come from the target and a fixed pattern of the district's
/// place in Annex 1, so on every fresh start the same districts are ahead, on track and behind, and the same
/// enterprises fall by more than the threshold.
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
    public static async Task<int> SeedIfEmptyAsync(PolicyCatalog catalog, HuiqiDatabase registry, MonitoringDatabase monitoring, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(monitoring);
        await using var db = monitoring.CreateDbContext(Actor);
        if (await db.Reports.AnyAsync(cancel))
        {
            return 0;
        }

        var at = new DateTime(2025, 1, 15, 0, 0, 0, DateTimeKind.Utc);
        var reports = Reports(catalog).Select(r => { r.ReportedAt = at; return r; }).ToList();
        db.Reports.AddRange(reports);
        await Watchlist(registry, db, at, cancel);
        await db.SaveChangesAsync(cancel);
        return reports.Count;
    }

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
    /// <see cref="CityLeaders"/>, with monthly revenue for December 2023 to December 2024: steady growth, except every
    /// seventh enterprise whose December falls by a quarter (a warning over the 20% default).
    /// </summary>
    private static async Task Watchlist(HuiqiDatabase registry, MonitoringDbContext db, DateTime at, CancellationToken cancel)
    {
        await using var store = registry.CreateDbContext();
        var enterprises = await store.Enterprises.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Uscc, e.Name, e.District }).ToListAsync(cancel);
        var picked = enterprises.GroupBy(e => e.District).SelectMany(g => g.Take(PerDistrict)).ToList();
        foreach (var e in picked)
        {
            db.Watchlist.Add(new WatchEntryRow { Level = e.District, Uscc = e.Uscc, Name = e.Name, District = e.District, Reason = "区级骨干企业（演示）", AddedBy = Actor, AddedAt = at });
        }

        foreach (var e in enterprises.Take(CityLeaders))
        {
            db.Watchlist.Add(new WatchEntryRow { Level = WatchEntryRow.CityLevel, Uscc = e.Uscc, Name = e.Name, District = e.District, Reason = "市级龙头企业（演示）", AddedBy = Actor, AddedAt = at });
        }

        for (var i = 0; i < picked.Count; i++)
        {
            var e = picked[i];
            var baseRevenue = 800m + (i % 11 * 150m);
            for (var k = 0; k <= 12; k++)
            {
                var (year, month) = k == 0 ? (2023, 12) : (2024, k);
                var value = decimal.Round(baseRevenue * (1m + (k * 0.01m)), 2);
                if (k == 12 && i % 7 == 3)
                {
                    value = decimal.Round(value * 0.75m, 2);
                }

                db.EnterpriseIndicators.Add(new EnterpriseIndicatorRow { Uscc = e.Uscc, District = e.District, Indicator = "营业收入", Year = year, Month = month, Value = value, ReportedBy = Actor, ReportedAt = at });
            }
        }
    }
}

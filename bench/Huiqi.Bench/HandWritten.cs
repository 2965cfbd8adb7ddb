using System.Globalization;
using System.Runtime.CompilerServices;
using Huiqi.Engine.Model;

namespace Huiqi.Bench;

/// <summary>What one implementation found for one enterprise and award year: amount and city share per subset clause.</summary>
public struct SubsetAmounts
{
    public Five Amount;
    public Five City;

    public void Add(int clause, decimal amount, decimal city)
    {
        Amount[clause] += amount;
        City[clause] += city;
    }

    public readonly decimal Total => Amount[0] + Amount[1] + Amount[2] + Amount[3] + Amount[4];

    public readonly bool SameAs(in SubsetAmounts other)
    {
        for (var i = 0; i < 5; i++)
        {
            if (Amount[i] != other.Amount[i] || City[i] != other.City[i])
            {
                return false;
            }
        }

        return true;
    }

    public readonly string Describe()
    {
        var parts = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            if (Amount[i] != 0 || City[i] != 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{Catalogues.Subset[i]}={Amount[i]} (city {City[i]})"));
            }
        }

        return parts.Count == 0 ? "nothing" : string.Join(", ", parts);
    }
}

[InlineArray(5)]
public struct Five
{
    private decimal _first;
}

/// <summary>
/// The five clauses as plain C#, written for speed over the same in-memory <see cref="Dossier"/>: no catalogue, no
/// sentences, amounts and the city's share only. The practical limit the engine is measured against. Windows, the
/// 1:1 split of zzw2022-155 and every boundary follow interpretation.md exactly as the catalogue reads it.
/// </summary>
public static class HandWritten
{
    private static readonly DateOnly ZzFrom = new(2023, 11, 27);
    private static readonly DateOnly ZzTo = new(2026, 11, 26);
    private static readonly DateOnly ZzwFrom = new(2022, 12, 24);
    private static readonly DateOnly ZzwTo = new(2023, 12, 31);

    public static void Evaluate(Dossier d, int year, ref SubsetAmounts result)
    {
        result = default;
        var figures = d.Figures;
        var yearEnd = new DateOnly(year, 12, 31);
        var zzYearEnd = yearEnd >= ZzFrom && yearEnd <= ZzTo;
        var industrial = d.Has("industrial");
        var main = figures.Get("mainRevenue", Period.OfYear(year));

        // zz2023-23/5: 首次超过50亿、100亿 (strict), then each 50亿 step reached (≥); ≤ 1000万 a year.
        if (zzYearEnd && industrial && main is { } v && v > 5_000_000_000m)
        {
            var sum = 0m;
            if (!CrossedBefore(d, year, 5_000_000_000m, strict: true))
            {
                sum += 2_000_000m;
            }

            if (v > 10_000_000_000m && !CrossedBefore(d, year, 10_000_000_000m, strict: true))
            {
                sum += 4_000_000m;
            }

            for (var bar = 15_000_000_000m; bar <= v; bar += 5_000_000_000m)
            {
                if (!CrossedBefore(d, year, bar, strict: false))
                {
                    sum += 2_000_000m;
                }
            }

            if (sum > 0)
            {
                var pay = Math.Min(sum, 10_000_000m);
                result.Add(0, pay, pay);
            }
        }

        // zz2023-23/7: in-library, named sectors, mainRevenue 5000万–5亿; 10万 per 5 points of growth; ≤ 300万.
        if (zzYearEnd && main is { } m7 && d.Has("in-library") && m7 >= 50_000_000m && m7 <= 500_000_000m && InSectors(d)
            && figures.Get("mainRevenue", Period.OfYear(year - 1)) is { } b7 && b7 != 0)
        {
            var g = (m7 - b7) / b7;
            if (g > 0)
            {
                var pay = Math.Min(decimal.Floor(g / 0.05m) * 100_000m, 3_000_000m);
                if (pay > 0)
                {
                    result.Add(1, pay, pay);
                }
            }
        }

        // zz2023-23/9: tech-reform, total ≥ 1000万, completed in the year and the window; 15 % (SEI) or 10 % of equipment, ≤ 1000万 each.
        var projects = d.Projects;
        for (var i = 0; i < projects.Count; i++)
        {
            var p = projects[i];
            if (p.Kind != "tech-reform" || p.CompletedOn is not { } done || done.Year != year || done < ZzFrom || done > ZzTo || p.Major
                || p.TotalInvestment is not { } total || total < 10_000_000m || p.EquipmentInvestment is not { } equipment)
            {
                continue;
            }

            var pay = Math.Min(decimal.Floor(equipment * (p.Sei ? 0.15m : 0.10m)), 10_000_000m);
            if (pay > 0)
            {
                result.Add(2, pay, pay);
            }
        }

        // zz2023-23/20: exhibitions over 20万 a year, 70 % of all, ≤ 100万; central-media ads of an industrial enterprise, 5 %, ≤ 200万.
        if (zzYearEnd)
        {
            decimal exhibition = 0, ads = 0;
            var spending = d.Spending;
            for (var i = 0; i < spending.Count; i++)
            {
                var s = spending[i];
                if (s.Year != year)
                {
                    continue;
                }

                if (s.Kind == "exhibition")
                {
                    exhibition += s.Amount;
                }
                else if (s.Kind == "central-media-ads")
                {
                    ads += s.Amount;
                }
            }

            if (exhibition > 200_000m)
            {
                var pay = Math.Min(decimal.Floor(exhibition * 0.7m), 1_000_000m);
                if (pay > 0)
                {
                    result.Add(3, pay, pay);
                }
            }

            if (ads > 0 && industrial)
            {
                var pay = Math.Min(decimal.Floor(ads * 0.05m), 2_000_000m);
                if (pay > 0)
                {
                    result.Add(3, pay, pay);
                }
            }
        }

        // zzw2022-155/2: above-scale manufacturing, 2023Q1 operatingRevenue growth ≥ 10 %: 2万 per 1000万 of increase, ≤ 100万, city:district 1:1.
        var q1End = new DateOnly(2023, 3, 31);
        if (year == 2023 && q1End >= ZzwFrom && q1End <= ZzwTo && d.Has("above-scale") && d.Has("manufacturing")
            && figures.Get("operatingRevenue", Period.OfQuarter(2023, 1)) is { } c && figures.Get("operatingRevenue", Period.OfQuarter(2022, 1)) is { } b && b != 0)
        {
            var increase = c - b;
            if (increase / b >= 0.10m && increase > 0)
            {
                var amount = decimal.Floor(increase / 10_000_000m) * 20_000m;
                if (amount > 0)
                {
                    var pay = Math.Min(amount, 1_000_000m);
                    result.Add(4, pay, decimal.Floor(pay / 2));
                }
            }
        }
    }

    private static bool InSectors(Dossier d)
    {
        var sectors = d.Sectors;
        var manufacturing = d.Has("manufacturing");
        var any = false;
        var aluminum = false;
        for (var i = 0; i < sectors.Count; i++)
        {
            switch (sectors[i])
            {
                case "sensor" or "integrated-circuit" or "new-display" or "advanced-computing" or "5g" or "beidou":
                    any |= manufacturing;
                    break;
                case "energy-saving-environmental":
                    any = true;
                    break;
                case "aluminum-based":
                    aluminum = true;
                    break;
            }
        }

        if (any)
        {
            return true;
        }

        for (var i = 0; i < sectors.Count; i++)
        {
            if (sectors[i] == "new-materials")
            {
                return !aluminum;
            }
        }

        return false;
    }

    /// <summary>"首次": an earlier year's mainRevenue crossed the level, or the ledger paid it (interpretation.md rule 5).</summary>
    private static bool CrossedBefore(Dossier d, int year, decimal bar, bool strict)
    {
        foreach (var (period, value) in d.Figures.Series("mainRevenue"))
        {
            if (period.Kind == PeriodKind.Year && period.Year < year && (strict ? value > bar : value >= bar))
            {
                return true;
            }
        }

        if (d.Grants.Count > 0)
        {
            var item = bar.ToString(CultureInfo.InvariantCulture);
            foreach (var g in d.Grants)
            {
                if (g.Clause == "zz2023-23/5" && (g.Item == item || (g.Item is null && g.Date.Year < year
                    && d.Figures.Get("mainRevenue", Period.OfYear(g.Date.Year)) is { } then && (strict ? then > bar : then >= bar))))
                {
                    return true;
                }
            }
        }

        return false;
    }
}

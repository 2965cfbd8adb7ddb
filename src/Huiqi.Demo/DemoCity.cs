using Huiqi.Engine.Input;
using Huiqi.Engine.Model;
using Huiqi.Store;

namespace Huiqi.Demo;

/// <summary>
/// A synthetic Zhengzhou (演示数据): N enterprises spread over the 16 districts in proportion to their industrial weight,
/// with valid USCCs, heavy-tailed revenues, growth, honors, projects, spending and procurement at plausible rates,
/// full-year figures for 2021–2025 and the 2026 quarters reported by <see cref="DataAsOf"/>. On top of that background,
/// a few enterprises per clause are shaped so that every monetary clause of interpretation.md fires, spread over award
/// years 2022–2026 (zz2023-23 inside its window 2023-11-27..2026-11-26, zzw2022-155 in 2022–2023, zzb2022-zjtx from
/// 2022-04-12), and the Sangao rules select some Shangjie enterprises.
/// Deterministic: the same N and seed give the same city, and enterprise i does not depend on N beyond its district.
/// </summary>
/// <remarks>
/// The shape follows public figures, scaled so that a city of 3,000 stands for Zhengzhou's above-scale industry at
/// about one to one:
/// <list type="bullet">
/// <item>规上工业企业: 2,593 at the end of June 2022 (中原网, 2022-08-12, from the city's industry bureau: "全市新增规上
/// 工业企业78家，累计达2593家"). Counts per district were not found; the district weights below are an estimate from
/// zzb2020-19 Annex 1, not a cited figure.</item>
/// <item>The heavy tail: in 2011 the city's above-scale industry averaged 3.2亿 of main revenue per enterprise, 1,598
/// enterprises had more than 1亿, 99 more than 10亿 and 12 more than 100亿 (新华网, 2012-10-18, from 郑州市统计局). No
/// newer breakdown was found; the background draws log-normal revenues (median 6000万 in 2021, σ = 1.7) that give about
/// those proportions among above-scale industry — some half above 1亿, 5–10 % above 10亿 and a handful above 100亿
/// in 3,000 — and the planted enterprises add the 500强 and the ones crossing 50亿 and 100亿 (about twenty above
/// 100亿 in 2025 in all).</item>
/// <item>专精特新 and 小巨人: 33 Zhengzhou enterprises in the second national 小巨人 batch (郑州晚报, 2021-02-03), 49 new
/// 小巨人 and 302 new provincial 专精特新 in the first half of 2022 (中原网, 2022-08-12); the high-tech zone alone held 41
/// 小巨人 and 176 provincial titles in 2022 (郑州日报), the economic-technological zone 19 and 103 in 2025, second in the
/// city (郑州日报, 2025-05-23); the city's aim for 2025 was more than 200 小巨人 and 1,000 provincial 专精特新
/// (郑政〔2023〕9号, as the industry bureau's reply to a CPPCC proposal quotes it). The background therefore grants a
/// provincial title to about a fifth of the industrial enterprises and a 小巨人 title to about 5 % over 2021–2026.</item>
/// </list>
/// No event is dated after <see cref="DataAsOf"/>; quarters and halves of a year add up within its total.
/// </remarks>
public static class DemoCity
{
    public const int DefaultSeed = 20240101;

    /// <summary>The day the demo's data was drawn: no honor, project, payment or figure is dated after it.</summary>
    public static readonly DateOnly DataAsOf = new(2026, 11, 30);

    /// <summary>
    /// The award year of each repetition of the planted enterprises (rep k uses the k-th): a city of a few hundred keeps
    /// the 2024 one, a city of 3,000 has every year the catalogue's windows allow.
    /// </summary>
    private static readonly int[] RepYears = [2024, 2026, 2025, 2023, 2024, 2026, 2025];

    /// <summary>
    /// District, weight and the 6-digit region code used in its USCCs. The weights follow each district's share of
    /// the city's industrial output as zzb2020-19 Annex 1 orders them (its targets for new above-scale enterprises: 40
    /// for each county-level city, 30 for each development zone, 2–10 for the central districts): the airport zone, the
    /// economic-technological zone, Gongyi and Xinzheng large; Shangjie, Huiji and the central urban districts small.
    /// An estimate, not a cited count: no per-district count of above-scale enterprises was found.
    /// </summary>
    public static readonly IReadOnlyList<(string District, int Weight, string Region)> Districts =
    [
        ("郑州航空港区", 14, "410173"), ("郑州经开区", 13, "410171"), ("巩义市", 10, "410181"), ("新郑市", 9, "410184"),
        ("郑州高新区", 9, "410172"), ("荥阳市", 7, "410182"), ("新密市", 7, "410183"), ("中牟县", 6, "410122"),
        ("登封市", 5, "410185"), ("上街区", 3, "410106"), ("二七区", 3, "410103"), ("金水区", 3, "410105"),
        ("中原区", 3, "410102"), ("管城回族区", 3, "410104"), ("郑东新区", 3, "410174"), ("惠济区", 2, "410108"),
    ];

    private static readonly string[] Brands =
    [
        "恒达", "鑫源", "瑞丰", "华晟", "金穗", "宏图", "天诚", "博远", "中科", "正阳", "远航", "德信", "通达", "永盛", "嘉禾", "润泽",
        "新航", "明德", "豫丰", "安泰", "华信", "卓越", "东方", "富康", "海纳", "联创", "启明", "国威", "长兴", "凯瑞", "汇智", "同力",
        "精工", "宇星", "盛世", "康达", "银河", "乾元", "晨光", "泰和",
    ];

    /// <summary>Industry words of the names, with the sector and kind they suggest.</summary>
    private static readonly (string Word, string? Sector, bool Information, bool Food)[] Industries =
    [
        ("装备制造", null, false, false), ("机械", null, false, false), ("汽车零部件", null, false, false), ("电气", null, false, false),
        ("新材料", "new-materials", false, false), ("铝业", "new-materials", false, false), ("食品", null, false, true), ("建材", null, false, false),
        ("生物医药", null, false, false), ("纺织", null, false, false), ("化工", null, false, false), ("环保科技", "energy-saving-environmental", false, false),
        ("传感技术", "sensor", false, false), ("半导体", "integrated-circuit", false, false), ("光电显示", "new-display", false, false), ("数据科技", "advanced-computing", false, false),
        ("通信设备", "5g", false, false), ("导航科技", "beidou", false, false), ("软件", null, true, false), ("信息技术", null, true, false),
    ];

    /// <summary>The city, enterprise by enterprise, generated lazily.</summary>
    public static IEnumerable<Dossier> Generate(int enterprises, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(enterprises);
        var city = new Random(seed);
        var districts = Allocate(enterprises, city);
        var usccs = new List<string>(enterprises);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var district in districts)
        {
            var region = Districts.First(d => d.District == district).Region;
            string uscc;
            do
            {
                var body = "MA" + new string([.. Enumerable.Range(0, 6).Select(_ => Uscc.Alphabet[city.Next(Uscc.Alphabet.Length)])]);
                uscc = Uscc.WithCheckCharacters("91" + region + body);
            }
            while (!seen.Add(uscc));

            usccs.Add(uscc);
        }

        var reps = Math.Max(1, enterprises / 400);
        int general = 0, shangjie = 0;
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < enterprises; i++)
        {
            var rng = new Random(unchecked((seed * 1_000_003) + i));
            var draft = Background(usccs[i], districts[i], rng, names);
            if (districts[i] == "上街区" && shangjie < Sangao.Length * reps)
            {
                Sangao[shangjie++ % Sangao.Length](draft, rng);
            }
            else if (general < Scenarios.Length * reps)
            {
                Scenarios[general % Scenarios.Length](draft, rng, RepYears[general / Scenarios.Length % RepYears.Length]);
                general++;
            }

            if (draft.Traits.Contains("chain-leader"))
            {
                Suppliers(draft, rng, usccs);
            }

            if (draft.Traits.Contains("above-scale") && draft.Figure("mainRevenue", 2024) < 20_000_000m)
            {
                // A planted trait on a small background enterprise: grow it to the size the trait means (≥ 2000万元).
                var factor = (decimal)(25e6 + (3e7 * rng.NextDouble())) / Math.Max(1m, draft.Figure("mainRevenue", 2024));
                foreach (var metric in new[] { "mainRevenue", "operatingRevenue", "seiRevenue" })
                {
                    for (var year = 2021; year <= 2025; year++)
                    {
                        if (draft.Figure(metric, year) is var v and > 0)
                        {
                            draft.Annual(metric, year, Yuan((double)(v * factor)));
                        }
                    }
                }
            }

            if (draft.Traits.Contains("above-scale"))
            {
                // Last, so that quarters and halves follow the year's final total (planted or grown).
                QuarterlyAndElectricity(draft, rng);
            }

            yield return draft.ToDossier();
        }
    }

    /// <summary>
    /// Seeds an empty registry with a demo city (the main command's first start); does nothing when the registry
    /// already holds enterprises. Returns how many were written.
    /// </summary>
    public static async Task<int> SeedIfEmptyAsync(DossierStore store, int enterprises = 3000, int seed = DefaultSeed, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (await store.CountAsync(cancel: cancel) > 0)
        {
            return 0;
        }

        return await store.PutManyAsync(Generate(enterprises, seed), "demo-data", cancel);
    }

    /// <summary>Districts by largest remainder of N × weight, in a seeded random order.</summary>
    private static List<string> Allocate(int n, Random rng)
    {
        var total = Districts.Sum(d => d.Weight);
        var exact = Districts.Select(d => (d.District, Share: (double)n * d.Weight / total)).ToList();
        var counts = exact.ToDictionary(e => e.District, e => (int)Math.Floor(e.Share));
        foreach (var e in exact.OrderByDescending(e => e.Share - Math.Floor(e.Share)).Take(n - counts.Values.Sum()))
        {
            counts[e.District]++;
        }

        var list = Districts.SelectMany(d => Enumerable.Repeat(d.District, counts[d.District])).ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }

    private static double Normal(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    private static decimal Yuan(double value) => (decimal)Math.Round(value / 1000) * 1000;

    /// <summary>A random day of a year's months; in 2026 no later than October, well before <see cref="DataAsOf"/>.</summary>
    private static DateOnly Day(Random rng, int year, int fromMonth = 1, int toMonth = 12)
    {
        toMonth = year >= DataAsOf.Year ? Math.Min(toMonth, 10) : toMonth;
        fromMonth = Math.Min(fromMonth, toMonth);
        return new DateOnly(year, fromMonth, 1).AddDays(rng.Next(new DateOnly(year, toMonth, 1).AddMonths(1).DayNumber - new DateOnly(year, fromMonth, 1).DayNumber));
    }

    /// <summary>
    /// The date of a planted event of award year <paramref name="year"/> inside zz2023-23's window: 2023's fall in
    /// December (the window opens 2023-11-27), 2026's by October (it closes 2026-11-26, before <see cref="DataAsOf"/>).
    /// </summary>
    private static DateOnly At(int year, int month, int day) => year switch
    {
        2023 => new DateOnly(2023, 12, Math.Min(day, 28)),
        >= 2026 => new DateOnly(year, Math.Min(month, 10), day),
        _ => new DateOnly(year, month, day),
    };

    /// <summary>The last year whose full-year figures are reported by <see cref="DataAsOf"/>: a figures-based clause's year.</summary>
    private static int Figures(int year) => Math.Min(year, DataAsOf.Year - 1);

    /// <summary>An ordinary enterprise: size, growth, traits, figures, and honors, projects and spending at base rates.</summary>
    private static Draft Background(string uscc, string district, Random rng, HashSet<string> names)
    {
        var industry = Industries[rng.Next(Industries.Length)];
        var place = district.EndsWith('市') || district.EndsWith('县') ? district[..^1] : "郑州";
        var name = $"{place}{Brands[rng.Next(Brands.Length)]}{industry.Word}有限公司";
        for (var k = 0; !names.Add(name); k++)
        {
            // Taken: another brand, then two brands together (恒达鑫源), then a branch number as a last resort.
            var brand = k < 3 ? Brands[rng.Next(Brands.Length)] : Brands[rng.Next(Brands.Length)] + Brands[rng.Next(Brands.Length)];
            name = k < 20 ? $"{place}{brand}{industry.Word}有限公司" : $"{place}{brand}{industry.Word}有限公司第{k - 19}分公司";
        }

        var d = new Draft(uscc, name, district) { Food = industry.Food };
        var industrial = !industry.Information;
        if (industrial)
        {
            d.Traits.Add("industrial");
            if (rng.NextDouble() < 0.9)
            {
                d.Traits.Add("manufacturing");
            }
        }
        else
        {
            d.Traits.Add("information");
        }

        // Heavy-tailed size (see the remarks): log-normal around 60 million yuan for industry, σ = 1.7 — of above-scale
        // industry about half above 1亿, 5–10 % above 10亿, a handful above 100亿 in 3,000; none above 3000亿.
        var revenue = Math.Min(3e11, Math.Exp(Math.Log(industrial ? 6e7 : 2e7) + (1.7 * Normal(rng))));
        var trend = 0.06 + (0.05 * Normal(rng));
        for (var year = 2021; year <= 2025; year++)
        {
            if (year > 2021)
            {
                revenue *= Math.Clamp(1 + trend + (0.12 * Normal(rng)), 0.5, 2.5);
            }

            d.Annual("mainRevenue", year, Yuan(revenue));
            d.Annual("operatingRevenue", year, Yuan(revenue * (1.02 + (0.1 * rng.NextDouble()))));
        }

        var main2024 = d.Figure("mainRevenue", 2024);
        if (industrial && main2024 >= 20_000_000m)
        {
            d.Traits.Add("above-scale");
            d.Traits.Add("four-above");
        }
        else if (!industrial && main2024 >= 10_000_000m && rng.NextDouble() < 0.6)
        {
            d.Traits.Add("four-above");
        }

        if (industrial && (industry.Sector is not null || rng.NextDouble() < 0.2))
        {
            d.Traits.Add("strategic-emerging");
            var share = 0.3 + (0.6 * rng.NextDouble());
            foreach (var year in new[] { 2023, 2024, 2025 })
            {
                d.Annual("seiRevenue", year, Yuan((double)d.Figure("mainRevenue", year) * share));
            }
        }

        if (d.Traits.Contains("manufacturing") && industry.Sector is { } sector)
        {
            d.Sectors.Add(sector);
            if (industry.Word == "铝业")
            {
                d.Sectors.Add("aluminum-based");
            }

            if (main2024 is >= 50_000_000m and <= 500_000_000m && rng.NextDouble() < 0.8)
            {
                d.Traits.Add("in-library");
            }
        }

        if (rng.NextDouble() < 0.04)
        {
            d.Traits.Add("key-monitored");
        }

        if (industrial && main2024 >= 2_000_000_000m && rng.NextDouble() < 0.3)
        {
            d.Traits.Add("chain-leader");
        }

        if (rng.NextDouble() < 0.005)
        {
            d.Traits.Add("training-institution");
            d.Training.Add(new Training("technician", 2024, 5 + rng.Next(40)));
            d.Training.Add(new Training("technician", 2025, 5 + rng.Next(40)));
        }

        if (rng.NextDouble() < 0.003)
        {
            d.Traits.Add(rng.NextDouble() < 0.6 ? "blacklisted" : "suspended");
        }

        if (d.Traits.Contains("above-scale"))
        {
            foreach (var year in new[] { 2022, 2023, 2024, 2025 })
            {
                var sales = (double)d.Figure("operatingRevenue", year);
                d.Annual("taxPaid", year, Yuan(sales * (0.02 + (0.05 * rng.NextDouble()))));
                d.Annual("profit", year, Yuan(sales * (0.05 + (0.06 * Normal(rng)))));
            }

            if (rng.NextDouble() < 0.15)
            {
                var share = 0.05 + (0.35 * rng.NextDouble());
                d.Annual("exports", 2022, Yuan((double)d.Figure("mainRevenue", 2022) * share));
                d.Annual("exports", 2023, Yuan((double)d.Figure("mainRevenue", 2023) * share * (0.9 + (0.4 * rng.NextDouble()))));
            }
        }

        if (industrial && rng.NextDouble() < 0.35)
        {
            var intensity = 0.01 + (0.05 * rng.NextDouble());
            d.Annual("rdExpense", 2024, Yuan((double)main2024 * intensity));
            d.Annual("rdExpense", 2025, Yuan((double)d.Figure("mainRevenue", 2025) * intensity));
        }

        BackgroundHonors(d, rng, industrial);
        if (industrial)
        {
            BackgroundProjects(d, rng);
            foreach (var year in new[] { 2023, 2024, 2025 })
            {
                if (rng.NextDouble() < 0.06)
                {
                    d.Spend("exhibition", year, Yuan(50_000 + (550_000 * rng.NextDouble())));
                }

                if (rng.NextDouble() < 0.01)
                {
                    d.Spend("central-media-ads", year, Yuan(200_000 + (3_000_000 * rng.NextDouble())));
                }
            }

            if (rng.NextDouble() < 0.02)
            {
                d.Spend("launch-event", 2023, Yuan(100_000 + (900_000 * rng.NextDouble())));
            }
        }

        return d;
    }

    /// <summary>
    /// The first quarter and half of each year's operating revenue, 2021–2025, worked from that year's final total (so
    /// Q1 ≤ H1 ≤ year; a planted quarter or half is kept and the other fitted to it), 2026's three quarters and first
    /// half reported by <see cref="DataAsOf"/> (H1 = Q1 + Q2), and the monthly electricity zzw2022-155/1 reads.
    /// </summary>
    private static void QuarterlyAndElectricity(Draft d, Random rng)
    {
        for (var year = 2021; year <= 2025; year++)
        {
            var sales = (double)d.Figure("operatingRevenue", year);
            var q1 = d.Has("operatingRevenue", Period.OfQuarter(year, 1)) ? (double)d.Figures["operatingRevenue"][Period.OfQuarter(year, 1)]
                : d.Has("operatingRevenue", Period.OfHalf(year, 1)) ? (double)d.Figures["operatingRevenue"][Period.OfHalf(year, 1)] * (0.44 + (0.05 * rng.NextDouble()))
                : sales * (0.2 + (0.06 * rng.NextDouble()));
            d.Set("operatingRevenue", Period.OfQuarter(year, 1), Yuan(q1));
            if (!d.Has("operatingRevenue", Period.OfHalf(year, 1)))
            {
                d.Set("operatingRevenue", Period.OfHalf(year, 1), Yuan(q1) + Yuan(sales * (0.22 + (0.06 * rng.NextDouble()))));
            }
        }

        // 2026 so far: the year's pace from 2025, the first three quarters reported, the fourth not yet.
        var pace = (double)d.Figure("operatingRevenue", 2025) * Math.Clamp(1.05 + (0.1 * Normal(rng)), 0.6, 1.6);
        var quarters = new[] { 0.2 + (0.06 * rng.NextDouble()), 0.23 + (0.05 * rng.NextDouble()), 0.24 + (0.04 * rng.NextDouble()) }.Select(q => Yuan(pace * q)).ToArray();
        for (var q = 1; q <= 3; q++)
        {
            d.Set("operatingRevenue", Period.OfQuarter(2026, q), quarters[q - 1]);
        }

        d.Set("operatingRevenue", Period.OfHalf(2026, 1), quarters[0] + quarters[1]);

        if (!d.Traits.Contains("manufacturing"))
        {
            return;
        }

        var monthly = (double)d.Figure("mainRevenue", 2022) / 12 / (4 + (20 * rng.NextDouble()));
        for (var m = 1; m <= 15; m++)
        {
            var season = 1 + (0.15 * Math.Cos((m - 7) / 6.0 * Math.PI)) + (0.1 * Normal(rng));
            var period = m <= 12 ? Period.OfMonth(2022, m) : Period.OfMonth(2023, m - 12);
            d.Set("electricityKwh", period, Math.Max(1000m, (decimal)Math.Round(monthly * season)));
        }
    }

    private static void BackgroundHonors(Draft d, Random rng, bool industrial)
    {
        void Maybe(double rate, string kind, int fromYear, int toYear, string? item = null)
        {
            if (rng.NextDouble() < rate)
            {
                d.Honor(new Honor(kind, Day(rng, fromYear + rng.Next(toYear - fromYear + 1))) { Item = item });
            }
        }

        Maybe(0.18, "national-hightech", 2019, 2026);
        Maybe(0.12, "innovative-sme", 2021, 2026);
        if (!industrial)
        {
            return;
        }

        // About a fifth of industry holds a provincial 专精特新 title and 5 % a 小巨人 one (see the remarks).
        Maybe(0.2, "provincial-zjtx", 2021, 2026);
        Maybe(0.05, "national-xiaojuren", 2021, 2026);
        Maybe(0.02, "provincial-smart-workshop", 2022, 2026);
        Maybe(0.008, "provincial-smart-factory", 2022, 2026);
        Maybe(0.02, "cloud-star", 2022, 2026);
        Maybe(0.005, "provincial-quality-benchmark", 2022, 2026);
        if (d.Food)
        {
            Maybe(0.2, "food-safety-cert", 2022, 2026, "HACCP");
        }

        foreach (var h in d.Honors.Values.ToList())
        {
            if (h.Kind == "cloud-star")
            {
                d.Honor(h with { Stars = 3 + rng.Next(3) });
            }
        }
    }

    private static void BackgroundProjects(Draft d, Random rng)
    {
        var n = 0;
        foreach (var year in new[] { 2023, 2024, 2025, 2026 })
        {
            void Maybe(double rate, string kind, double minTotal, double maxTotal, double equipmentShare)
            {
                if (rng.NextDouble() >= rate)
                {
                    return;
                }

                // One technical reform in eight is a large one (1.2亿–6亿): its equipment passes 1亿 and the 1000万 cap of
                // zz2023-23/9 binds.
                var large = kind == "tech-reform" && rng.NextDouble() < 0.125;
                var total = large ? Yuan(1.2e8 + (4.8e8 * rng.NextDouble())) : Yuan(minTotal + ((maxTotal - minTotal) * rng.NextDouble()));
                var completed = Day(rng, year);
                var reached = completed.AddMonths(2 + rng.Next(6));
                d.Projects[$"P{++n}"] = new Project($"P{n}", kind)
                {
                    Sei = d.Traits.Contains("strategic-emerging") && rng.NextDouble() < 0.6,
                    TotalInvestment = total,
                    EquipmentInvestment = Yuan((double)total * equipmentShare * (0.8 + (0.4 * rng.NextDouble()))),
                    CompletedOn = completed,
                    BenefitRate = kind == "green" ? Math.Round((decimal)(0.06 + (0.14 * rng.NextDouble())), 3) : null,
                    ReachedOutputOn = kind == "green" && reached <= DataAsOf ? reached : null,
                };
            }

            Maybe(0.04, "tech-reform", 5e6, 8e7, 0.65);
            Maybe(0.015, "smart", 2e6, 3e7, 0.7);
            Maybe(0.008, "green", 3e6, 5e7, 0.6);
            Maybe(0.008, "new", 1e7, 3e8, 0.55);
        }
    }

    /// <summary>A chain leader's suppliers among the city's enterprises: existing-chain and new, some above the thresholds.</summary>
    private static void Suppliers(Draft d, Random rng, List<string> usccs)
    {
        foreach (var year in new[] { 2023, 2024, 2025 })
        {
            // A chain leader buys a lot: one large existing-chain supplier and one new one every year, then a few more.
            for (var k = -2; k < 2 + rng.Next(4); k++)
            {
                var supplier = usccs[rng.Next(usccs.Count)];
                if (supplier == d.Uscc)
                {
                    continue;
                }

                var chain = k == -2 || (k >= 0 && rng.NextDouble() < 0.7) ? "existing" : "new";
                var amount = k switch
                {
                    -2 => 6e6 + (9e6 * rng.NextDouble()),
                    -1 => 2.5e6 + (3.5e6 * rng.NextDouble()),
                    _ => 5e5 + (1.2e7 * rng.NextDouble()),
                };
                d.Buy(new Procurement(year, supplier, Yuan(amount), chain));
            }
        }
    }

    private static void Revenue(Draft d, params decimal[] from2021)
    {
        for (var i = 0; i < from2021.Length; i++)
        {
            d.Annual("mainRevenue", 2021 + i, from2021[i]);
            d.Annual("operatingRevenue", 2021 + i, from2021[i] * 1.05m);
        }
    }

    private static Draft Make(Draft d, params string[] traits)
    {
        d.Traits.UnionWith(traits);
        d.Traits.ExceptWith(["blacklisted", "suspended"]);
        return d;
    }

    /// <summary>
    /// Main revenue of 2021–2025 passing from <paramref name="before"/> in the year before <paramref name="year"/> to
    /// <paramref name="after"/> in it, growing 8 % a year up to there and 6 % after (operating revenue 5 % above).
    /// </summary>
    private static Draft Crossing(Draft d, int year, decimal before, decimal after)
    {
        for (var t = 2021; t <= 2025; t++)
        {
            var v = t < year ? before / (decimal)Math.Pow(1.08, year - 1 - t) : after * (decimal)Math.Pow(1.06, t - year);
            d.Annual("mainRevenue", t, Yuan((double)v));
            d.Annual("operatingRevenue", t, Yuan((double)v * 1.05));
        }

        return d;
    }

    /// <summary>Strategic-emerging revenue at a share of main revenue from <paramref name="from"/> to 2025.</summary>
    private static void Sei(Draft d, int from, decimal share)
    {
        for (var t = from; t <= 2025; t++)
        {
            d.Annual("seiRevenue", t, Yuan((double)(d.Figure("mainRevenue", t) * share)));
        }
    }

    /// <summary>
    /// The planted enterprises: each shapes one background enterprise so that a clause of interpretation.md fires in
    /// award year y (<see cref="RepYears"/>): events dated by <see cref="At"/> inside zz2023-23's window, figures of the
    /// year <see cref="Figures"/> gives (2025 at most); zzw2022-155 pays for 2022–2023 whatever y, as its window says.
    /// </summary>
    private static readonly Action<Draft, Random, int>[] Scenarios =
    [
        // zz2023-23/1: first appearance on the China top 500, and a better rank on the manufacturing 500 (cap 10M).
        (d, r, y) =>
        {
            Make(d, "industrial", "manufacturing", "above-scale", "four-above");
            Revenue(d, 42e9m, 46e9m, 49e9m, 53e9m, 56e9m);
            d.Rank(new Ranking("china-500", y, 470 + r.Next(30), At(y, 9, 10)));
        },
        (d, r, y) =>
        {
            Make(d, "industrial", "manufacturing", "above-scale", "four-above");
            Revenue(d, 18e9m, 19.5e9m, 21e9m, 23.5e9m, 25e9m);
            d.Rank(new Ranking("china-manufacturing-500", y - 1, 380, At(y - 1, 9, 1)));
            d.Rank(new Ranking("china-manufacturing-500", y, 352 - r.Next(20), At(y, 9, 12)));
        },

        // zz2023-23/2: unicorn and potential unicorn; /4: provincial 头雁.
        (d, _, y) => Make(d, "industrial").Honor(new Honor("unicorn", At(y, 7, 1))),
        (d, _, y) => Make(d, "industrial").Honor(new Honor("potential-unicorn", At(y, 3, 15))),
        (d, _, y) => Make(d, "industrial", "above-scale").Honor(new Honor("provincial-touyan", At(y, 8, 1))),

        // zz2023-23/5: main revenue first above 5 and 10 billion.
        (d, _, y) => Crossing(Make(d, "industrial", "manufacturing", "above-scale"), Figures(y), 4.6e9m, 5.3e9m),
        (d, _, y) => Crossing(Make(d, "industrial", "manufacturing", "above-scale"), Figures(y), 8.0e9m, 10.4e9m),

        // zz2023-23/6: SEI revenue at least half, main revenue first above 500 million and 1 billion.
        (d, _, y) =>
        {
            Crossing(Make(d, "industrial", "manufacturing", "above-scale", "strategic-emerging"), Figures(y), 4.3e8m, 5.6e8m);
            Sei(d, Figures(y), 0.6m);
        },
        (d, _, y) =>
        {
            Crossing(Make(d, "industrial", "manufacturing", "above-scale", "strategic-emerging"), Figures(y), 9e8m, 1.08e9m);
            Sei(d, Figures(y), 0.65m);
        },

        // zz2023-23/7: in-library sensor and new-materials manufacturers growing 23 % and 25 %.
        (d, _, y) =>
        {
            Crossing(Make(d, "industrial", "manufacturing", "above-scale", "in-library"), Figures(y), 1e8m, 1.23e8m);
            d.Sectors.Clear();
            d.Sectors.Add("sensor");
        },
        (d, _, y) =>
        {
            Crossing(Make(d, "industrial", "manufacturing", "above-scale", "in-library"), Figures(y), 2e8m, 2.5e8m);
            d.Sectors.Clear();
            d.Sectors.Add("new-materials");
        },

        // zz2023-23/8–11: new SEI, major (referral), technical reform, smart and green projects completed in y.
        (d, _, y) =>
        {
            Make(d, "industrial", "manufacturing", "strategic-emerging");
            d.Projects["D8"] = new Project("D8", "new") { Sei = true, TotalInvestment = 8e7m, EquipmentInvestment = 5e7m, CompletedOn = At(y, 6, 30) };
            d.Projects["D8M"] = new Project("D8M", "new") { Major = true, Sei = true, TotalInvestment = 2e9m, EquipmentInvestment = 1.2e9m, CompletedOn = At(y, 10, 1) };
        },
        (d, _, y) =>
        {
            // D9L: equipment of 1.6亿 × 15 % = 2400万, above the cap of 1000万 (1500万 under the reform tech-reform-cap-1500).
            Make(d, "industrial", "manufacturing");
            d.Projects["D9"] = new Project("D9", "tech-reform") { Sei = true, TotalInvestment = 3e7m, EquipmentInvestment = 2.4e7m, CompletedOn = At(y, 5, 31) };
            d.Projects["D9B"] = new Project("D9B", "tech-reform") { TotalInvestment = 1.5e7m, EquipmentInvestment = 1e7m, CompletedOn = At(y, 11, 20) };
            d.Projects["D9L"] = new Project("D9L", "tech-reform") { Sei = true, TotalInvestment = 2.2e8m, EquipmentInvestment = 1.6e8m, CompletedOn = At(y, 8, 15) };
        },
        (d, _, y) =>
        {
            Make(d, "industrial", "manufacturing");
            d.Projects["D10"] = new Project("D10", "smart") { TotalInvestment = 9e6m, EquipmentInvestment = 6e6m, CompletedOn = At(y, 9, 30) };
            d.Projects["D11"] = new Project("D11", "green") { TotalInvestment = 1.4e7m, EquipmentInvestment = 1e7m, BenefitRate = 0.12m, CompletedOn = At(y, 3, 31), ReachedOutputOn = At(y, 8, 31) };
        },

        // zz2023-23/12 and /14: first-of-kind and cloud stars (referrals); /13: a patent product's sales.
        (d, _, y) =>
        {
            Make(d, "industrial", "manufacturing");
            d.Honor(new Honor("first-of-kind", At(y, 4, 10)) { Item = "首台套智能装备" });
            d.Honor(new Honor("cloud-star", At(y, 5, 1)) { Stars = 4 });
            var fy = Figures(y);
            d.Patents["ZL202210000001.X"] = new PatentProduct("ZL202210000001.X", new DateOnly(fy - 1, 3, 1), new Dictionary<int, decimal> { [fy - 1] = 5e6m, [fy] = 3e7m });
        },

        // zz2023-23/15: a workshop, a factory after a workshop paid the year before (the difference), a national demonstration factory.
        (d, _, y) =>
        {
            Make(d, "industrial", "manufacturing");
            d.Honor(new Honor("provincial-smart-workshop", At(y, 6, 1)));
            if (y < DataAsOf.Year)
            {
                d.Honor(new Honor("national-smart-scenario", At(y + 1, 5, 1)) { Item = "数字孪生工厂" });
            }
        },
        (d, _, y) =>
        {
            // The workshop of the year before must itself fall in the window (2023-12-15 at the earliest).
            var year = Math.Max(y, 2024);
            Make(d, "industrial", "manufacturing");
            d.Honor(new Honor("provincial-smart-workshop", new DateOnly(year - 1, 12, 15)));
            d.Grant(new Grant("zz2023-23/15", "provincial-smart-workshop", 300_000m, new DateOnly(year, 4, 1)) { Year = year - 1 });
            d.Honor(new Honor("provincial-smart-factory", At(year, 10, 20)));
            if (year < DataAsOf.Year)
            {
                d.Honor(new Honor("provincial-smart-benchmark", At(year + 1, 6, 1)));
            }
        },
        (d, _, y) => Make(d, "industrial", "manufacturing").Honor(new Honor("national-smart-demo-factory", At(y, 11, 1))),

        // zz2023-23/16: the operator of an industrial demonstration base.
        (d, _, y) =>
        {
            d.Name = d.Name.Replace("有限公司", "产业园运营管理有限公司", StringComparison.Ordinal);
            Make(d, "industrial").Honor(new Honor("national-industrial-demo-base", At(y, 12, 1)) { Item = "郑州新型工业化产业示范基地" });
            d.Honor(new Honor("provincial-industrial-demo-base", At(y - 1, 12, 20)) { Item = "郑州新型工业化产业示范基地" });
        },

        // zz2023-23/17: champion enterprise and product (highest only), pilot demonstrations, platform, green products.
        (d, _, y) =>
        {
            Make(d, "industrial", "manufacturing", "above-scale");
            d.Honor(new Honor("champion-enterprise", At(y, 1, 20)));
            d.Honor(new Honor("champion-product", At(y, 1, 20)) { Item = "高压开关" });
        },
        (d, _, y) =>
        {
            Make(d, "industrial", "manufacturing");
            d.Honor(new Honor("provincial-pilot-demo", At(y, 7, 8)) { Item = "工业互联网试点" });
            d.Honor(new Honor("national-green-product", At(y, 9, 1)) { Item = "电动机" });
            d.Honor(new Honor("national-green-product", At(y, 9, 1)) { Item = "变压器" });
        },
        (d, _, y) =>
        {
            Make(d, "industrial", "information");
            d.Honor(new Honor("cross-industry-iiot-platform", At(y, 10, 15)) { Item = "工信部认定" });
            if (y < DataAsOf.Year)
            {
                d.Honor(new Honor("national-pilot-demo", At(y + 1, 3, 1)) { Item = "智能制造试点" });
            }
        },

        // zz2023-23/18, /19, /22: quality benchmark, food-safety certificates, innovation center.
        (d, _, y) => Make(d, "industrial", "manufacturing").Honor(new Honor("provincial-quality-benchmark", At(y, 5, 20))),
        (d, _, y) =>
        {
            d.Name = d.Name.Replace("有限公司", "食品有限公司", StringComparison.Ordinal);
            Make(d, "industrial", "manufacturing");
            d.Honor(new Honor("food-safety-cert", At(y, 3, 3)) { Item = "HACCP" });
            d.Honor(new Honor("food-safety-cert", At(y, 8, 8)) { Item = "ISO 22000" });
        },
        (d, _, y) => Make(d, "industrial", "manufacturing").Honor(new Honor("provincial-innovation-center", At(y, 6, 18)) { ProvincialFunding = 2_000_000m }),

        // zz2023-23/20: exhibitions above 200,000 and central media ads.
        (d, _, y) =>
        {
            Make(d, "industrial", "manufacturing");
            d.Spend("exhibition", Figures(y), 350_000m);
            d.Spend("central-media-ads", Figures(y), 2_000_000m);
        },

        // zz2023-23/21 and zzw2022-155/9: chain leaders (their suppliers are added for every chain leader).
        (d, _, _) => Revenue(Make(d, "industrial", "manufacturing", "above-scale", "chain-leader"), 2.6e9m, 2.9e9m, 3.1e9m, 3.4e9m, 3.6e9m),

        // zzw2022-155/1 and /2: electricity held up in 2023 Q1, and Q1 revenue growing 15 %; /12: rated three-star on
        // the cloud in 2023, so it may apply for cloud vouchers from the pool.
        (d, r, _) =>
        {
            Make(d, "industrial", "manufacturing", "above-scale");
            d.Honor(new Honor("cloud-star", new DateOnly(2023, 6, 1)) { Stars = 3 });
            for (var m = 1; m <= 12; m++)
            {
                d.Set("electricityKwh", Period.OfMonth(2022, m), 900_000m + (m * 10_000m));
            }

            for (var m = 1; m <= 3; m++)
            {
                d.Set("electricityKwh", Period.OfMonth(2023, m), 1_000_000m + r.Next(50_000));
            }

            Revenue(d, 1.1e9m, 1.2e9m, 1.38e9m, 1.5e9m, 1.6e9m);
            d.Set("operatingRevenue", Period.OfQuarter(2022, 1), 3e8m);
            d.Set("operatingRevenue", Period.OfQuarter(2023, 1), 3.45e8m);
        },

        // zzw2022-155/3: new to the SEI report library in 2022, newly above scale with 2023 Q1 growth of 25 %, new production in 2023 Q1.
        (d, _, _) =>
        {
            Make(d, "industrial", "manufacturing", "above-scale");
            d.Honor(new Honor("sei-report-library", new DateOnly(2022, 11, 1)));
            d.Honor(new Honor("above-scale-entry", new DateOnly(2022, 6, 30)));
            d.Honor(new Honor("new-production-entry", new DateOnly(2023, 3, 15)));
            Revenue(d, 1.8e7m, 3.2e7m, 4.3e7m, 4.8e7m, 5.2e7m);
            d.Set("operatingRevenue", Period.OfQuarter(2022, 1), 8e6m);
            d.Set("operatingRevenue", Period.OfQuarter(2023, 1), 1e7m);
        },

        // zzw2022-155/4 and /5: fixed-asset projects and a signed project started in 2023 Q1.
        (d, _, _) =>
        {
            Make(d, "industrial", "manufacturing");
            d.Projects["F1"] = new Project("F1", "fixed-asset")
            {
                EnteredLibraryOn = new DateOnly(2023, 2, 10),
                CumulativeInvestment = new Dictionary<Period, decimal> { [Period.OfQuarter(2022, 4)] = 4e8m, [Period.OfQuarter(2023, 1)] = 1.25e9m },
            };
            d.Projects["F2"] = new Project("F2", "fixed-asset")
            {
                EnteredLibraryOn = new DateOnly(2022, 5, 1),
                CumulativeInvestment = new Dictionary<Period, decimal> { [Period.OfQuarter(2023, 1)] = 6e8m },
            };
            d.Projects["S1"] = new Project("S1", "signed") { SignedOn = new DateOnly(2023, 1, 15), StartedOn = new DateOnly(2023, 3, 1), ContractInvestment = 1.2e9m };
        },

        // zzw2022-155/6: a launch event in 2023 and exports growing 26 % over more than 100 million.
        (d, _, _) =>
        {
            Revenue(Make(d, "industrial", "manufacturing", "above-scale"), 6e8m, 6.5e8m, 7e8m, 7.6e8m, 8e8m);
            d.Spend("launch-event", 2023, 400_000m);
            d.Annual("exports", 2022, 1.5e8m);
            d.Annual("exports", 2023, 1.9e8m);
        },

        // zzw2022-155/7: 2023 H1 and year revenue increases.
        (d, _, _) =>
        {
            Revenue(Make(d, "industrial", "manufacturing", "above-scale"), 1.8e9m, 2.0e9m, 2.14e9m, 2.3e9m, 2.45e9m);
            d.Set("operatingRevenue", Period.OfHalf(2022, 1), 1e9m);
            d.Set("operatingRevenue", Period.OfHalf(2023, 1), 1.08e9m);
            d.Annual("operatingRevenue", 2022, 2.1e9m);
            d.Annual("operatingRevenue", 2023, 2.25e9m);
        },

        // zzw2022-155/10: industrial-building space leased for three years and bought.
        (d, _, y) =>
        {
            // On the 2023 repetition the lease comes of age in the policy's first week, 2022-12-28 (award year 2022).
            Make(d, "industrial", "manufacturing");
            d.Premises.Add(new Premises("lease", 32_000m, new DateOnly(2019, 5, 1), y == 2023 ? new DateOnly(2022, 12, 28) : new DateOnly(2023, 6, 1)));
            d.Premises.Add(new Premises("purchase", 15_000m, new DateOnly(2023, 1, 10), new DateOnly(2023, 9, 1)));
        },

        // zzb2022-zjtx/2: a little giant after a provincial title paid in 2022, a provincial title, a champion before 2023-11-27.
        (d, _, y) =>
        {
            Make(d, "industrial", "manufacturing");
            d.Honor(new Honor("provincial-zjtx", new DateOnly(2022, 8, 1)));
            d.Grant(new Grant("zzb2022-zjtx/2", "provincial-zjtx", 500_000m, new DateOnly(2022, 12, 1)) { Year = 2022 });
            d.Honor(new Honor("national-xiaojuren", At(y, 7, 15)));
        },
        (d, _, y) =>
        {
            Make(d, "industrial", "manufacturing");
            d.Honor(new Honor("innovative-sme", At(y - 1, 5, 1)));
            d.Honor(new Honor("provincial-zjtx", At(y, 3, 1)));
        },
        (d, _, _) => Make(d, "industrial", "manufacturing", "above-scale").Honor(new Honor("champion-enterprise", new DateOnly(2023, 6, 1))),

        // zzb2022-zjtx/3: moved into the city in y (2022 on the 2023 repetition) holding a provincial title; /15: a national quality benchmark (referral).
        (d, _, y) =>
        {
            Make(d, "industrial", "manufacturing");
            d.RelocatedOn = y == 2023 ? new DateOnly(2022, 9, 1) : At(y, 5, 1);
            d.Honor(new Honor("provincial-zjtx", new DateOnly(2021, 8, 1)));
            d.Honor(new Honor("national-quality-benchmark", At(y, 9, 9)));
        },

        // zzb2022-zjtx/27: a training institution's technicians of a reported year (2022 on the 2023 repetition).
        (d, _, y) =>
        {
            var year = y == 2023 ? 2022 : Figures(y);
            Make(d, "training-institution");
            d.Training.Clear();
            d.Training.Add(new Training("technician", year, 40));
            d.Training.Add(new Training("senior-technician", year, 10));
            d.Training.Add(new Training("senior-technician-upgrade", year, 20));
        },
    ];

    /// <summary>Shangjie enterprises meeting the Sangao library rules (and the draft's award facts, for simulations).</summary>
    private static readonly Action<Draft, Random>[] Sangao =
    [
        (d, _) =>
        {
            Make(d, "industrial", "manufacturing", "above-scale", "four-above");
            d.Honor(new Honor("national-hightech", new DateOnly(2021, 10, 1)));
            d.Annual("operatingRevenue", 2024, 3e8m);
            d.Annual("profit", 2024, 6e7m);
            d.Annual("peerProfitMargin", 2024, 0.08m);
        },
        (d, _) =>
        {
            Make(d, "industrial", "manufacturing", "above-scale", "four-above", "strategic-emerging");
            d.Annual("operatingRevenue", 2022, 1e8m);
            d.Annual("operatingRevenue", 2023, 1.25e8m);
            d.Annual("operatingRevenue", 2024, 1.4e8m);
        },
        (d, _) =>
        {
            Make(d, "industrial", "manufacturing", "key-monitored");
            d.Honor(new Honor("zhengzhou-top10-sangao", new DateOnly(2024, 4, 1)) { Item = "高成长性" });
            d.Honor(new Honor("ai-benchmark-enterprise", new DateOnly(2024, 6, 1)));
            d.Honor(new Honor("ai-scenario", new DateOnly(2024, 6, 1)) { Item = "智能质检" });
            d.Honor(new Honor("first-of-kind", new DateOnly(2024, 8, 1)) { Item = "铝基复合材料", Sales = 1.2e7m });
            d.Projects["PL1"] = new Project("PL1", "platform") { TotalInvestment = 3e7m, EquipmentInvestment = 2e7m, CompletedOn = new DateOnly(2024, 11, 1) };
        },
        (d, _) =>
        {
            Make(d, "industrial", "manufacturing", "above-scale", "four-above", "strategic-emerging");
            d.Annual("taxPaid", 2023, 6e6m);
        },
        (d, _) =>
        {
            // Would qualify, but is on the serious-dishonesty list: the library excludes it.
            d.Traits.Add("blacklisted");
            d.Honor(new Honor("national-hightech", new DateOnly(2020, 12, 1)));
        },
    ];

    /// <summary>An enterprise being generated: mutable, keyed so that a planted fact replaces a background one.</summary>
    private sealed class Draft(string uscc, string name, string district)
    {
        public string Uscc { get; } = uscc;

        public string Name { get; set; } = name;

        public string District { get; } = district;

        public bool Food { get; init; }

        public HashSet<string> Traits { get; } = new(StringComparer.Ordinal);

        public List<string> Sectors { get; } = [];

        public DateOnly? RelocatedOn { get; set; }

        public Dictionary<string, Dictionary<Period, decimal>> Figures { get; } = new(StringComparer.Ordinal);

        public Dictionary<(string, int), Ranking> Rankings { get; } = [];

        public Dictionary<(string, string?, DateOnly), Honor> Honors { get; } = [];

        public Dictionary<string, Project> Projects { get; } = new(StringComparer.Ordinal);

        public Dictionary<(string, int), Spending> Spending { get; } = [];

        public Dictionary<(int, string, string), Procurement> Procurement { get; } = [];

        public Dictionary<string, PatentProduct> Patents { get; } = new(StringComparer.Ordinal);

        public List<Premises> Premises { get; } = [];

        public List<Training> Training { get; } = [];

        public Dictionary<(string, string?, DateOnly), Grant> Grants { get; } = [];

        public void Set(string metric, Period period, decimal value)
        {
            if (!Figures.TryGetValue(metric, out var series))
            {
                Figures[metric] = series = [];
            }

            series[period] = value;
        }

        public void Annual(string metric, int year, decimal value) => Set(metric, Period.OfYear(year), value);

        public bool Has(string metric, Period period) => Figures.TryGetValue(metric, out var s) && s.ContainsKey(period);

        public decimal Figure(string metric, int year) => Figures.TryGetValue(metric, out var s) && s.TryGetValue(Period.OfYear(year), out var v) ? v : 0m;

        public Draft Honor(Honor h)
        {
            Honors[(h.Kind, h.Item, h.Date)] = h;
            return this;
        }

        public void Rank(Ranking r) => Rankings[(r.List, r.Year)] = r;

        public void Spend(string kind, int year, decimal amount) => Spending[(kind, year)] = new Spending(kind, year, amount);

        public void Buy(Procurement p) => Procurement[(p.Year, p.Supplier, p.Chain)] = p;

        public void Grant(Grant g) => Grants[(g.Clause, g.Item, g.Date)] = g;

        public Dossier ToDossier() => new()
        {
            Uscc = Uscc,
            Name = Name,
            District = District,
            Traits = Traits,
            Sectors = [.. Sectors],
            RelocatedOn = RelocatedOn,
            Figures = new FigureTable(Figures.ToDictionary(f => f.Key, f => (IReadOnlyDictionary<Period, decimal>)f.Value, StringComparer.Ordinal)),
            Rankings = [.. Rankings.Values],
            Honors = [.. Honors.Values.OrderBy(h => h.Date)],
            Projects = [.. Projects.Values],
            Spending = [.. Spending.Values],
            Procurement = [.. Procurement.Values],
            PatentProducts = [.. Patents.Values],
            Premises = [.. Premises],
            Training = [.. Training],
            Grants = [.. Grants.Values.OrderBy(g => g.Date)],
        };
    }
}

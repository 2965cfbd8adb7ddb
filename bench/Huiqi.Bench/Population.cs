using System.Globalization;
using System.Text;
using Huiqi.Engine.Input;
using Huiqi.Engine.Model;
using Huiqi.Engine.Output;

namespace Huiqi.Bench;

/// <summary>
/// A deterministic synthetic population of enterprises (seeded <see cref="Random"/>): enterprise i is the same in every
/// run and every population size, so the in-memory population is the first lines of the batch file.
/// </summary>
/// <remarks>
/// Shaped to exercise the subset: mainRevenue over 2020–2024 with crossings of 50亿/100亿 and later 50亿 steps
/// (zz2023-23/5), in-library enterprises of the named sectors inside the 5000万–5亿 band (/7), tech-reform projects
/// completed in 2023 and 2024, before and after the window opens on 2023-11-27 (/9), exhibition and advertising spending
/// (/20), and 2022Q1/2023Q1 operatingRevenue (zzw2022-155/2); with exact boundaries (50亿, 1000万, 20万, 10 %, 25 %)
/// mixed in. Other facts (honors, other projects, electricity, exports) give the full catalogue work too. No ledger
/// (grants): the hand-written and RulesEngine versions would otherwise need the engine's ledger rules.
/// </remarks>
public static class Population
{
    public const int Seed = 20231127;

    private static readonly string[] SectorNames =
        ["sensor", "integrated-circuit", "new-display", "advanced-computing", "5g", "beidou", "new-materials", "energy-saving-environmental"];

    private static readonly string[] HonorKinds =
        ["provincial-touyan", "provincial-smart-factory", "provincial-smart-workshop", "provincial-zjtx", "innovative-sme", "national-hightech",
         "provincial-quality-benchmark", "food-safety-cert", "national-xiaojuren", "potential-unicorn"];

    /// <summary>Enterprise <paramref name="index"/> of the population.</summary>
    public static Dossier Enterprise(int index)
    {
        var r = new Random(unchecked(Seed * 31 + index));
        var traits = new HashSet<string>(StringComparer.Ordinal);
        var industrial = r.NextDouble() < 0.85;
        if (industrial)
        {
            traits.Add("industrial");
            if (r.NextDouble() < 0.8)
            {
                traits.Add("manufacturing");
            }

            if (r.NextDouble() < 0.5)
            {
                traits.Add("above-scale");
            }
        }
        else if (r.NextDouble() < 0.3)
        {
            traits.Add("information");
        }

        if (r.NextDouble() < 0.3)
        {
            traits.Add("in-library");
        }

        if (r.NextDouble() < 0.1)
        {
            traits.Add("strategic-emerging");
        }

        var sectors = new List<string>();
        if (r.NextDouble() < 0.35)
        {
            sectors.Add(SectorNames[r.Next(SectorNames.Length)]);
            if (sectors[0] == "new-materials" && r.NextDouble() < 0.3)
            {
                sectors.Add("aluminum-based");
            }
        }

        var figures = new Dictionary<string, IReadOnlyDictionary<Period, decimal>>(StringComparer.Ordinal);
        var main = MainRevenue(r);
        if (main.Count > 0)
        {
            figures["mainRevenue"] = main;
            if (r.NextDouble() < 0.2)
            {
                // Strategic-emerging revenue, 30–80 % of main revenue (zz2023-23/6 of the full catalogue).
                var sei = new Dictionary<Period, decimal>();
                foreach (var (p, v) in main)
                {
                    sei[p] = decimal.Floor(v * (decimal)(0.3 + 0.5 * r.NextDouble()));
                }

                figures["seiRevenue"] = sei;
            }
        }

        var operating = OperatingRevenue(r);
        if (operating.Count > 0)
        {
            figures["operatingRevenue"] = operating;
        }

        if (r.NextDouble() < 0.1)
        {
            var kwh = new Dictionary<Period, decimal>();
            var level = Round(r, 200_000 + r.NextDouble() * 5_000_000);
            for (var m = 1; m <= 12; m++)
            {
                kwh[Period.OfMonth(2022, m)] = Round(r, (double)level * (0.7 + 0.6 * r.NextDouble()));
            }

            for (var m = 1; m <= 3; m++)
            {
                kwh[Period.OfMonth(2023, m)] = Round(r, (double)level * (0.8 + 0.6 * r.NextDouble()));
            }

            figures["electricityKwh"] = kwh;
        }

        if (r.NextDouble() < 0.08)
        {
            var x2022 = Round(r, 5e7 + r.NextDouble() * 5e8);
            figures["exports"] = new Dictionary<Period, decimal>
            {
                [Period.OfYear(2022)] = x2022,
                [Period.OfYear(2023)] = Round(r, (double)x2022 * (0.9 + 0.6 * r.NextDouble())),
            };
        }

        return new Dossier
        {
            Uscc = Uscc.WithCheckCharacters("91410100" + index.ToString("D8", CultureInfo.InvariantCulture)),
            Name = $"郑州合成{index}号制造有限公司",
            District = Vocabulary.Districts[r.Next(Vocabulary.Districts.Count)],
            Traits = traits,
            Sectors = sectors,
            Figures = new FigureTable(figures),
            Honors = Honors(r),
            Projects = Projects(r),
            Spending = Spending(r),
        };
    }

    /// <summary>mainRevenue for 2020–2024: large enterprises crossing 50亿/100亿 and later steps, band enterprises of 5000万–5亿, the rest.</summary>
    private static Dictionary<Period, decimal> MainRevenue(Random r)
    {
        var series = new Dictionary<Period, decimal>();
        if (r.NextDouble() < 0.1)
        {
            return series;
        }

        var size = r.NextDouble();
        double v = size < 0.08 ? LogUniform(r, 2e9, 2.2e10)     // large: the 50亿/100亿 crossings and 50亿 steps
            : size < 0.45 ? LogUniform(r, 3e7, 5.5e8)           // the 5000万–5亿 band of /7
            : LogUniform(r, 1e6, 3e9);
        var skip = r.NextDouble() < 0.06 ? 2020 + r.Next(5) : 0;
        for (var y = 2020; y <= 2024; y++)
        {
            if (y > 2020)
            {
                v *= 1 + (-0.15 + 0.6 * r.NextDouble());
            }

            if (y != skip)
            {
                series[Period.OfYear(y)] = Round(r, v);
            }
        }

        // Exact boundaries now and then: 50亿 exactly (not "超过"), 150亿 exactly (a step reached), 25 % growth exactly.
        var edge = r.NextDouble();
        if (edge < 0.01)
        {
            series[Period.OfYear(2024)] = 5_000_000_000m;
        }
        else if (edge < 0.02)
        {
            series[Period.OfYear(2024)] = 15_000_000_000m;
        }
        else if (edge < 0.04 && series.TryGetValue(Period.OfYear(2023), out var b))
        {
            series[Period.OfYear(2024)] = decimal.Floor(b * 1.25m) == b * 1.25m ? b * 1.25m : b;
        }
        else if (edge < 0.05 && series.TryGetValue(Period.OfYear(2022), out var b22))
        {
            series[Period.OfYear(2023)] = b22 * 1.05m;
        }

        return series;
    }

    /// <summary>Quarterly, half-yearly and yearly operatingRevenue of 2022 and 2023 (zzw2022-155/2, /3, /7).</summary>
    private static Dictionary<Period, decimal> OperatingRevenue(Random r)
    {
        var series = new Dictionary<Period, decimal>();
        if (r.NextDouble() < 0.45)
        {
            return series;
        }

        var q1 = LogUniform(r, 5e6, 8e8);
        var growth = -0.2 + 0.8 * r.NextDouble();
        var b = Round(r, q1);
        var c = Round(r, q1 * (1 + growth));
        var edge = r.NextDouble();
        if (edge < 0.03)
        {
            b = Round(r, q1 / 10) * 10;
            c = b * 1.1m;   // exactly 10 %
        }
        else if (edge < 0.05)
        {
            b = Round(r, q1 / 10) * 10;
            c = b * 1.1m - 1;   // one yuan short of 10 %
        }

        if (r.NextDouble() > 0.04)
        {
            series[Period.OfQuarter(2022, 1)] = b;
        }

        if (r.NextDouble() > 0.04)
        {
            series[Period.OfQuarter(2023, 1)] = c;
        }

        if (r.NextDouble() < 0.5)
        {
            series[Period.OfHalf(2022, 1)] = Round(r, (double)b * 2.1);
            series[Period.OfHalf(2023, 1)] = Round(r, (double)c * (2.0 + 0.4 * r.NextDouble()));
            series[Period.OfYear(2022)] = Round(r, (double)b * 4.3);
            series[Period.OfYear(2023)] = Round(r, (double)c * (4.0 + 0.8 * r.NextDouble()));
        }

        return series;
    }

    private static List<Project> Projects(Random r)
    {
        var projects = new List<Project>();
        if (r.NextDouble() > 0.3)
        {
            return projects;
        }

        var n = 1 + r.Next(3);
        for (var i = 0; i < n; i++)
        {
            var k = r.NextDouble();
            var kind = k < 0.6 ? "tech-reform" : k < 0.75 ? "smart" : k < 0.9 ? "new" : "green";
            var total = Round(r, LogUniform(r, 3e6, 3e8));
            if (r.NextDouble() < 0.05)
            {
                total = 10_000_000m;   // exactly the 1000万 bar of /9
            }

            var equipment = decimal.Floor(total * (decimal)(0.4 + 0.5 * r.NextDouble()));
            var completed = r.NextDouble() < 0.9 ? new DateOnly(2023, 1, 1).AddDays(r.Next(731)) : (DateOnly?)null;
            projects.Add(new Project($"P{i + 1}", kind)
            {
                Sei = r.NextDouble() < 0.3,
                Major = r.NextDouble() < 0.02,
                TotalInvestment = total,
                EquipmentInvestment = r.NextDouble() < 0.03 ? null : equipment,
                CompletedOn = completed,
                BenefitRate = kind == "green" ? Math.Round((decimal)(0.05 + 0.1 * r.NextDouble()), 3) : null,
                ReachedOutputOn = kind == "green" && completed is { } c ? c.AddDays(60 + r.Next(200)) : null,
            });
        }

        return projects;
    }

    private static List<Spending> Spending(Random r)
    {
        var spending = new List<Spending>();
        foreach (var year in (int[])[2023, 2024])
        {
            if (r.NextDouble() < 0.25)
            {
                var amount = r.NextDouble() < 0.05 ? 200_000m : Round(r, LogUniform(r, 5e4, 3e6));
                spending.Add(new Spending("exhibition", year, amount));
                if (r.NextDouble() < 0.2)
                {
                    spending.Add(new Spending("exhibition", year, Round(r, LogUniform(r, 1e4, 5e5))));
                }
            }

            if (r.NextDouble() < 0.05)
            {
                spending.Add(new Spending("central-media-ads", year, Round(r, LogUniform(r, 1e5, 6e7))));
            }

            if (year == 2023 && r.NextDouble() < 0.03)
            {
                spending.Add(new Spending("launch-event", year, Round(r, LogUniform(r, 1e5, 3e6))));
            }
        }

        return spending;
    }

    private static List<Honor> Honors(Random r)
    {
        var honors = new List<Honor>();
        if (r.NextDouble() < 0.12)
        {
            honors.Add(new Honor(HonorKinds[r.Next(HonorKinds.Length)], new DateOnly(2022, 6, 1).AddDays(r.Next(900))));
        }

        return honors;
    }

    /// <summary>Whole yuan mostly; one figure in twenty has fen, so that the floors are exercised.</summary>
    private static decimal Round(Random r, double v) =>
        r.NextDouble() < 0.05 ? Math.Round((decimal)v, 2) : decimal.Floor((decimal)v);

    private static double LogUniform(Random r, double from, double to) => Math.Exp(Math.Log(from) + (Math.Log(to) - Math.Log(from)) * r.NextDouble());

    /// <summary>The line of enterprise <paramref name="index"/> in the batch file (contract JSON, one line).</summary>
    public static string Line(int index) => DossierJson.ToJson(Enterprise(index));

    /// <summary>
    /// The first <paramref name="count"/> enterprises as the engine sees them: written as contract JSON and read back by
    /// <see cref="DossierReader"/>, exactly as a batch line is.
    /// </summary>
    public static Dossier[] InMemory(int count)
    {
        var result = new Dossier[count];
        Parallel.For(0, count, i =>
        {
            var read = DossierReader.Read(Line(i));
            result[i] = read.Dossier ?? throw new InvalidOperationException($"enterprise {i}: {string.Join("; ", read.Errors)}");
        });
        return result;
    }

    /// <summary>Writes the first <paramref name="count"/> lines to <paramref name="path"/>, unless a complete file of that size is already there.</summary>
    public static void WriteJsonl(string path, int count)
    {
        var stamp = path + ".complete";
        if (File.Exists(path) && File.Exists(stamp) && File.ReadAllText(stamp) == Stamp(count))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.Delete(stamp);
        using (var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20))
        {
            const int block = 8192;
            var lines = new string[block];
            for (var start = 0; start < count; start += block)
            {
                var n = Math.Min(block, count - start);
                Parallel.For(0, n, i => lines[i] = Line(start + i));
                for (var i = 0; i < n; i++)
                {
                    w.Write(lines[i]);
                    w.Write('\n');
                }
            }
        }

        File.WriteAllText(stamp, Stamp(count));
    }

    private static string Stamp(int count) => $"seed {Seed} lines {count} generator 1";
}

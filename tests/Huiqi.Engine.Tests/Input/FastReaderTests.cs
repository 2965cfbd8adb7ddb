using System.Globalization;
using System.Text;
using CsCheck;
using Huiqi.Engine.Input;
using Huiqi.Engine.Model;
using Huiqi.Engine.Output;

namespace Huiqi.Engine.Tests.Input;

/// <summary>
/// The streaming reading (<c>TryReadFast</c>) against the thorough one (<c>ReadThorough</c>) on random dossiers, most
/// of them with something wrong: the streaming one may give up on anything, but whatever it accepts the thorough one
/// accepts too, as the same dossier; and <see cref="DossierReader.Read(string)"/> answers exactly as the thorough one.
/// </summary>
public class FastReaderTests
{
    /// <summary>Random dossier texts; with <c>noise</c> 0 every value is good (a few escapes and forms aside), above it wrong now and then.</summary>
    private sealed class Dossiers(int noise)
    {
        /// <summary>Gen.Frequency without the alternatives of weight 0 (those of noise, in a clean generator).</summary>
        private static Gen<T> Freq<T>(params (int Weight, Gen<T> Gen)[] choices) => Gen.Frequency([.. choices.Where(c => c.Weight > 0).Select(c => (c.Weight, (IGen<T>)c.Gen))]);

        private static string Quote(string s) => "\"" + s + "\"";

        /// <summary>A word as JSON, now and then with its first character escaped (the same word to the thorough reading).</summary>
        private Gen<string> Word(IEnumerable<string> words, params string[] wrong) =>
            Freq(
                (20, Gen.OneOf([.. words]).Select(Quote)),
                (noise, Gen.OneOf([.. words]).Select(w => Quote($"\\u{(int)w[0]:x4}{w[1..]}"))),
                (noise, Gen.OneOf(["\"\"", "\"  \"", .. wrong.Select(Quote)])));

        private Gen<string> Junk => Gen.OneOf(
            "null", "0", "-1", "1.5", "true", "false", "[]", "{}", "\"\"", "\" \"", "\"x\"", "[1]", "{\"a\":1}", "1e999", "\"\\ud800\"", "\"a\\nb\"");

        /// <summary>Mostly a good value, now and then any other JSON value.</summary>
        private Gen<string> Mostly(Gen<string> good) => noise == 0 ? good : Freq((15, good), (noise, Junk));

        /// <summary>
        /// A number the contract bounds by <paramref name="max"/> (money 1e13 yuan, kWh, m², a margin), written in other
        /// ways too, on the bound now and then; with noise also just or far beyond it, negative where it may not be,
        /// or beyond decimal: both readings must refuse those alike.
        /// </summary>
        private Gen<string> Bounded(decimal max, bool signed = false)
        {
            var m = max.ToString(CultureInfo.InvariantCulture);
            var digits = m.Length - 1;
            var forms = new[] { "1e3", "2.5E+2", "1.5e-2", "300000.00", "-0", "0.0", "1e-30", "0.10", "1.234567890123456789", "0.0000000000000000001" }
                .Where(f => decimal.Parse(f, NumberStyles.Float, CultureInfo.InvariantCulture) <= max).ToArray();
            var good = Freq(
                (4, Gen.Long[0, (long)max].Select(v => v.ToString(CultureInfo.InvariantCulture))),
                (4, Gen.Select(Gen.Long[0, (long)max], Gen.Int[0, 4]).Select((v, s) => (v / (decimal)Math.Pow(10, s)).ToString(CultureInfo.InvariantCulture))),
                (2, Gen.OneOf(forms)),
                (1, Gen.OneOf(m, $"{m}.0", $"{m}.000")),
                (1, Gen.Select(Gen.ULong, Gen.Int[0, 20]).Select((v, point) => Point(v, Math.Max(point, v.ToString(CultureInfo.InvariantCulture).Length - digits)))));
            var wrong = Freq(
                (2, Gen.OneOf($"{m}.01", $"{m}0", $"{m}.5e0", "7.9e28", "1e29", "79228162514264337593543950336", "1234567890123456789", signed ? $"-{m}.5" : "-5")),
                (1, Gen.Select(Gen.ULong, Gen.Int[0, 20]).Select((v, point) => Point(v, point))));
            return Mostly(Freq(
                (signed ? 8 : 12, good),
                (signed ? 4 : 0, good.Select(v => v.StartsWith('-') ? v : "-" + v)),
                (noise, wrong)));
        }

        /// <summary>The digits of <paramref name="v"/> with a decimal point <paramref name="point"/> places from the end.</summary>
        private static string Point(ulong v, int point) =>
            v.ToString(CultureInfo.InvariantCulture) is var t && point > 0 && point < t.Length ? $"{t[..(t.Length - point)]}.{t[(t.Length - point)..]}" : t;

        private Gen<string> Amount => Bounded(DossierReader.MaxYuan);

        /// <summary>The values of a metric, bounded as the contract bounds it.</summary>
        private Gen<string> ValueOf(string metric) => metric switch
        {
            "profit" => Bounded(DossierReader.MaxYuan, signed: true),
            "peerProfitMargin" => Bounded(10, signed: true),
            "electricityKwh" => Bounded(DossierReader.MaxKwh),
            _ => Amount,
        };

        private Gen<string> Rate => Mostly(Freq((4, Gen.OneOf("0", "0.12", "0.125", "10", "10.0", "1E1")), (noise, Gen.OneOf("10.01", "-0.1"))));

        /// <summary>A whole number in [low, high], written in other ways too; with noise also just outside, or not whole.</summary>
        private Gen<string> Integer(int low, int high) => Mostly(Freq(
            (8, Gen.Int[low, high].Select(v => v.ToString(CultureInfo.InvariantCulture))),
            (1, Gen.Int[low, high].Select(v => $"{v}.0")),
            (noise, Gen.Int[low - 2, low - 1].Select(v => v.ToString(CultureInfo.InvariantCulture))),
            (noise, Gen.OneOf($"{high + 1}", $"{low}.5", "2.024e3", "2147483648"))));

        private Gen<string> Year => Integer(1900, 2100);

        private Gen<string> Date => Mostly(Freq(
            (10, Gen.Select(Gen.Int[2015, 2028], Gen.Int[1, 12], Gen.Int[1, 28]).Select((y, m, d) => Quote($"{y:0000}-{m:00}-{d:00}"))),
            (2 * noise, Gen.Select(Gen.Int[0, 2031], Gen.Int[0, 13], Gen.Int[0, 32]).Select((y, m, d) => Quote($"{y:0000}-{m:00}-{d:00}"))),
            (noise, Gen.OneOf("\"2024-1-01\"", "\"2024/01/01\"", "\"2024-02-30\"", "\"2024-02-29\"", "\"2023-02-29\"", "\"\\u0032024-01-01\"", "\"２０２４-01-01\""))));

        private Gen<string> Text => Mostly(Freq(
            (10, Gen.OneOf("郑州示例有限公司", "P1", "P2", "高精度压力传感器", "a b", "ZL2023100000001").Select(Quote)),
            (1, Gen.OneOf("\"\\u00e9\"", "\"\\\"q\\\"\"", "\"\\t\"", "\"\\u3000\"", "\"é\"", "\"\\ud83d\\ude00\"", "\"😀\""))));

        private Gen<string> UsccValue => Mostly(Freq(
            (10, Gen.Char[Uscc.Alphabet].Array[8].Select(body => Quote(Uscc.WithCheckCharacters("91410100" + new string(body))))),
            (noise, Gen.OneOf("\"91410100MA3159566X\"", "\"91410100MA3159566\"", "\"91410100ma3159566w\""))));

        private Gen<string> Bool => Mostly(Gen.OneOf("true", "false"));

        private Gen<string> PeriodKey => Freq(
            (10, Gen.Select(Gen.Int[2019, 2025], Gen.Int[0, 3], Gen.Int[1, 12]).Select((y, kind, n) => kind switch
            {
                0 => $"{y}",
                1 => $"{y}H{1 + n % 2}",
                2 => $"{y}Q{1 + n % 4}",
                _ => $"{y}-{n:00}",
            })),
            (noise, Gen.OneOf("1899", "2101", "2024H3", "2024Q0", "2024-13", "2024-00", "24", "2024x", "\\u0032024", "")));

        /// <summary>A period → number object; keys repeat now and then, as random keys do.</summary>
        private Gen<string> Series(bool yearsOnly) => Series(yearsOnly, Amount);

        private Gen<string> Series(bool yearsOnly, Gen<string> value) => Mostly(
            Gen.Select(yearsOnly ? Freq((8, Gen.Int[2019, 2025].Select(y => $"{y}")), (noise, PeriodKey)) : PeriodKey, value)
                .Array[0, 5]
                .Select(pairs => "{" + string.Join(",", pairs.Select(p => $"{Quote(p.Item1)}:{p.Item2}")) + "}"));

        private Gen<string> Figures => Mostly(
            Freq((15, Gen.OneOf([.. Vocabulary.Metrics.Keys])), (noise, Gen.OneOf("revenue", "\\u006dainRevenue")))
                .SelectMany(metric => Series(false, ValueOf(metric)).Select(series => (metric, series)))
                .Array[0, 4]
                .Select(pairs => "{" + string.Join(",", pairs.Select(p => $"{Quote(p.Item1)}:{p.Item2}")) + "}"));

        /// <summary>
        /// An object of the given fields (required ones present far more often); now and then with an unknown field, a
        /// repeated field or an escaped name, and with white space here and there.
        /// </summary>
        private Gen<string> Obj(params (string Name, Gen<string> Value, bool Required)[] fields)
        {
            var parts = fields.Aggregate(
                Gen.Const(new List<string>()),
                (acc, f) => acc.SelectMany(list => Freq(
                        (f.Required ? noise : 4, Gen.Const((string?)null)),
                        (f.Required ? 40 : 4, f.Value.Select(v => (string?)$"{Quote(f.Name)}:{v}")))
                    .Select(part => part is null ? list : [.. list, part])));
            return Gen.Select(parts, Gen.Int[noise == 0 ? 3 : 0, 30], Gen.Bool).Select((list, mutation, spaced) =>
            {
                var items = list.ToList();
                if (items.Count > 0)
                {
                    switch (mutation)
                    {
                        case 0:
                            items.Add("\"extra\":1");
                            break;
                        case 1:
                            items.Add(items[0]);
                            break;
                        case 2:
                            items[0] = $"\"\\u{(int)items[0][1]:x4}{items[0][2..]}";
                            break;
                        case 3:
                            items.Reverse();
                            break;
                    }
                }

                return spaced ? "{ " + string.Join(" ,\n ", items) + " }" : "{" + string.Join(",", items) + "}";
            });
        }

        private Gen<string> Section(Gen<string> item) => Mostly(item.Array[0, 3].Select(items => "[" + string.Join(",", items) + "]"));

        private Gen<string> Words(IEnumerable<string> words) => Mostly(Word(words, "unknown").Array[0, 4].Select(w => "[" + string.Join(",", w) + "]"));

        private Gen<string> Project => Obj(
            ("id", Freq((6, Gen.OneOf("\"P1\"", "\"P2\"", "\"P3\"", "\"P4\"", "\"P5\"", "\"P6\"", "\"P7\"")), (noise, Text)), true),
            ("kind", Word(Vocabulary.ProjectKinds.Keys, "tech"), true),
            ("sei", Bool, false),
            ("major", Bool, false),
            ("totalInvestment", Amount, false),
            ("equipmentInvestment", Amount, false),
            ("benefitRate", Rate, false),
            ("completedOn", Date, false),
            ("reachedOutputOn", Date, false),
            ("enteredLibraryOn", Date, false),
            ("figures", Mostly(Obj(("investment", Series(false), false))), false),
            ("signedOn", Date, false),
            ("startedOn", Date, false),
            ("contractInvestment", Amount, false));

        public Gen<string> DossierText => Obj(
            ("uscc", UsccValue, true),
            ("name", Text, true),
            ("district", Word(Vocabulary.Districts, "郑州市"), true),
            ("traits", Words(Vocabulary.Traits.Keys), false),
            ("sectors", Words(Vocabulary.Sectors.Keys), false),
            ("relocatedOn", Date, false),
            ("figures", Figures, false),
            ("rankings", Section(Obj(("list", Word(Vocabulary.RankingLists.Keys), true), ("year", Year, true), ("rank", Integer(1, 600), true), ("date", Date, true))), false),
            ("honors", Section(Obj(("kind", Word(Vocabulary.HonorKinds.Keys, "smart"), true), ("date", Date, true), ("item", Text, false), ("stars", Integer(1, 6), false), ("provincialFunding", Amount, false), ("sales", Amount, false))), false),
            ("projects", Section(Project), false),
            ("spending", Section(Obj(("kind", Word(Vocabulary.SpendingKinds.Keys), true), ("year", Year, true), ("amount", Amount, true))), false),
            ("procurement", Section(Obj(("year", Year, true), ("supplier", UsccValue, true), ("amount", Amount, true), ("chain", Word(Vocabulary.SupplyChains.Keys), true))), false),
            ("patentProducts", Section(Obj(("id", Text, true), ("grantedOn", Date, true), ("sales", Series(true), false))), false),
            ("premises", Section(Obj(("kind", Word(Vocabulary.PremisesKinds.Keys), true), ("area", Bounded(DossierReader.MaxArea), true), ("since", Date, true), ("date", Date, true))), false),
            ("training", Section(Obj(("kind", Word(Vocabulary.TrainingKinds.Keys), true), ("year", Year, true), ("count", Integer(0, DossierReader.MaxTrainees), true))), false),
            ("grants", Section(Obj(("clause", Mostly(Freq((4, Gen.OneOf("\"zz2023-23/15\"", "\"sj-sangao/5.1\"")), (noise, Gen.OneOf("\"zz2023-23\"", "\"ZZ/1\"")))), true), ("item", Text, false), ("amount", Amount, true), ("date", Date, true), ("year", Year, false))), false));
    }

    /// <summary>The dossier text, now and then broken as a whole: cut short, followed by more, a byte-order mark, a lone surrogate.</summary>
    private static readonly Gen<string> Texts = Gen.Frequency(
        (1, new Dossiers(0).DossierText),
        (1, Gen.Select(new Dossiers(1).DossierText, Gen.Int[0, 40], Gen.Int[0, 1000]).Select((text, mutation, at) => mutation switch
    {
        0 => text[..(at % text.Length)],
        1 => text + " {}",
        2 => "\uFEFF" + text,
        3 => text.Insert(at % text.Length, "\ud800"),
        4 => text + " \n",
        5 => "[" + text + "]",
        6 => text.Remove(at % text.Length, 1),
        _ => text,
    })));

    [Fact]
    public void The_streaming_reading_accepts_only_what_the_thorough_one_accepts_and_builds_the_same_dossier()
    {
        var accepted = 0;
        var fast = 0;
        Texts.Sample(text =>
        {
            var thorough = DossierReader.ReadThorough(text);
            var streamed = DossierReader.TryReadFast(text);
            var read = DossierReader.Read(text);
            Assert.Equal(thorough.Ok, read.Ok);
            Assert.Equal(thorough.Errors, read.Errors);
            if (streamed is not null)
            {
                Assert.True(thorough.Ok, $"accepted by the streaming reading only: {text}\n{string.Join("\n", thorough.Errors)}");
                AssertSame(thorough.Dossier!, streamed);
                fast++;
            }

            if (thorough.Ok)
            {
                accepted++;
                AssertSame(thorough.Dossier!, read.Dossier!);
                AssertSame(thorough.Dossier!, DossierReader.Read(Encoding.UTF8.GetBytes(text)).Dossier!);

                // The platform's own writing of a dossier never needs the thorough reading.
                var canonical = DossierJson.ToJson(thorough.Dossier!);
                Assert.True(DossierReader.TryReadFast(canonical) is not null, canonical);
            }
        }, iter: 20_000, threads: 1);

        // Both outcomes must be well represented for the comparison to mean anything.
        Assert.True(accepted is > 1_000 and < 19_000, $"{accepted} of 20,000 valid");
        Assert.True(fast > accepted / 2, $"the streaming reading took {fast} of {accepted} valid dossiers");
    }

    /// <summary>Field by field, with the collections' types and order and the decimals' scales, not only their values.</summary>
    private static void AssertSame(Dossier expected, Dossier actual)
    {
        Assert.Equal(expected.Uscc, actual.Uscc);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Same(expected.District, actual.District);
        AssertList(expected.Traits, actual.Traits);
        AssertList(expected.Sectors, actual.Sectors);
        Assert.Equal(expected.RelocatedOn, actual.RelocatedOn);
        Assert.Equal(expected.Figures.Metrics, actual.Figures.Metrics);
        foreach (var metric in expected.Figures.Metrics)
        {
            expected.Figures.TryGetSeries(metric, out var e);
            actual.Figures.TryGetSeries(metric, out var a);
            AssertSeries(e, a);
        }

        AssertList(expected.Rankings, actual.Rankings);
        AssertList(expected.Honors, actual.Honors);
        AssertList(expected.Projects, actual.Projects, (e, a) =>
        {
            Assert.Equal(e with { CumulativeInvestment = a.CumulativeInvestment }, a);
            AssertSeries(e.CumulativeInvestment, a.CumulativeInvestment);
        });
        AssertList(expected.Spending, actual.Spending);
        AssertList(expected.Procurement, actual.Procurement);
        AssertList(expected.PatentProducts, actual.PatentProducts, (e, a) =>
        {
            Assert.Equal((e.Id, e.GrantedOn), (a.Id, a.GrantedOn));
            Assert.Equal(e.Sales.GetType(), a.Sales.GetType());
            Assert.Equal(e.Sales.Select(Scaled), a.Sales.Select(Scaled));
        });
        AssertList(expected.Premises, actual.Premises);
        AssertList(expected.Training, actual.Training);
        AssertList(expected.Grants, actual.Grants);
        Assert.Equal(DossierJson.ToJson(expected), DossierJson.ToJson(actual));
    }

    private static string Scaled<TKey>(KeyValuePair<TKey, decimal> p) => $"{p.Key}={p.Value.ToString(CultureInfo.InvariantCulture)}";

    private static void AssertSeries(IReadOnlyDictionary<Period, decimal> expected, IReadOnlyDictionary<Period, decimal> actual)
    {
        Assert.Equal(expected.GetType(), actual.GetType());
        Assert.Equal(expected.Select(Scaled), actual.Select(Scaled));
    }

    /// <summary>Same type and items in the same order; records compare their collections by reference, so those are checked by <paramref name="also"/>.</summary>
    private static void AssertList<T>(IEnumerable<T> expected, IEnumerable<T> actual, Action<T, T>? also = null)
    {
        Assert.Equal(expected.GetType(), actual.GetType());
        var e = expected.ToList();
        var a = actual.ToList();
        Assert.Equal(e.Count, a.Count);
        for (var i = 0; i < e.Count; i++)
        {
            if (also is null)
            {
                Assert.Equal(e[i], a[i]);
            }
            else
            {
                also(e[i], a[i]);
            }
        }
    }
}

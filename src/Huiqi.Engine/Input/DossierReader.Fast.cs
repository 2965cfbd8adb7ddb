using System.Buffers;
using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Huiqi.Engine.Model;

namespace Huiqi.Engine.Input;

public static partial class DossierReader
{
    /// <summary>
    /// The dossier of a JSON text read in one streaming pass, or null when the text is not plainly valid; the thorough
    /// reading then finds and words every error. Text that is not Unicode is left to it too.
    /// </summary>
    internal static Dossier? TryReadFast(string json)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            return Utf8.FromUtf16(json, buffer, out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done
                ? TryReadFast(buffer.AsSpan(0, written))
                : null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The dossier of valid UTF-8 read with <see cref="Utf8JsonReader"/> — no document, no path strings, no error
    /// messages — or null at the first thing the thorough reading might object to: an error, but also anything it
    /// treats with more care (an escaped name or string, a repeated key, a series of more than its scratch holds).
    /// It accepts nothing the thorough reading refuses, and builds the same dossier from the same collection types.
    /// </summary>
    internal static Dossier? TryReadFast(ReadOnlySpan<byte> utf8)
    {
        var fast = _spareFast ?? new FastReader();
        _spareFast = null;
        try
        {
            // Default options, as JsonDocument.Parse reads: no comments, no trailing commas, depth 64.
            var reader = new Utf8JsonReader(utf8);
            return fast.ReadDossier(ref reader);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
        finally
        {
            fast.Reset();
            _spareFast = fast;
        }
    }

    [ThreadStatic]
    private static FastReader? _spareFast;

    /// <summary>The sign rule of each metric of <see cref="MetricWords"/>, by its index, as the thorough reading picks it.</summary>
    private static readonly Sign[] MetricSigns = Array.ConvertAll(MetricWords.Text, SignOf);

    /// <summary>One streaming reading at a time, with its scratch; every method answers false (or null) to give up.</summary>
    private sealed class FastReader
    {
        private readonly KeyValuePair<Period, decimal>[] _entries = new KeyValuePair<Period, decimal>[Reader.ScratchKeys];
        private readonly Dictionary<string, IReadOnlyDictionary<Period, decimal>> _byMetric = new(StringComparer.Ordinal);

        private readonly FieldValues?[] _slots = new FieldValues?[Plans];

        public void Reset() => _byMetric.Clear();

        public Dossier? ReadDossier(ref Utf8JsonReader r)
        {
            if (!r.Read() || r.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            string? uscc = null, name = null, district = null;
            IReadOnlySet<string> traits = NoTraits;
            IReadOnlyList<string> sectors = [];
            DateOnly? relocatedOn = null;
            var figures = FigureTable.Empty;
            IReadOnlyList<Ranking> rankings = [];
            IReadOnlyList<Honor> honors = [];
            IReadOnlyList<Project> projects = [];
            IReadOnlyList<Spending> spending = [];
            IReadOnlyList<Procurement> procurement = [];
            IReadOnlyList<PatentProduct> patentProducts = [];
            IReadOnlyList<Premises> premises = [];
            IReadOnlyList<Training> training = [];
            IReadOnlyList<Grant> grants = [];
            var seen = 0UL;
            while (NextField(ref r))
            {
                var k = Field(ref r, TopLevelFields, ref seen);
                if (k < 0)
                {
                    return null;
                }

                if (r.TokenType == JsonTokenType.Null)
                {
                    continue;
                }

                var ok = k switch
                {
                    0 => Text(ref r, out uscc) && Uscc.Check("uscc", uscc) is null,
                    1 => Text(ref r, out name),
                    2 => Word(ref r, DistrictWords, out district),
                    3 => Traits(ref r, out traits),
                    4 => WordList(ref r, SectorWords, out sectors),
                    5 => Date(ref r, out relocatedOn),
                    6 => Figures(ref r, out figures),
                    7 => Section(ref r, RankingPlan, out rankings),
                    8 => Section(ref r, HonorPlan, out honors),
                    9 => Section(ref r, ProjectPlan, out projects),
                    10 => Section(ref r, SpendingPlan, out spending),
                    11 => Section(ref r, ProcurementPlan, out procurement),
                    12 => Section(ref r, PatentProductPlan, out patentProducts),
                    13 => Section(ref r, PremisesPlan, out premises),
                    14 => Section(ref r, TrainingPlan, out training),
                    _ => Section(ref r, GrantPlan, out grants),
                };
                if (!ok)
                {
                    return null;
                }
            }

            // Nothing may follow the object (the reader throws on anything but white space).
            if (uscc is null || name is null || district is null || r.Read())
            {
                return null;
            }

            return NewDossier(
                uscc, name, district, traits, sectors, relocatedOn, figures,
                rankings, honors, projects, spending, procurement, patentProducts, premises, training, grants);
        }

        /// <summary>An array of objects, each read field by field as its section's plan says; an empty array is the shared empty list.</summary>
        private bool Section<T>(ref Utf8JsonReader r, Plan<T> plan, out IReadOnlyList<T> section)
            where T : class
        {
            section = [];
            if (r.TokenType != JsonTokenType.StartArray)
            {
                return false;
            }

            var values = _slots[plan.Slot] ??= new FieldValues(plan.Fields.Length);
            List<T>? items = null;
            while (r.Read() && r.TokenType != JsonTokenType.EndArray)
            {
                if (r.TokenType != JsonTokenType.StartObject)
                {
                    return false;
                }

                values.Clear();
                var seen = 0UL;
                while (NextField(ref r))
                {
                    var k = Field(ref r, plan.Known, ref seen);
                    if (k < 0 || (r.TokenType != JsonTokenType.Null && !ReadField(ref r, plan, k, values)))
                    {
                        return false;
                    }
                }

                foreach (var k in plan.Required)
                {
                    if (!values[k].HasValue)
                    {
                        return false;
                    }
                }

                (items ??= []).Add(plan.Section.Create(values));
            }

            if (items is not null)
            {
                if (plan.Distinct >= 0 && !DistinctValues(items, plan))
                {
                    return false;
                }

                section = items;
            }

            return true;
        }

        /// <summary>One field's value into its slot; false when the thorough reading might object to it.</summary>
        private bool ReadField(ref Utf8JsonReader r, Plan plan, int k, FieldValues values)
        {
            var field = plan.Fields[k];
            IReadOnlyDictionary<Period, decimal>? inner = null;
            return field.Kind switch
            {
                FieldKind.Word => Set(values, k, Word(ref r, plan.Vocabularies[k]!, out var word), FieldValue.Of(word)),
                FieldKind.Money or FieldKind.Area or FieldKind.Rate => Set(values, k, Number(ref r, plan.Signs[k], out var number), FieldValue.Of(number)),
                FieldKind.Integer => Set(values, k, Int(ref r, field.Min, field.Max, out var whole), FieldValue.Of(whole)),
                FieldKind.Year => Set(values, k, Year(ref r, out var year), FieldValue.Of(year)),
                FieldKind.Date => Set(values, k, Date(ref r, out var date), FieldValue.Of(date)),
                FieldKind.Bool => Set(values, k, Bool(ref r, out var truth), FieldValue.OfBool(truth)),
                FieldKind.Series => Set(values, k, InnerSeries(ref r, plan.Inner[k]!, ref inner), FieldValue.Of(inner)),
                FieldKind.YearSeries => Set(values, k, Series(ref r, Sign.Money, yearsOnly: true, out var sales), FieldValue.Of(sales)),
                _ => Set(
                    values,
                    k,
                    Text(ref r, out var text)
                        && (field.Kind != FieldKind.Uscc || Uscc.Check(field.Name, text!) is null)
                        && (field.Kind != FieldKind.Clause || ClauseSyntax().IsMatch(text!)),
                    FieldValue.Of(text)),
            };
        }

        /// <summary>Puts a value read in its slot and passes on whether it was read (the arguments are evaluated in order).</summary>
        private static bool Set(FieldValues values, int k, bool ok, FieldValue value)
        {
            values[k] = value;
            return ok;
        }

        /// <summary>A series held in an object under one name (a project's <c>figures.investment</c>); absent or null leaves none.</summary>
        private bool InnerSeries(ref Utf8JsonReader r, Words inner, ref IReadOnlyDictionary<Period, decimal>? series)
        {
            if (r.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var seen = 0UL;
            while (NextField(ref r))
            {
                if (Field(ref r, inner, ref seen) < 0)
                {
                    return false;
                }

                if (r.TokenType != JsonTokenType.Null)
                {
                    if (!Series(ref r, Sign.Money, yearsOnly: false, out var values))
                    {
                        return false;
                    }

                    series = values;
                }
            }

            return true;
        }

        /// <summary>A distinct field's values (project ids name awards) do not repeat (the thorough reading reports a repeat).</summary>
        private static bool DistinctValues<T>(List<T> items, Plan<T> plan)
            where T : class
        {
            var get = plan.Section.Typed[plan.Distinct].Get;
            for (var i = 1; i < items.Count; i++)
            {
                var text = get(items[i]).Text;
                for (var j = 0; j < i; j++)
                {
                    if (string.Equals(text, get(items[j]).Text, StringComparison.Ordinal))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        private static bool Traits(ref Utf8JsonReader r, out IReadOnlySet<string> traits)
        {
            traits = NoTraits;
            if (!WordList(ref r, TraitWords, out var words))
            {
                return false;
            }

            if (words.Count > 0)
            {
                traits = new WordSet(words);
            }

            return true;
        }

        /// <summary>An array of vocabulary words (traits, sectors), repeats kept as the thorough reading keeps them.</summary>
        private static bool WordList(ref Utf8JsonReader r, Words vocabulary, out IReadOnlyList<string> words)
        {
            words = [];
            if (r.TokenType != JsonTokenType.StartArray)
            {
                return false;
            }

            List<string>? list = null;
            while (r.Read() && r.TokenType != JsonTokenType.EndArray)
            {
                if (!Word(ref r, vocabulary, out var word))
                {
                    return false;
                }

                (list ??= []).Add(word!);
            }

            if (list is not null)
            {
                words = list;
            }

            return true;
        }

        private bool Figures(ref Utf8JsonReader r, out FigureTable table)
        {
            table = FigureTable.Empty;
            if (r.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var seen = 0UL;
            var byMetric = _byMetric;
            byMetric.Clear();
            while (NextField(ref r))
            {
                var k = Field(ref r, MetricWords, ref seen);
                if (k < 0 || !Series(ref r, MetricSigns[k], yearsOnly: false, out var series))
                {
                    return false;
                }

                if (series.Count > 0)
                {
                    byMetric[MetricWords.Text[k]] = series;
                }
            }

            if (byMetric.Count > 0)
            {
                table = new FigureTable(MetricValues.Of(byMetric));
                byMetric.Clear();
            }

            return true;
        }

        /// <summary>A period → number object, as many keys as the thorough reading's scratch (beyond, it builds another type).</summary>
        private bool Series(ref Utf8JsonReader r, Sign sign, bool yearsOnly, out IReadOnlyDictionary<Period, decimal> series)
        {
            series = FrozenDictionary<Period, decimal>.Empty;
            if (r.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var n = 0;
            while (NextField(ref r))
            {
                if (r.ValueIsEscaped || n == _entries.Length || !Reader.TryParsePeriod(r.ValueSpan, out var period)
                    || (yearsOnly && period.Kind != PeriodKind.Year) || Given(period, n)
                    || !r.Read() || !Number(ref r, sign, out var value))
                {
                    return false;
                }

                _entries[n] = new(period, value!.Value);
                n++;
            }

            series = new PeriodValues(_entries.AsSpan(0, n));
            return true;
        }

        private bool Given(Period period, int n)
        {
            for (var i = 0; i < n; i++)
            {
                if (_entries[i].Key == period)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Moves to the next property name of an object; false at its end.</summary>
        private static bool NextField(ref Utf8JsonReader r) => r.Read() && r.TokenType == JsonTokenType.PropertyName;

        /// <summary>The index of a known, unescaped, not yet seen field name, with the reader moved onto its value; −1 otherwise.</summary>
        private static int Field(ref Utf8JsonReader r, Words known, ref ulong seen)
        {
            if (r.ValueIsEscaped)
            {
                return -1;
            }

            var k = known.IndexOf(r.ValueSpan);
            if (k < 0 || (seen & (1UL << k)) != 0 || !r.Read())
            {
                return -1;
            }

            seen |= 1UL << k;
            return k;
        }

        private static bool Text(ref Utf8JsonReader r, out string? text)
        {
            text = null;
            if (r.TokenType != JsonTokenType.String)
            {
                return false;
            }

            // Names may hold quotes or tabs, which writers escape; a lone escaped surrogate throws, and is left to the thorough reading.
            var s = r.ValueIsEscaped ? r.GetString()! : Encoding.UTF8.GetString(r.ValueSpan);
            if (string.IsNullOrWhiteSpace(s))
            {
                return false;
            }

            text = s;
            return true;
        }

        private static bool Word(ref Utf8JsonReader r, Words vocabulary, out string? word)
        {
            word = null;
            if (r.TokenType != JsonTokenType.String || r.ValueIsEscaped || vocabulary.IndexOf(r.ValueSpan) is not (var i and >= 0))
            {
                return false;
            }

            word = vocabulary.Text[i];
            return true;
        }

        private static bool Number(ref Utf8JsonReader r, Sign sign, out decimal? number)
        {
            number = null;
            if (r.TokenType != JsonTokenType.Number || !TryGetDecimal(ref r, out var value))
            {
                return false;
            }

            var ok = Admits(sign, value);
            number = ok ? value : null;
            return ok;
        }

        /// <summary>
        /// The reader's decimal (value and scale) for the plain form most figures take — digits with at most one point,
        /// nineteen digits at most — without the general number parser; any other form goes to the reader.
        /// </summary>
        private static bool TryGetDecimal(ref Utf8JsonReader r, out decimal value)
        {
            var s = r.ValueSpan;
            if (s.Length <= 20)
            {
                ulong units = 0;
                var scale = -1;
                var digits = 0;
                foreach (var b in s)
                {
                    var d = unchecked((uint)(b - '0'));
                    if (d <= 9)
                    {
                        // Twenty digits may wrap; they are counted and sent to the reader below.
                        units = unchecked(units * 10 + d);
                        digits++;
                        scale += scale >= 0 ? 1 : 0;
                    }
                    else if (b == '.' && scale < 0)
                    {
                        scale = 0;
                    }
                    else
                    {
                        return r.TryGetDecimal(out value);
                    }
                }

                if (digits <= 19)
                {
                    value = new decimal(unchecked((int)units), unchecked((int)(units >> 32)), 0, false, (byte)Math.Max(scale, 0));
                    return true;
                }
            }

            return r.TryGetDecimal(out value);
        }

        private static bool Int(ref Utf8JsonReader r, int min, out int? number) => Int(ref r, min, int.MaxValue, out number);

        private static bool Year(ref Utf8JsonReader r, out int? year) => Int(ref r, 1900, 2100, out year);

        private static bool Int(ref Utf8JsonReader r, int min, int max, out int? number)
        {
            number = null;
            if (!Number(ref r, Sign.Any, out var value) || value is not { } v || !decimal.IsInteger(v) || v < min || v > max)
            {
                return false;
            }

            number = (int)v;
            return true;
        }

        private static bool Date(ref Utf8JsonReader r, out DateOnly? date)
        {
            date = null;
            if (r.TokenType != JsonTokenType.String || r.ValueIsEscaped || !Reader.IsDateSyntax(r.ValueSpan))
            {
                return false;
            }

            var t = r.ValueSpan;
            var y = Reader.Digits(t, 0, 4);
            var m = Reader.Digits(t, 5, 2);
            var d = Reader.Digits(t, 8, 2);
            if (y < 1 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
            {
                return false;
            }

            date = new DateOnly(y, m, d);
            return true;
        }

        private static bool Bool(ref Utf8JsonReader r, out bool? value)
        {
            value = r.TokenType switch
            {
                JsonTokenType.True => true,
                JsonTokenType.False => false,
                _ => null,
            };
            return value is not null;
        }
    }
}

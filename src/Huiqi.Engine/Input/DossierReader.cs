using System.Collections.Frozen;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Huiqi.Engine.Model;

namespace Huiqi.Engine.Input;

/// <summary>The outcome of reading a dossier: the dossier when every field passed, else every error found.</summary>
public sealed record DossierReadResult(Dossier? Dossier, IReadOnlyList<InputError> Errors)
{
    public bool Ok => Errors.Count == 0 && Dossier is not null;
}

/// <summary>
/// A question read: the dossier (or its errors), the award year from the caller or the worked example, and whether the
/// text was JSON at all (a caller asks for a missing year only of well-formed input).
/// </summary>
public sealed record QuestionReadResult(DossierReadResult Read, int? Year, bool WellFormed = true);

/// <summary>
/// Reads a dossier (一企一档) from the contract JSON of dossier.md and checks every field of it. An unknown field, trait,
/// metric or kind is an error, never skipped: a fact silently dropped is an award silently lost. All errors are
/// collected, so an enterprise or a district bureau can fix a dossier in one go; bad input never throws.
/// </summary>
public static partial class DossierReader
{
    /// <summary>Reads a dossier from JSON text; malformed JSON is one error at <c>(root)</c> with the parser's line and byte.</summary>
    public static DossierReadResult Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return TryReadFast(json) is { } dossier ? new DossierReadResult(dossier, []) : ReadThorough(json);
    }

    /// <summary>The reading that finds and words every error (<see cref="Read(string)"/> takes it when the streaming one gives up).</summary>
    internal static DossierReadResult ReadThorough(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Read(document.RootElement);
        }
        catch (JsonException e)
        {
            return Malformed(e);
        }
        catch (ArgumentException)
        {
            return NotUnicode();
        }
    }

    /// <summary>Reads a dossier from UTF-8 JSON (a leading byte-order mark is allowed).</summary>
    public static DossierReadResult Read(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.StartsWith(Encoding.UTF8.Preamble))
        {
            utf8Json = utf8Json[Encoding.UTF8.Preamble.Length..];
        }

        if (!Utf8.IsValid(utf8Json))
        {
            return NotUnicode();
        }

        if (TryReadFast(utf8Json) is { } dossier)
        {
            return new DossierReadResult(dossier, []);
        }

        try
        {
            using var document = JsonDocument.Parse(utf8Json.ToArray());
            return Read(document.RootElement);
        }
        catch (JsonException e)
        {
            return Malformed(e);
        }
    }

    /// <summary>
    /// Reads a question put to the engine, as the command line and the web API both take it: a dossier, or a worked
    /// example (<c>{"year": …, "dossier": {…}}</c>) whose year is used when the caller gives none.
    /// </summary>
    public static QuestionReadResult ReadQuestion(ReadOnlySpan<byte> utf8Json, int? year)
    {
        if (utf8Json.StartsWith(Encoding.UTF8.Preamble))
        {
            utf8Json = utf8Json[Encoding.UTF8.Preamble.Length..];
        }

        if (!Utf8.IsValid(utf8Json))
        {
            return new(NotUnicode(), year, WellFormed: false);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json.ToArray());
        }
        catch (JsonException e)
        {
            return new(Malformed(e), year, WellFormed: false);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("dossier", out var inner))
            {
                var read = Read(inner);
                if (root.TryGetProperty("year", out var y) && y.ValueKind != JsonValueKind.Null)
                {
                    // A year the wrapper states but that is no year ("2024", 2024.5, 1e400) is an error naming it, even
                    // when the caller gives one: the question is not well formed, so no one asks for a missing year.
                    var (wrapped, error) = WrapperYear(y);
                    if (error is not null)
                    {
                        return new(new DossierReadResult(null, [error, .. read.Errors]), year, WellFormed: false);
                    }

                    year ??= wrapped;
                }

                return new(read, year);
            }

            return new(Read(root), year);
        }
    }

    /// <summary>The award year of a worked example's wrapper, a whole year as items give theirs (1900 to 2100), or the error at <c>year</c>.</summary>
    private static (int? Year, InputError? Error) WrapperYear(JsonElement y)
    {
        var reader = new Reader();
        var year = reader.Int(y, "year", 1900, 2100, "评估年度", "the award year");
        return (year, reader.Errors.Count > 0 ? reader.Errors[0] : null);
    }

    /// <summary>Reads a question from JSON text (see the UTF-8 overload).</summary>
    public static QuestionReadResult ReadQuestion(string json, int? year) => ReadQuestion(Encoding.UTF8.GetBytes(json), year);

    /// <summary>Checks a parsed dossier object; the result holds the dossier only when there is no error.</summary>
    public static DossierReadResult Read(JsonElement dossier)
    {
        if (dossier.ValueKind == JsonValueKind.Undefined)
        {
            return new DossierReadResult(null, [new InputError(InputError.Root, null, "没有企业档案", "there is no dossier")]);
        }

        // Each thread keeps one reader (its scratch and item readers) and hands it out to one reading at a time.
        var reader = _spareReader ?? new Reader();
        _spareReader = null;
        reader.Errors.Clear();
        Dossier? result;
        try
        {
            result = reader.ReadDossier(dossier);
        }
        catch (InvalidOperationException)
        {
            // A string escaping a lone surrogate (\ud800) parses, but cannot be read as text.
            return NotUnicode();
        }

        var read = reader.Errors.Count == 0 && result is not null
            ? new DossierReadResult(result, [])
            : new DossierReadResult(null, [.. reader.Errors]);
        reader.Errors.Clear();
        _spareReader = reader;
        return read;
    }

    [ThreadStatic]
    private static Reader? _spareReader;

    private static DossierReadResult NotUnicode() =>
        new(null, [new InputError(InputError.Root, null, "输入含有无效的Unicode字符", "the input holds text that is not valid Unicode")]);

    private static DossierReadResult Malformed(JsonException e)
    {
        var line = (e.LineNumber ?? 0) + 1;
        var position = (e.BytePositionInLine ?? 0) + 1;
        var detail = e.Message;
        var cut = detail.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0)
        {
            detail = detail[..cut];
        }

        return new DossierReadResult(null, [new InputError(
            InputError.Root,
            null,
            $"JSON格式错误（第{line}行第{position}字节）",
            $"malformed JSON at line {line}, byte {position}: {detail}")]);
    }

    /// <summary>A clause reference: a document id, a slash, a clause number (<c>zz2023-23/15</c>, <c>sj-sangao/5.1</c>).</summary>
    [GeneratedRegex(@"^[a-z][a-z0-9]*(-[a-z0-9]+)*/[0-9]+(\.[0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex ClauseSyntax();

    // The field names of the dossier and of its sections come from the contract's table (FactFields).
    private static readonly Words TopLevelFields = new([.. FactFields.Head.Select(f => f.Name), .. FactFields.Sections.Select(s => s.Name)]);

    // The closed vocabularies, matched on the JSON's own UTF-8 bytes (no string is made for a known word).
    private static readonly Words TraitWords = new(Vocabulary.Traits.Keys);
    private static readonly Words SectorWords = new(Vocabulary.Sectors.Keys);
    private static readonly Words MetricWords = new(Vocabulary.Metrics.Keys);
    private static readonly Words RankingListWords = new(Vocabulary.RankingLists.Keys);
    private static readonly Words HonorKindWords = new(Vocabulary.HonorKinds.Keys);
    private static readonly Words ProjectKindWords = new(Vocabulary.ProjectKinds.Keys);
    private static readonly Words SpendingKindWords = new(Vocabulary.SpendingKinds.Keys);
    private static readonly Words SupplyChainWords = new(Vocabulary.SupplyChains.Keys);
    private static readonly Words PremisesKindWords = new(Vocabulary.PremisesKinds.Keys);
    private static readonly Words TrainingKindWords = new(Vocabulary.TrainingKinds.Keys);
    private static readonly Words DistrictWords = new(Vocabulary.Districts);

    /// <summary>The closed vocabularies by the table that holds them, so a field's words are matched with the list above.</summary>
    private static Words VocabularyOf(IReadOnlyDictionary<string, string> words) =>
        new[] { TraitWords, SectorWords, RankingListWords, HonorKindWords, ProjectKindWords, SpendingKindWords, SupplyChainWords, PremisesKindWords, TrainingKindWords }
            .FirstOrDefault(w => w.Count == words.Count && w.Text.SequenceEqual(words.Keys)) ?? new Words(words.Keys);

    // One reading plan per section of the contract's table (made after the word lists they use).
    private static readonly Plan<Ranking> RankingPlan = new(FactFields.Rankings, 0);
    private static readonly Plan<Honor> HonorPlan = new(FactFields.Honors, 1);
    private static readonly Plan<Project> ProjectPlan = new(FactFields.Projects, 2);
    private static readonly Plan<Spending> SpendingPlan = new(FactFields.Spending, 3);
    private static readonly Plan<Procurement> ProcurementPlan = new(FactFields.Procurement, 4);
    private static readonly Plan<PatentProduct> PatentProductPlan = new(FactFields.PatentProducts, 5);
    private static readonly Plan<Premises> PremisesPlan = new(FactFields.Premises, 6);
    private static readonly Plan<Training> TrainingPlan = new(FactFields.Training, 7);
    private static readonly Plan<Grant> GrantPlan = new(FactFields.Grants, 8);
    private const int Plans = 9;

    /// <summary>A closed list of words with their UTF-8 forms, in the list's order.</summary>
    private sealed class Words
    {
        private static int _made;

        /// <summary>How many word lists there are: each has an <see cref="Id"/> below this.</summary>
        public const int Kinds = 32;

        public Words(IEnumerable<string> words)
        {
            Text = [.. words];
            Utf8 = [.. Text.Select(Encoding.UTF8.GetBytes)];
            Id = Interlocked.Increment(ref _made) - 1;
            if (Id >= Kinds)
            {
                throw new InvalidOperationException("too many word lists; raise Words.Kinds");
            }
        }

        /// <summary>A small number naming this list, for the per-list scratch of a reader.</summary>
        public int Id { get; }

        public string[] Text { get; }

        private byte[][] Utf8 { get; }

        public int Count => Text.Length;

        /// <summary>The index of a word given as unescaped UTF-8, or −1.</summary>
        public int IndexOf(ReadOnlySpan<byte> utf8)
        {
            for (var i = 0; i < Utf8.Length; i++)
            {
                if (utf8.SequenceEqual(Utf8[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>The index of a property's name, read from its raw UTF-8 unless it is escaped; <paramref name="name"/> is set when a string had to be made.</summary>
        public int IndexOf(JsonProperty p, out string? name)
        {
            var raw = JsonMarshal.GetRawUtf8PropertyName(p);
            if (raw.IndexOf((byte)'\\') < 0)
            {
                name = null;
                return IndexOf(raw);
            }

            name = p.Name;
            return Array.IndexOf(Text, name);
        }

        /// <summary>The word of a JSON string element when it is one of these, unescaped, else null.</summary>
        public string? Match(JsonElement e)
        {
            if (e.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            var raw = JsonMarshal.GetRawUtf8Value(e);
            var inner = raw[1..^1];
            return inner.IndexOf((byte)'\\') < 0 && IndexOf(inner) is var i and >= 0 ? Text[i] : null;
        }
    }

    /// <summary>What a number may be: its range (<see cref="Admits"/>), and the noun its message names.</summary>
    private enum Sign
    {
        /// <summary>Money in yuan: 0 to <see cref="MaxYuan"/> (金额不能为负数).</summary>
        Money,

        /// <summary>A profit in yuan: a loss is negative, either way at most <see cref="MaxYuan"/>.</summary>
        SignedMoney,

        /// <summary>Electricity in kWh: 0 to <see cref="MaxKwh"/>.</summary>
        Energy,

        /// <summary>Floor space in m²: 0 to <see cref="MaxArea"/>.</summary>
        Area,

        /// <summary>A margin (市域同行业平均营业收入利润率), 0.08 = 8 %: between −10 and 10.</summary>
        Margin,

        /// <summary>A rate, 0.12 = 12 %: between 0 and 10.</summary>
        Rate,

        /// <summary>A whole number, checked against its own range by <see cref="Reader.Int"/>.</summary>
        Any,
    }

    /// <summary>
    /// The largest amount of money a dossier may state: 10万亿元 (1e13 yuan). China's largest enterprises earn about
    /// 3.5万亿元 a year and its largest manufacturers about 1万亿元, so no figure, investment, purchase or award of
    /// one enterprise comes near it: beyond it a figure is a typing error or an attack (issue 13: one anonymous
    /// request with a revenue of 1e28 yuan exhausted the server).
    /// </summary>
    internal const decimal MaxYuan = 10_000_000_000_000m;

    /// <summary>
    /// The most electricity a dossier may state for a period: 1万亿千瓦时 (1e12 kWh), more than Henan province uses in a
    /// year (about 4,000亿千瓦时) and some twenty times the largest single smelter's use.
    /// </summary>
    internal const decimal MaxKwh = 1_000_000_000_000m;

    /// <summary>The largest floor space a dossier may state: 1亿平方米 (100 km²), fifty times the largest building there is.</summary>
    internal const decimal MaxArea = 100_000_000m;

    /// <summary>The most people a training institution may report for a year: 100万, about what the whole province trains.</summary>
    internal const int MaxTrainees = FactFields.MaxTrainees;

    /// <summary>The sign rule of a metric: a profit or a margin may be negative, electricity is in kWh, the rest is money.</summary>
    private static Sign SignOf(string metric) => metric switch
    {
        "profit" => Sign.SignedMoney,
        "peerProfitMargin" => Sign.Margin,
        "electricityKwh" => Sign.Energy,
        _ => Sign.Money,
    };

    /// <summary>Whether the contract admits a number of this kind: both readings decide with this, the thorough one then words why not.</summary>
    private static bool Admits(Sign sign, decimal value) => sign switch
    {
        Sign.Money => value is >= 0 and <= MaxYuan,
        Sign.SignedMoney => value is >= -MaxYuan and <= MaxYuan,
        Sign.Energy => value is >= 0 and <= MaxKwh,
        Sign.Area => value is >= 0 and <= MaxArea,
        Sign.Margin => value is >= -10 and <= 10,
        Sign.Rate => value is >= 0 and <= 10,
        _ => true,
    };

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    /// <summary>
    /// Where a value stands (<c>projects[0].completedOn</c>), written out only when an error names it: reading a valid
    /// dossier builds no path strings.
    /// </summary>
    private readonly struct At
    {
        private readonly string _parent;
        private readonly string? _name;
        private readonly int _index;
        private readonly JsonProperty _key;
        private readonly bool _hasKey;

        private At(string parent, string? name, int index, JsonProperty key, bool hasKey)
        {
            _parent = parent;
            _name = name;
            _index = index;
            _key = key;
            _hasKey = hasKey;
        }

        /// <summary>A field of the object at <paramref name="parent"/>.</summary>
        public static At Field(string parent, string name) => new(parent, name, -1, default, false);

        /// <summary>An element of the array at <paramref name="parent"/>.</summary>
        public static At Element(string parent, int index) => new(parent, null, index, default, false);

        /// <summary>An open key (a period) of the object at this path; its name is read only if an error names it.</summary>
        public At Key(JsonProperty key) => new(_parent, _name, _index, key, true);

        public static implicit operator At(string path) => new(path, null, -1, default, false);

        public override string ToString()
        {
            var at = _name is not null ? Join(_parent, _name) : _index >= 0 ? $"{_parent}[{_index}]" : _parent;
            return _hasKey ? Join(at, _key.Name) : at;
        }
    }

    /// <summary>One reading: the errors found so far, and the element readers that add to them.</summary>
    private sealed class Reader
    {
        public List<InputError> Errors { get; } = [];

        // The values of one item's fields, one per section, reused from item to item.
        private readonly FieldValues?[] _slots = new FieldValues?[Plans];

        // Scratch for the two passes over a figures object and over a series (keys, repeats), reused.
        public const int ScratchKeys = 64;
        private readonly string?[] _metricNames = new string?[ScratchKeys];
        private readonly string?[] _keyNames = new string?[ScratchKeys];
        private readonly Period[] _keyPeriods = new Period[ScratchKeys];
        private readonly byte[] _keyKinds = new byte[ScratchKeys];
        private readonly Dictionary<string, IReadOnlyDictionary<Period, decimal>> _byMetric = new(StringComparer.Ordinal);

        // One field reader (and its slots) per kind of object: an object of a kind is never read inside another of the
        // same kind, so each is reused from one item to the next.
        private readonly ItemFields?[] _fields = new ItemFields?[Words.Kinds];
        private readonly JsonElement[]?[] _values = new JsonElement[]?[Words.Kinds];

        public Dossier? ReadDossier(JsonElement root)
        {
            var f = Fields(root, "", TopLevelFields);
            if (f is null)
            {
                return null;
            }

            var uscc = f.String("uscc", required: true);
            if (uscc is not null && Uscc.Check("uscc", uscc) is { } usccError)
            {
                Errors.Add(usccError);
            }

            var name = f.String("name", required: true);
            var district = f.Get("district", required: true) is { } d ? District(d, "district") : null;
            var traits = f.Get("traits") is { } t ? ReadWords(t, "traits", TraitWords, "企业特征", "trait") : [];
            var sectors = f.Get("sectors") is { } s ? ReadWords(s, "sectors", SectorWords, "产业领域", "sector") : [];
            var relocatedOn = f.Date("relocatedOn");
            var figures = f.Get("figures") is { } fig ? Figures(fig, "figures") : FigureTable.Empty;
            var rankings = Section(f, RankingPlan);
            var honors = Section(f, HonorPlan);
            var projects = Section(f, ProjectPlan);
            var spending = Section(f, SpendingPlan);
            var procurement = Section(f, ProcurementPlan);
            var patentProducts = Section(f, PatentProductPlan);
            var premises = Section(f, PremisesPlan);
            var training = Section(f, TrainingPlan);
            var grants = Section(f, GrantPlan);

            return Errors.Count > 0
                ? null
                : NewDossier(
                    uscc!, name!, district!, traits.Count == 0 ? NoTraits : new WordSet(traits), sectors, relocatedOn, figures,
                    rankings, honors, projects, spending, procurement, patentProducts, premises, training, grants);
        }

        /// <summary>One item of a section, its fields read in the plan's order; the item when none of them had an error.</summary>
        private T? ReadItem<T>(ItemFields f, Plan<T> plan)
            where T : class
        {
            var values = _slots[plan.Slot] ??= new FieldValues(plan.Fields.Length);
            values.Clear();
            foreach (var k in plan.ReadOrder)
            {
                values[k] = ReadField(f, plan, k);
            }

            return f.Ok ? plan.Section.Create(values) : null;
        }

        private FieldValue ReadField(ItemFields f, Plan plan, int k)
        {
            var field = plan.Fields[k];
            var name = field.Name;
            switch (field.Kind)
            {
                case FieldKind.Word:
                    return FieldValue.Of(f.Word(name, plan.Vocabularies[k]!, field.ChineseNoun, field.English));
                case FieldKind.Money or FieldKind.Area or FieldKind.Rate:
                    return FieldValue.Of(f.Number(name, plan.Signs[k], field.Required));
                case FieldKind.Integer:
                    return FieldValue.Of(f.Int(name, field.Required, field.Min, field.ChineseNoun, field.English, field.Max));
                case FieldKind.Year:
                    return FieldValue.Of(f.Year(name, field.Required));
                case FieldKind.Date:
                    return FieldValue.Of(f.Date(name, field.Required));
                case FieldKind.Bool:
                    return FieldValue.OfBool(f.Bool(name));
                case FieldKind.Series:
                    return f.Get(name) is { } figures && Fields(figures, Join(f.Path, name), plan.Inner[k]!) is { } inner && inner.Get(field.Inner!) is { } series
                        ? FieldValue.Of(Series(series, At.Field(inner.Path, field.Inner!), Sign.Money, yearsOnly: false))
                        : FieldValue.None;
                case FieldKind.YearSeries:
                    return f.Get(name) is { } sales ? FieldValue.Of(Series(sales, At.Field(f.Path, name), Sign.Money, yearsOnly: true)) : FieldValue.None;
                default:
                    var text = f.String(name, field.Required);
                    if (text is not null && field.Kind == FieldKind.Uscc && Uscc.Check(Join(f.Path, name), text) is { } error)
                    {
                        Errors.Add(error);
                    }
                    else if (text is not null && field.Kind == FieldKind.Clause && !ClauseSyntax().IsMatch(text))
                    {
                        Error(At.Field(f.Path, name), text, $"条款编号“{text}”格式错误，应为“文件/条号”，如zz2023-23/15", $"clause '{text}' is not of the form <document>/<number>, e.g. zz2023-23/15");
                    }

                    return FieldValue.Of(text);
            }
        }

        /// <summary>Values of a distinct field (project ids name awards) may not repeat within the section.</summary>
        private void CheckDistinct(ItemFields f, string section, FactField field)
        {
            if (f.Get(section) is not { ValueKind: JsonValueKind.Array } array || array.GetArrayLength() < 2)
            {
                return;
            }

            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var i = 0;
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty(field.Name, out var id) && id.ValueKind == JsonValueKind.String
                    && id.GetString() is { Length: > 0 } text && !seen.TryAdd(text, i))
                {
                    Error($"{section}[{i}].{field.Name}", id, $"{field.Label}“{text}”与{section}[{seen[text]}]重复", $"{field.English} '{text}' repeats {section}[{seen[text]}]");
                }

                i++;
            }
        }

        private IReadOnlyList<T> Section<T>(ItemFields parent, Plan<T> plan)
            where T : class
        {
            var items = Section(parent, plan.Section.Name, plan);
            if (plan.Distinct >= 0)
            {
                CheckDistinct(parent, plan.Section.Name, plan.Fields[plan.Distinct]);
            }

            return items;
        }

        private IReadOnlyList<T> Section<T>(ItemFields parent, string name, Plan<T> plan)
            where T : class
        {
            if (parent.Get(name) is not { } section)
            {
                return [];
            }

            if (section.ValueKind != JsonValueKind.Array)
            {
                TypeError(name, section, "数组", "an array");
                return [];
            }

            var length = section.GetArrayLength();
            if (length == 0)
            {
                return [];
            }

            var items = new List<T>(length);
            var i = 0;
            foreach (var e in section.EnumerateArray())
            {
                if (Fields(e, $"{name}[{i++}]", plan.Known) is { } f && ReadItem(f, plan) is { } t)
                {
                    items.Add(t);
                }
            }

            return items.Count == length ? items : [.. items];
        }

        /// <summary>An array of vocabulary words (traits, sectors).</summary>
        private IReadOnlyList<string> ReadWords(JsonElement array, string path, Words vocabulary, string chinese, string english)
        {
            if (array.ValueKind != JsonValueKind.Array)
            {
                TypeError(path, array, "数组", "an array");
                return [];
            }

            var length = array.GetArrayLength();
            if (length == 0)
            {
                return [];
            }

            var words = new List<string>(length);
            var i = 0;
            foreach (var e in array.EnumerateArray())
            {
                if (Word(e, At.Element(path, i++), vocabulary, chinese, english) is { } w)
                {
                    words.Add(w);
                }
            }

            return words.Count == length ? words : [.. words];
        }

        private FigureTable Figures(JsonElement figures, string path)
        {
            if (figures.ValueKind != JsonValueKind.Object || figures.GetPropertyCount() > ScratchKeys)
            {
                return FiguresByEntries(figures, path);
            }

            // First pass: the metric names (a known metric is matched on its bytes) and the repeats, reported before
            // anything else of the object, as the general path does.
            var n = 0;
            foreach (var p in figures.EnumerateObject())
            {
                var k = MetricWords.IndexOf(p, out var name);
                name = k >= 0 ? MetricWords.Text[k] : name ?? p.Name;
                var repeated = false;
                for (var j = 0; j < n && !repeated; j++)
                {
                    repeated = string.Equals(_metricNames[j], name, StringComparison.Ordinal);
                }

                if (repeated)
                {
                    Error(At.Field(path, name), p.Value, $"字段“{name}”重复", $"field '{name}' is given twice");
                    _metricNames[n++] = null;
                }
                else
                {
                    _metricNames[n++] = name;
                }
            }

            var byMetric = _byMetric;
            byMetric.Clear();
            var i = 0;
            foreach (var p in figures.EnumerateObject())
            {
                if (_metricNames[i++] is not { } metric)
                {
                    continue;
                }

                if (!Vocabulary.Metrics.ContainsKey(metric))
                {
                    Error(At.Field(path, metric), metric, $"未知指标“{metric}”，应为以下之一：{List(Vocabulary.Metrics.Keys, "、")}", $"unknown metric '{metric}'; expected one of: {List(Vocabulary.Metrics.Keys, ", ")}");
                    continue;
                }

                var series = Series(p.Value, At.Field(path, metric), SignOf(metric), yearsOnly: false);
                if (series.Count > 0)
                {
                    byMetric[metric] = series;
                }
            }

            Array.Clear(_metricNames, 0, n);
            var table = byMetric.Count == 0 ? FigureTable.Empty : new FigureTable(MetricValues.Of(byMetric));
            byMetric.Clear();
            return table;
        }

        /// <summary>The general path for figures: any number of metrics.</summary>
        private FigureTable FiguresByEntries(JsonElement figures, string path)
        {
            var byMetric = new Dictionary<string, IReadOnlyDictionary<Period, decimal>>(StringComparer.Ordinal);
            foreach (var (metric, value) in Entries(figures, path))
            {
                if (!Vocabulary.Metrics.ContainsKey(metric))
                {
                    Error(At.Field(path, metric), metric, $"未知指标“{metric}”，应为以下之一：{List(Vocabulary.Metrics.Keys, "、")}", $"unknown metric '{metric}'; expected one of: {List(Vocabulary.Metrics.Keys, ", ")}");
                    continue;
                }

                var series = Series(value, At.Field(path, metric), SignOf(metric), yearsOnly: false);
                if (series.Count > 0)
                {
                    byMetric[metric] = series;
                }
            }

            return byMetric.Count == 0 ? FigureTable.Empty : new FigureTable(MetricValues.Of(byMetric));
        }

        private const byte Parsed = 1;
        private const byte NotAPeriod = 2;
        private const byte Repeated = 3;

        /// <summary>A period → number object: figures, a project's cumulative investment, a patent product's yearly sales.</summary>
        private IReadOnlyDictionary<Period, decimal> Series(JsonElement series, At path, Sign sign, bool yearsOnly)
        {
            if (series.ValueKind != JsonValueKind.Object || series.GetPropertyCount() > ScratchKeys)
            {
                return SeriesByEntries(series, path, sign, yearsOnly);
            }

            // First pass: each key as a period (read from its bytes when it is not escaped) or, when it is none, as text;
            // repeats are reported here, before anything else of the object, as the general path does.
            var n = 0;
            foreach (var p in series.EnumerateObject())
            {
                var raw = JsonMarshal.GetRawUtf8PropertyName(p);
                string? name = null;
                Period period;
                var parsed = raw.IndexOf((byte)'\\') < 0 && TryParsePeriod(raw, out period) || Period.TryParse(name = p.Name, out period);
                var repeated = false;
                for (var j = 0; j < n && !repeated; j++)
                {
                    repeated = parsed
                        ? _keyKinds[j] == Parsed && _keyPeriods[j] == period
                        : _keyKinds[j] == NotAPeriod && string.Equals(_keyNames[j], name, StringComparison.Ordinal);
                }

                if (repeated)
                {
                    name ??= p.Name;
                    Error(path.Key(p), p.Value, $"字段“{name}”重复", $"field '{name}' is given twice");
                    _keyKinds[n] = Repeated;
                }
                else
                {
                    _keyKinds[n] = parsed ? Parsed : NotAPeriod;
                }

                _keyPeriods[n] = period;
                _keyNames[n] = name;
                n++;
            }

            var values = new PeriodValues(n);
            var i = 0;
            foreach (var p in series.EnumerateObject())
            {
                var kind = _keyKinds[i];
                var period = _keyPeriods[i];
                var name = _keyNames[i];
                i++;
                if (kind == Repeated)
                {
                    continue;
                }

                if (kind == NotAPeriod || (yearsOnly && period.Kind != PeriodKind.Year))
                {
                    var key = name ?? p.Name;
                    if (yearsOnly)
                    {
                        Error(path.Key(p), key, $"“{key}”不是年份（如2024）", $"'{key}' is not a year such as 2024");
                    }
                    else
                    {
                        Error(path.Key(p), key, $"“{key}”不是统计期（如2024、2024H1、2024Q1、2024-03）", $"'{key}' is not a period (2024, 2024H1, 2024Q1 or 2024-03)");
                    }

                    continue;
                }

                if (Number(p.Value, path.Key(p), sign) is { } number)
                {
                    values.Set(period, number);
                }
            }

            Array.Clear(_keyNames, 0, n);
            return values;
        }

        /// <summary>The general path for a series: any number of keys.</summary>
        private IReadOnlyDictionary<Period, decimal> SeriesByEntries(JsonElement series, At path, Sign sign, bool yearsOnly)
        {
            var values = new Dictionary<Period, decimal>();
            var text = path.ToString();
            foreach (var (key, value) in Entries(series, text))
            {
                if (!Period.TryParse(key, out var period) || (yearsOnly && period.Kind != PeriodKind.Year))
                {
                    if (yearsOnly)
                    {
                        Error(At.Field(text, key), key, $"“{key}”不是年份（如2024）", $"'{key}' is not a year such as 2024");
                    }
                    else
                    {
                        Error(At.Field(text, key), key, $"“{key}”不是统计期（如2024、2024H1、2024Q1、2024-03）", $"'{key}' is not a period (2024, 2024H1, 2024Q1 or 2024-03)");
                    }

                    continue;
                }

                if (Number(value, At.Field(text, key), sign) is { } number)
                {
                    values[period] = number;
                }
            }

            return values;
        }

        /// <summary><see cref="Period.TryParse"/> on unescaped UTF-8: 2024, 2024H1, 2024Q1, 2024-03, years 1900–2100.</summary>
        public static bool TryParsePeriod(ReadOnlySpan<byte> t, out Period period)
        {
            period = default;
            if (t.Length < 4 || !IsDigit(t[0]) || !IsDigit(t[1]) || !IsDigit(t[2]) || !IsDigit(t[3]))
            {
                return false;
            }

            var year = Digits(t, 0, 4);
            if (year < 1900 || year > 2100)
            {
                return false;
            }

            var rest = t[4..];
            switch (rest.Length)
            {
                case 0:
                    period = Period.OfYear(year);
                    return true;
                case 2 when rest[0] == (byte)'H' && rest[1] is (byte)'1' or (byte)'2':
                    period = Period.OfHalf(year, rest[1] - '0');
                    return true;
                case 2 when rest[0] == (byte)'Q' && rest[1] is >= (byte)'1' and <= (byte)'4':
                    period = Period.OfQuarter(year, rest[1] - '0');
                    return true;
                case 3 when rest[0] == (byte)'-' && IsDigit(rest[1]) && IsDigit(rest[2]) && Digits(rest, 1, 2) is var month and >= 1 and <= 12:
                    period = Period.OfMonth(year, month);
                    return true;
                default:
                    return false;
            }
        }

        private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

        /// <summary>The properties of an open-keyed object (metric or period names), with repeated keys reported.</summary>
        private List<(string Name, JsonElement Value)> Entries(JsonElement obj, string path)
        {
            var entries = new List<(string, JsonElement)>();
            if (obj.ValueKind != JsonValueKind.Object)
            {
                TypeError(path, obj, "对象", "an object");
                return entries;
            }

            HashSet<string>? seen = null;
            foreach (var p in obj.EnumerateObject())
            {
                var name = p.Name;
                if (Repeats(entries, ref seen, name))
                {
                    Error(At.Field(path, name), p.Value, $"字段“{name}”重复", $"field '{name}' is given twice");
                }
                else
                {
                    entries.Add((name, p.Value));
                }
            }

            return entries;
        }

        /// <summary>Whether a name is already among the entries: a plain scan for the few keys of a dossier object, a set beyond.</summary>
        private static bool Repeats(List<(string Name, JsonElement Value)> entries, ref HashSet<string>? seen, string name)
        {
            if (seen is null)
            {
                foreach (var (n, _) in entries)
                {
                    if (string.Equals(n, name, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }

                if (entries.Count < 32)
                {
                    return false;
                }

                seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (n, _) in entries)
                {
                    seen.Add(n);
                }

                // Every earlier name is in the set now, and this one is not among them.
                seen.Add(name);
                return false;
            }

            return !seen.Add(name);
        }

        /// <summary>The fields of a section item (or of the dossier), with unknown and repeated fields reported.</summary>
        private ItemFields? Fields(JsonElement obj, string path, Words known)
        {
            if (obj.ValueKind != JsonValueKind.Object)
            {
                TypeError(path, obj, "对象", "an object");
                return null;
            }

            // Repeated fields are reported as they come, unknown ones after, as a whole pass over the names would.
            var values = _values[known.Id] ??= new JsonElement[known.Count];
            var present = 0UL;
            List<(string Name, JsonElement Value)>? unknown = null;
            HashSet<string>? seenUnknown = null;
            foreach (var p in obj.EnumerateObject())
            {
                var k = known.IndexOf(p, out var name);
                if (k >= 0)
                {
                    if ((present & (1UL << k)) != 0)
                    {
                        name ??= known.Text[k];
                        Error(At.Field(path, name), p.Value, $"字段“{name}”重复", $"field '{name}' is given twice");
                    }
                    else
                    {
                        present |= 1UL << k;
                        values[k] = p.Value;
                    }
                }
                else
                {
                    name ??= p.Name;
                    unknown ??= [];
                    if (Repeats(unknown, ref seenUnknown, name))
                    {
                        Error(At.Field(path, name), p.Value, $"字段“{name}”重复", $"field '{name}' is given twice");
                    }
                    else
                    {
                        unknown.Add((name, p.Value));
                    }
                }
            }

            if (unknown is not null)
            {
                foreach (var (name, value) in unknown)
                {
                    Error(At.Field(path, name), value, $"未知字段“{name}”，可用字段：{List(known.Text, "、")}", $"unknown field '{name}'; known fields: {List(known.Text, ", ")}");
                }
            }

            var fields = _fields[known.Id] ??= new ItemFields(this, known);
            fields.Reset(path, values, present, Errors.Count);
            return fields;
        }

        private string? District(JsonElement e, At path)
        {
            if (DistrictWords.Match(e) is { } known)
            {
                return known;
            }

            if (Text(e, path) is not { } name)
            {
                return null;
            }

            foreach (var district in Vocabulary.Districts)
            {
                if (string.Equals(district, name, StringComparison.Ordinal))
                {
                    return district;
                }
            }

            Error(path, name, $"区县“{name}”不在郑政办〔2020〕19号附件1所列16个区县（市）、开发区之内：{List(Vocabulary.Districts, "、")}", $"unknown district '{name}'; expected one of the 16 of zzb2020-19 Annex 1: {List(Vocabulary.Districts, ", ")}");
            return null;
        }

        public string? Word(JsonElement e, At path, Words vocabulary, string chinese, string english)
        {
            if (vocabulary.Match(e) is { } known)
            {
                return known;
            }

            if (Text(e, path) is not { } word)
            {
                return null;
            }

            if (Array.IndexOf(vocabulary.Text, word) < 0)
            {
                Error(path, word, $"未知的{chinese}“{word}”，应为以下之一：{List(vocabulary.Text, "、")}", $"unknown {english} '{word}'; expected one of: {List(vocabulary.Text, ", ")}");
                return null;
            }

            return word;
        }

        public string? Text(JsonElement e, At path)
        {
            if (e.ValueKind != JsonValueKind.String)
            {
                TypeError(path, e, "字符串", "a string");
                return null;
            }

            var text = e.GetString()!;
            if (string.IsNullOrWhiteSpace(text))
            {
                Error(path, text, "不能为空", "must not be empty");
                return null;
            }

            return text;
        }

        public decimal? Number(JsonElement e, At path, Sign sign)
        {
            if (e.ValueKind != JsonValueKind.Number)
            {
                TypeError(path, e, "数字", "a number");
                return null;
            }

            if (!e.TryGetDecimal(out var value))
            {
                Error(path, e, "数值超出范围", "the number is out of range");
                return null;
            }

            if (Admits(sign, value))
            {
                return value;
            }

            var (chinese, english) = OutOfRange(sign, value, e.GetRawText());
            Error(path, e, chinese, english);
            return null;
        }

        /// <summary>Why a number is refused (<see cref="Admits"/>), in Chinese and English, naming the value and the bound.</summary>
        private static (string Chinese, string English) OutOfRange(Sign sign, decimal value, string raw)
        {
            raw = Shorten(raw);
            return sign switch
            {
                Sign.Money when value < 0 => ("金额不能为负数", "amount must not be negative"),
                Sign.Energy or Sign.Area when value < 0 => ("数值不能为负数", "the value must not be negative"),
                Sign.Money => ($"金额{raw}超出合理范围：不应超过{MaxYuan}元（10万亿元）", $"amount {raw} is out of range: at most {MaxYuan} yuan"),
                Sign.SignedMoney => (
                    $"金额{raw}超出合理范围：应在-{MaxYuan}元到{MaxYuan}元之间（正负10万亿元）",
                    $"amount {raw} is out of range: between -{MaxYuan} and {MaxYuan} yuan"),
                Sign.Energy => ($"用电量{raw}超出合理范围：不应超过{MaxKwh}千瓦时（1万亿千瓦时）", $"electricity {raw} is out of range: at most {MaxKwh} kWh"),
                Sign.Area => ($"面积{raw}超出合理范围：不应超过{MaxArea}平方米（1亿平方米）", $"area {raw} is out of range: at most {MaxArea} m²"),
                Sign.Margin => ($"利润率{raw}应在-10到10之间（0.08即8%）", $"a margin {raw} must be between -10 and 10 (0.08 = 8 %)"),
                _ => ("比率应在0到10之间（0.12即12%）", "a rate must be between 0 and 10 (0.12 = 12 %)"),
            };
        }

        public int? Int(JsonElement e, At path, int min, int max, string chinese, string english)
        {
            if (Number(e, path, Sign.Any) is not { } value)
            {
                return null;
            }

            if (!decimal.IsInteger(value))
            {
                Error(path, e, $"{chinese}应为整数", $"{english} must be a whole number");
                return null;
            }

            if (value < min || value > max)
            {
                Error(path, e, max == int.MaxValue ? $"{chinese}应不小于{min}" : $"{chinese}应在{min}到{max}之间", max == int.MaxValue ? $"{english} must be at least {min}" : $"{english} must be between {min} and {max}");
                return null;
            }

            return (int)value;
        }

        public DateOnly? Date(JsonElement e, At path)
        {
            // A well-written date is read from the JSON's bytes; anything else takes the checks below and their messages.
            if (e.ValueKind == JsonValueKind.String && JsonMarshal.GetRawUtf8Value(e) is { Length: 12 } raw && IsDateSyntax(raw[1..^1]))
            {
                var y = Digits(raw, 1, 4);
                var m = Digits(raw, 6, 2);
                var d = Digits(raw, 9, 2);
                if (y >= 1 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
                {
                    return new DateOnly(y, m, d);
                }
            }

            if (Text(e, path) is not { } text)
            {
                return null;
            }

            if (!IsDateSyntax(text))
            {
                Error(path, text, $"日期“{text}”格式错误，应为yyyy-MM-dd", $"date '{text}' is not written yyyy-MM-dd");
                return null;
            }

            var year = Digits(text, 0, 4);
            var month = Digits(text, 5, 2);
            var day = Digits(text, 8, 2);
            if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                Error(path, text, $"“{text}”不是有效的日历日期", $"'{text}' is not a calendar date");
                return null;
            }

            return new DateOnly(year, month, day);
        }

        /// <summary>^[0-9]{4}-[0-9]{2}-[0-9]{2}\z, without a regular expression.</summary>
        private static bool IsDateSyntax(string text) =>
            text.Length == 10 && text[4] == '-' && text[7] == '-'
            && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[1]) && char.IsAsciiDigit(text[2]) && char.IsAsciiDigit(text[3])
            && char.IsAsciiDigit(text[5]) && char.IsAsciiDigit(text[6]) && char.IsAsciiDigit(text[8]) && char.IsAsciiDigit(text[9]);

        private static int Digits(string text, int start, int count)
        {
            var v = 0;
            for (var i = start; i < start + count; i++)
            {
                v = v * 10 + (text[i] - '0');
            }

            return v;
        }

        public static bool IsDateSyntax(ReadOnlySpan<byte> t) =>
            t.Length == 10 && t[4] == (byte)'-' && t[7] == (byte)'-'
            && char.IsAsciiDigit((char)t[0]) && char.IsAsciiDigit((char)t[1]) && char.IsAsciiDigit((char)t[2]) && char.IsAsciiDigit((char)t[3])
            && char.IsAsciiDigit((char)t[5]) && char.IsAsciiDigit((char)t[6]) && char.IsAsciiDigit((char)t[8]) && char.IsAsciiDigit((char)t[9]);

        public static int Digits(ReadOnlySpan<byte> text, int start, int count)
        {
            var v = 0;
            for (var i = start; i < start + count; i++)
            {
                v = v * 10 + (text[i] - '0');
            }

            return v;
        }

        public bool? Bool(JsonElement e, At path)
        {
            if (e.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                TypeError(path, e, "布尔值（true或false）", "true or false");
                return null;
            }

            return e.GetBoolean();
        }

        public void Missing(At path, string name) =>
            Error(path, null, $"缺少必填字段“{name}”", $"required field '{name}' is missing");

        private void TypeError(At path, JsonElement e, string chinese, string english) =>
            Error(path, e, $"应为{chinese}，实为{KindChinese(e.ValueKind)}", $"expected {english}, found {KindEnglish(e.ValueKind)}");

        private void Error(At path, JsonElement e, string chinese, string english) =>
            Error(path, e.ValueKind == JsonValueKind.String ? e.GetString() : Shorten(e.GetRawText()), chinese, english);

        private void Error(At path, string? value, string chinese, string english)
        {
            var at = path.ToString();
            Errors.Add(new InputError(at.Length == 0 ? InputError.Root : at, value, chinese, english));
        }

        private static string Shorten(string raw) => raw.Length <= 200 ? raw : raw[..200] + "…";

        private static string List(IEnumerable<string> words, string separator) => string.Join(separator, words);

        private static string KindChinese(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Object => "对象",
            JsonValueKind.Array => "数组",
            JsonValueKind.String => "字符串",
            JsonValueKind.Number => "数字",
            JsonValueKind.True or JsonValueKind.False => "布尔值",
            _ => "null",
        };

        private static string KindEnglish(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "null",
        };
    }

    private static readonly IReadOnlySet<string> NoTraits = FrozenSet<string>.Empty;

    /// <summary>The known fields of one object, read by name; <c>null</c> counts as absent, which optional fields allow.</summary>
    private sealed class ItemFields(Reader reader, Words known)
    {
        private string path = "";
        private JsonElement[] values = [];
        private ulong present;
        private int errorsBefore;

        /// <summary>Points the reader at one object's fields.</summary>
        public void Reset(string at, JsonElement[] slots, ulong given, int errors)
        {
            path = at;
            values = slots;
            present = given;
            errorsBefore = errors;
        }

        public string Path => path;

        /// <summary>No error since this object's fields were gathered: its record can be built.</summary>
        public bool Ok => reader.Errors.Count == errorsBefore;

        public JsonElement? Get(string name, bool required = false)
        {
            var k = Array.IndexOf(known.Text, name);
            if (k >= 0 && (present & (1UL << k)) != 0 && values[k].ValueKind != JsonValueKind.Null)
            {
                return values[k];
            }

            if (required)
            {
                reader.Missing(At.Field(path, name), name);
            }

            return null;
        }

        public string? String(string name, bool required = false) =>
            Get(name, required) is { } e ? reader.Text(e, At.Field(path, name)) : null;

        public string? Word(string name, Words vocabulary, string chinese, string english) =>
            Get(name, required: true) is { } e ? reader.Word(e, At.Field(path, name), vocabulary, chinese, english) : null;

        public decimal? Number(string name, Sign sign, bool required = false) =>
            Get(name, required) is { } e ? reader.Number(e, At.Field(path, name), sign) : null;

        public int? Int(string name, bool required, int min, string chinese, string english, int max = int.MaxValue) =>
            Get(name, required) is { } e ? reader.Int(e, At.Field(path, name), min, max, chinese, english) : null;

        public int? Year(string name, bool required) =>
            Get(name, required) is { } e ? reader.Int(e, At.Field(path, name), 1900, 2100, "年份", "the year") : null;

        public DateOnly? Date(string name, bool required = false) =>
            Get(name, required) is { } e ? reader.Date(e, At.Field(path, name)) : null;

        public bool? Bool(string name) =>
            Get(name) is { } e ? reader.Bool(e, At.Field(path, name)) : null;
    }
}

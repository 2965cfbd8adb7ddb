using System.Collections.Frozen;
using System.Globalization;
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

    /// <summary>Checks a parsed dossier object; the result holds the dossier only when there is no error.</summary>
    public static DossierReadResult Read(JsonElement dossier)
    {
        if (dossier.ValueKind == JsonValueKind.Undefined)
        {
            return new DossierReadResult(null, [new InputError(InputError.Root, null, "没有企业档案", "there is no dossier")]);
        }

        var reader = new Reader();
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

        return reader.Errors.Count == 0 && result is not null
            ? new DossierReadResult(result, [])
            : new DossierReadResult(null, [.. reader.Errors]);
    }

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

    private static readonly string[] TopLevelFields =
    [
        "uscc", "name", "district", "traits", "sectors", "relocatedOn", "figures", "rankings", "honors", "projects",
        "spending", "procurement", "patentProducts", "premises", "training", "grants",
    ];

    private static readonly string[] RankingFields = ["list", "year", "rank", "date"];
    private static readonly string[] HonorFields = ["kind", "date", "item", "stars", "provincialFunding", "sales"];

    private static readonly string[] ProjectFields =
    [
        "id", "kind", "sei", "major", "totalInvestment", "equipmentInvestment", "benefitRate", "completedOn",
        "reachedOutputOn", "enteredLibraryOn", "figures", "signedOn", "startedOn", "contractInvestment",
    ];

    private static readonly string[] ProjectFigureFields = ["investment"];
    private static readonly string[] SpendingFields = ["kind", "year", "amount"];
    private static readonly string[] ProcurementFields = ["year", "supplier", "amount", "chain"];
    private static readonly string[] PatentProductFields = ["id", "grantedOn", "sales"];
    private static readonly string[] PremisesFields = ["kind", "area", "since", "date"];
    private static readonly string[] TrainingFields = ["kind", "year", "count"];
    private static readonly string[] GrantFields = ["clause", "item", "amount", "date"];

    /// <summary>What a number may be: the rule names the noun in the message.</summary>
    private enum Sign
    {
        /// <summary>Money: 金额不能为负数.</summary>
        Money,

        /// <summary>A non-money quantity (kWh, m²): not negative either.</summary>
        Quantity,

        /// <summary>A profit or a margin: any sign.</summary>
        Any,

        /// <summary>A rate, 0.12 = 12 %: between 0 and 10.</summary>
        Rate,
    }

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

        private At(string parent, string? name, int index)
        {
            _parent = parent;
            _name = name;
            _index = index;
        }

        /// <summary>A field of the object at <paramref name="parent"/>.</summary>
        public static At Field(string parent, string name) => new(parent, name, -1);

        /// <summary>An element of the array at <paramref name="parent"/>.</summary>
        public static At Element(string parent, int index) => new(parent, null, index);

        public static implicit operator At(string path) => new(path, null, -1);

        public override string ToString() =>
            _name is not null ? Join(_parent, _name) : _index >= 0 ? $"{_parent}[{_index}]" : _parent;
    }

    /// <summary>One reading: the errors found so far, and the element readers that add to them.</summary>
    private sealed class Reader
    {
        public List<InputError> Errors { get; } = [];

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
            var traits = f.Get("traits") is { } t ? ReadArray(t, "traits", (e, at) => Word(e, at, Vocabulary.Traits, "企业特征", "trait")) : [];
            var sectors = f.Get("sectors") is { } s ? ReadArray(s, "sectors", (e, at) => Word(e, at, Vocabulary.Sectors, "产业领域", "sector")) : [];
            var relocatedOn = f.Date("relocatedOn");
            var figures = f.Get("figures") is { } fig ? Figures(fig, "figures") : FigureTable.Empty;
            var rankings = Section(f, "rankings", RankingFields, ReadRanking);
            var honors = Section(f, "honors", HonorFields, ReadHonor);
            var projects = Section(f, "projects", ProjectFields, ReadProject);
            CheckProjectIds(f);
            var spending = Section(f, "spending", SpendingFields, ReadSpending);
            var procurement = Section(f, "procurement", ProcurementFields, ReadProcurement);
            var patentProducts = Section(f, "patentProducts", PatentProductFields, ReadPatentProduct);
            var premises = Section(f, "premises", PremisesFields, ReadPremises);
            var training = Section(f, "training", TrainingFields, ReadTraining);
            var grants = Section(f, "grants", GrantFields, ReadGrant);

            if (Errors.Count > 0)
            {
                return null;
            }

            return new Dossier
            {
                Uscc = uscc!,
                Name = name!,
                District = district!,
                Traits = traits.Count == 0 ? NoTraits : new HashSet<string>(traits, StringComparer.Ordinal),
                Sectors = sectors,
                RelocatedOn = relocatedOn,
                Figures = figures,
                Rankings = rankings,
                Honors = honors,
                Projects = projects,
                Spending = spending,
                Procurement = procurement,
                PatentProducts = patentProducts,
                Premises = premises,
                Training = training,
                Grants = grants,
            };
        }

        private Ranking? ReadRanking(ItemFields f)
        {
            var list = f.Word("list", Vocabulary.RankingLists, "榜单", "ranking list");
            var year = f.Year("year", required: true);
            var rank = f.Int("rank", required: true, min: 1, "名次", "rank");
            var date = f.Date("date", required: true);
            return f.Ok ? new Ranking(list!, year!.Value, rank!.Value, date!.Value) : null;
        }

        private Honor? ReadHonor(ItemFields f)
        {
            var kind = f.Word("kind", Vocabulary.HonorKinds, "称号类别", "honor kind");
            var date = f.Date("date", required: true);
            var item = f.String("item");
            var stars = f.Int("stars", required: false, min: 1, "星级", "stars");
            var provincialFunding = f.Number("provincialFunding", Sign.Money);
            var sales = f.Number("sales", Sign.Money);
            return f.Ok
                ? new Honor(kind!, date!.Value) { Item = item, Stars = stars, ProvincialFunding = provincialFunding, Sales = sales }
                : null;
        }

        private Project? ReadProject(ItemFields f)
        {
            var id = f.String("id", required: true);
            var kind = f.Word("kind", Vocabulary.ProjectKinds, "项目类别", "project kind");
            var sei = f.Bool("sei");
            var major = f.Bool("major");
            var totalInvestment = f.Number("totalInvestment", Sign.Money);
            var equipmentInvestment = f.Number("equipmentInvestment", Sign.Money);
            var benefitRate = f.Number("benefitRate", Sign.Rate);
            var completedOn = f.Date("completedOn");
            var reachedOutputOn = f.Date("reachedOutputOn");
            var enteredLibraryOn = f.Date("enteredLibraryOn");
            var signedOn = f.Date("signedOn");
            var startedOn = f.Date("startedOn");
            var contractInvestment = f.Number("contractInvestment", Sign.Money);
            IReadOnlyDictionary<Period, decimal> investment = FrozenDictionary<Period, decimal>.Empty;
            if (f.Get("figures") is { } figures && Fields(figures, Join(f.Path, "figures"), ProjectFigureFields) is { } pf
                && pf.Get("investment") is { } series)
            {
                investment = Series(series, Join(pf.Path, "investment"), Sign.Money, yearsOnly: false);
            }

            return f.Ok
                ? new Project(id!, kind!)
                {
                    Sei = sei ?? false,
                    Major = major ?? false,
                    TotalInvestment = totalInvestment,
                    EquipmentInvestment = equipmentInvestment,
                    BenefitRate = benefitRate,
                    CompletedOn = completedOn,
                    ReachedOutputOn = reachedOutputOn,
                    EnteredLibraryOn = enteredLibraryOn,
                    CumulativeInvestment = investment,
                    SignedOn = signedOn,
                    StartedOn = startedOn,
                    ContractInvestment = contractInvestment,
                }
                : null;
        }

        /// <summary>Project ids name awards (the <c>item</c> of an award line), so two projects may not share one.</summary>
        private void CheckProjectIds(ItemFields f)
        {
            if (f.Get("projects") is not { ValueKind: JsonValueKind.Array } array || array.GetArrayLength() < 2)
            {
                return;
            }

            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var i = 0;
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                    && id.GetString() is { Length: > 0 } text && !seen.TryAdd(text, i))
                {
                    Error($"projects[{i}].id", id, $"项目编号“{text}”与projects[{seen[text]}]重复", $"project id '{text}' repeats projects[{seen[text]}]");
                }

                i++;
            }
        }

        private Spending? ReadSpending(ItemFields f)
        {
            var kind = f.Word("kind", Vocabulary.SpendingKinds, "费用类别", "spending kind");
            var year = f.Year("year", required: true);
            var amount = f.Number("amount", Sign.Money, required: true);
            return f.Ok ? new Spending(kind!, year!.Value, amount!.Value) : null;
        }

        private Procurement? ReadProcurement(ItemFields f)
        {
            var year = f.Year("year", required: true);
            var supplier = f.String("supplier", required: true);
            if (supplier is not null && Uscc.Check(Join(f.Path, "supplier"), supplier) is { } error)
            {
                Errors.Add(error);
            }

            var amount = f.Number("amount", Sign.Money, required: true);
            var chain = f.Word("chain", Vocabulary.SupplyChains, "供应链类别", "supply chain");
            return f.Ok ? new Procurement(year!.Value, supplier!, amount!.Value, chain!) : null;
        }

        private PatentProduct? ReadPatentProduct(ItemFields f)
        {
            var id = f.String("id", required: true);
            var grantedOn = f.Date("grantedOn", required: true);
            var sales = f.Get("sales") is { } s ? Series(s, Join(f.Path, "sales"), Sign.Money, yearsOnly: true) : null;
            if (!f.Ok)
            {
                return null;
            }

            var byYear = new Dictionary<int, decimal>(sales?.Count ?? 0);
            if (sales is not null)
            {
                foreach (var (period, value) in sales)
                {
                    byYear[period.Year] = value;
                }
            }

            return new PatentProduct(id!, grantedOn!.Value, byYear);
        }

        private Premises? ReadPremises(ItemFields f)
        {
            var kind = f.Word("kind", Vocabulary.PremisesKinds, "楼宇使用方式", "premises kind");
            var area = f.Number("area", Sign.Quantity, required: true);
            var since = f.Date("since", required: true);
            var date = f.Date("date", required: true);
            return f.Ok ? new Premises(kind!, area!.Value, since!.Value, date!.Value) : null;
        }

        private Training? ReadTraining(ItemFields f)
        {
            var kind = f.Word("kind", Vocabulary.TrainingKinds, "培养类别", "training kind");
            var year = f.Year("year", required: true);
            var count = f.Int("count", required: true, min: 0, "人数", "count");
            return f.Ok ? new Training(kind!, year!.Value, count!.Value) : null;
        }

        private Grant? ReadGrant(ItemFields f)
        {
            var clause = f.String("clause", required: true);
            if (clause is not null && !ClauseSyntax().IsMatch(clause))
            {
                Error(At.Field(f.Path, "clause"), clause, $"条款编号“{clause}”格式错误，应为“文件/条号”，如zz2023-23/15", $"clause '{clause}' is not of the form <document>/<number>, e.g. zz2023-23/15");
            }

            var item = f.String("item");
            var amount = f.Number("amount", Sign.Money, required: true);
            var date = f.Date("date", required: true);
            return f.Ok ? new Grant(clause!, item, amount!.Value, date!.Value) : null;
        }

        private IReadOnlyList<T> Section<T>(ItemFields parent, string name, string[] known, Func<ItemFields, T?> item)
            where T : class
        {
            if (parent.Get(name) is not { } section)
            {
                return [];
            }

            return ReadArray(section, name, (e, at) => Fields(e, at.ToString(), known) is { } f ? item(f) : null);
        }

        private IReadOnlyList<T> ReadArray<T>(JsonElement array, string path, Func<JsonElement, At, T?> item)
            where T : class
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

            var items = new List<T>(length);
            var i = 0;
            foreach (var e in array.EnumerateArray())
            {
                if (item(e, At.Element(path, i++)) is { } t)
                {
                    items.Add(t);
                }
            }

            return items.Count == length ? items : [.. items];
        }

        private FigureTable Figures(JsonElement figures, string path)
        {
            var byMetric = new Dictionary<string, IReadOnlyDictionary<Period, decimal>>(StringComparer.Ordinal);
            foreach (var (metric, value) in Entries(figures, path))
            {
                if (!Vocabulary.Metrics.ContainsKey(metric))
                {
                    Error(At.Field(path, metric), metric, $"未知指标“{metric}”，应为以下之一：{List(Vocabulary.Metrics.Keys, "、")}", $"unknown metric '{metric}'; expected one of: {List(Vocabulary.Metrics.Keys, ", ")}");
                    continue;
                }

                var sign = Vocabulary.SignedMetrics.Contains(metric) ? Sign.Any : metric == "electricityKwh" ? Sign.Quantity : Sign.Money;
                var series = Series(value, Join(path, metric), sign, yearsOnly: false);
                if (series.Count > 0)
                {
                    byMetric[metric] = series;
                }
            }

            return byMetric.Count == 0 ? FigureTable.Empty : new FigureTable(byMetric.ToFrozenDictionary(StringComparer.Ordinal));
        }

        /// <summary>A period → number object: figures, a project's cumulative investment, a patent product's yearly sales.</summary>
        private Dictionary<Period, decimal> Series(JsonElement series, string path, Sign sign, bool yearsOnly)
        {
            var values = new Dictionary<Period, decimal>();
            foreach (var (key, value) in Entries(series, path))
            {
                if (!Period.TryParse(key, out var period) || (yearsOnly && period.Kind != PeriodKind.Year))
                {
                    if (yearsOnly)
                    {
                        Error(At.Field(path, key), key, $"“{key}”不是年份（如2024）", $"'{key}' is not a year such as 2024");
                    }
                    else
                    {
                        Error(At.Field(path, key), key, $"“{key}”不是统计期（如2024、2024H1、2024Q1、2024-03）", $"'{key}' is not a period (2024, 2024H1, 2024Q1 or 2024-03)");
                    }

                    continue;
                }

                if (Number(value, At.Field(path, key), sign) is { } number)
                {
                    values[period] = number;
                }
            }

            return values;
        }

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
        private ItemFields? Fields(JsonElement obj, string path, string[] known)
        {
            if (obj.ValueKind != JsonValueKind.Object)
            {
                TypeError(path, obj, "对象", "an object");
                return null;
            }

            // Repeated fields are reported as they come, unknown ones after, as a whole pass over the names would.
            var values = new JsonElement[known.Length];
            var present = 0UL;
            List<(string Name, JsonElement Value)>? unknown = null;
            HashSet<string>? seenUnknown = null;
            foreach (var p in obj.EnumerateObject())
            {
                var name = p.Name;
                var k = Array.IndexOf(known, name);
                if (k >= 0)
                {
                    if ((present & (1UL << k)) != 0)
                    {
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
                    Error(At.Field(path, name), value, $"未知字段“{name}”，可用字段：{List(known, "、")}", $"unknown field '{name}'; known fields: {List(known, ", ")}");
                }
            }

            return new ItemFields(this, path, known, values, present, Errors.Count);
        }

        private string? District(JsonElement e, At path)
        {
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

        public string? Word(JsonElement e, At path, IReadOnlyDictionary<string, string> vocabulary, string chinese, string english)
        {
            if (Text(e, path) is not { } word)
            {
                return null;
            }

            if (!vocabulary.ContainsKey(word))
            {
                Error(path, word, $"未知的{chinese}“{word}”，应为以下之一：{List(vocabulary.Keys, "、")}", $"unknown {english} '{word}'; expected one of: {List(vocabulary.Keys, ", ")}");
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

            switch (sign)
            {
                case Sign.Money when value < 0:
                    Error(path, e, "金额不能为负数", "amount must not be negative");
                    return null;
                case Sign.Quantity when value < 0:
                    Error(path, e, "数值不能为负数", "the value must not be negative");
                    return null;
                case Sign.Rate when value is < 0 or > 10:
                    Error(path, e, "比率应在0到10之间（0.12即12%）", "a rate must be between 0 and 10 (0.12 = 12 %)");
                    return null;
                default:
                    return value;
            }
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
    private sealed class ItemFields(Reader reader, string path, string[] known, JsonElement[] values, ulong present, int errorsBefore)
    {
        public string Path => path;

        /// <summary>No error since this object's fields were gathered: its record can be built.</summary>
        public bool Ok => reader.Errors.Count == errorsBefore;

        public JsonElement? Get(string name, bool required = false)
        {
            var k = Array.IndexOf(known, name);
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

        public string? Word(string name, IReadOnlyDictionary<string, string> vocabulary, string chinese, string english) =>
            Get(name, required: true) is { } e ? reader.Word(e, At.Field(path, name), vocabulary, chinese, english) : null;

        public decimal? Number(string name, Sign sign, bool required = false) =>
            Get(name, required) is { } e ? reader.Number(e, At.Field(path, name), sign) : null;

        public int? Int(string name, bool required, int min, string chinese, string english) =>
            Get(name, required) is { } e ? reader.Int(e, At.Field(path, name), min, int.MaxValue, chinese, english) : null;

        public int? Year(string name, bool required) =>
            Get(name, required) is { } e ? reader.Int(e, At.Field(path, name), 1900, 2100, "年份", "the year") : null;

        public DateOnly? Date(string name, bool required = false) =>
            Get(name, required) is { } e ? reader.Date(e, At.Field(path, name)) : null;

        public bool? Bool(string name) =>
            Get(name) is { } e ? reader.Bool(e, At.Field(path, name)) : null;
    }
}

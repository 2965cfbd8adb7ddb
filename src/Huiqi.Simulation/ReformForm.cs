using System.Globalization;
using Huiqi.Engine.Catalog;
using YamlDotNet.RepresentationModel;

namespace Huiqi.Simulation;

/// <summary>
/// The common changes of a reform as a bureau fills them in (调整方案表单): a clause's amount, rate, cap or threshold
/// (<see cref="ClauseParameters"/>), a document's or clause's window extended to a day, a document's city/district split,
/// a draft put in force from a day. Each part left empty is no change. <see cref="Build"/> makes the reform a reform file
/// would (the same <see cref="Reform"/>, written as the YAML it reads back from), so a reform from the form is
/// simulated, stored and reproduced exactly as a written one.
/// </summary>
public sealed record ReformForm
{
    /// <summary>The field names as the form labels them, for the errors.</summary>
    public static class Fields
    {
        public const string Title = "方案名称";
        public const string Parameter = "条款及参数";
        public const string Value = "新值";
        public const string Unit = "单位";
        public const string From = "新值适用起始日期";
        public const string WindowOf = "延长有效期的文件或条款";
        public const string WindowTo = "延长至";
        public const string SplitOf = "调整分担比例的文件";
        public const string City = "市级承担比例";
        public const string District = "区县（市）承担比例";
        public const string Draft = "视为施行的征求意见稿";
        public const string DraftFrom = "施行日期";
    }

    /// <summary>The units a new value is written in.</summary>
    public static readonly IReadOnlyList<string> Units = ["万元", "元", "%"];

    public string? Title { get; init; }

    /// <summary>A parameter's <see cref="ClauseParameter.Key"/>.</summary>
    public string? Parameter { get; init; }

    public string? Value { get; init; }

    public string? Unit { get; init; }

    public string? From { get; init; }

    /// <summary>A document or clause id.</summary>
    public string? WindowOf { get; init; }

    public string? WindowTo { get; init; }

    public string? SplitOf { get; init; }

    public string? City { get; init; }

    public string? District { get; init; }

    public string? Draft { get; init; }

    public string? DraftFrom { get; init; }

    /// <summary>The name under which a reform from the form is stored and its lines reported.</summary>
    public const string File = "表单生成的调整方案.yaml";

    /// <summary>The reform the form describes, as YAML (read back, it is the reform); or each fault, naming its field.</summary>
    public (string? Yaml, IReadOnlyList<string> Errors) Build(PolicyCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var errors = new List<string>();
        var changes = new List<YamlMappingNode>();
        var words = new List<string>();
        void Add(YamlMappingNode change, ReformChange described)
        {
            changes.Add(change);
            words.Add(ReformWords.Describe(described, catalog));
        }

        if (Blank(Parameter) is { } key)
        {
            var parameter = ParameterOf(catalog, key);
            if (parameter is null)
            {
                errors.Add($"{Fields.Parameter}：请从列表中选择条款及其参数");
            }
            else if (NewValue(parameter, errors) is { } value)
            {
                var from = Date(From, Fields.From, errors);
                var node = Flow(("clause", parameter.Clause), ("part", parameter.Part), ("param", parameter.Path), ("value", value), ("from", from is { } f ? ReformChange.Day(f) : null));
                Add(node, new ParamChange(parameter.Clause, parameter.Part, parameter.Path, new YamlScalarNode(value), from, File, 0));
            }
        }

        if (Blank(WindowOf) is { } of)
        {
            var to = Date(WindowTo, Fields.WindowTo, errors, required: true);
            if (catalog.Document(of) is { } d)
            {
                if (to is { } t)
                {
                    Add(Flow(("document", d.Id)).With("window", Flow(("to", ReformChange.Day(t)))), new WindowChange(d.Id, null, t, File, 0));
                }
            }
            else if (catalog.ClausesById.TryGetValue(of, out var c))
            {
                if (to is { } t)
                {
                    Add(Flow(("clause", c.Id)).With("window", Flow(("to", ReformChange.Day(t)))), new ClauseWindowChange(c.Id, null, t, File, 0));
                }
            }
            else
            {
                errors.Add($"{Fields.WindowOf}：请从列表中选择文件或条款");
            }
        }

        if (Blank(SplitOf) is { } splitOf)
        {
            var city = Percent(City, Fields.City, errors);
            var district = Percent(District, Fields.District, errors);
            if (catalog.Document(splitOf) is not { } d)
            {
                errors.Add($"{Fields.SplitOf}：请从列表中选择文件");
            }
            else if (city is { } c && district is { } k)
            {
                if (c + k != 100)
                {
                    errors.Add($"{Fields.City}、{Fields.District}：两者之和应为100%，现为{c + k}%");
                }
                else
                {
                    var node = Flow(("document", d.Id)).With("split", Flow(("city", c.ToString(CultureInfo.InvariantCulture)), ("district", k.ToString(CultureInfo.InvariantCulture))));
                    Add(node, new SplitChange(d.Id, c, k, File, 0));
                }
            }
        }

        if (Blank(Draft) is { } draft)
        {
            var from = Date(DraftFrom, Fields.DraftFrom, errors, required: true);
            if (catalog.Document(draft) is not { Adopted: false } d)
            {
                errors.Add($"{Fields.Draft}：请从列表中选择一份征求意见稿");
            }
            else if (from is { } f)
            {
                Add(Flow(("document", d.Id), ("inForce", ReformChange.Day(f))), new InForceChange(d.Id, f, File, 0));
            }
        }

        if (errors.Count == 0 && changes.Count == 0)
        {
            errors.Add($"{Fields.Parameter}：请至少填写一项调整（参数新值、延长有效期、分担比例或征求意见稿施行）");
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var title = Blank(Title) ?? string.Join("；", words);
        var head = Flow(("id", "form"), ("title", title.Length > 200 ? title[..200] : title));
        var root = new YamlMappingNode { { "reform", head }, { "changes", new YamlSequenceNode(changes) } };
        var writer = new StringWriter();
        writer.WriteLine("# 由政策测算页面的表单生成：" + string.Join("；", words));
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        return (writer.ToString().Replace("...\n", "", StringComparison.Ordinal).Replace("...\r\n", "", StringComparison.Ordinal), []);
    }

    /// <summary>The parameters the form offers, clause by clause in catalogue order: every clause that has one.</summary>
    public static IReadOnlyList<(Clause Clause, IReadOnlyList<ClauseParameter> Parameters)> Offered(PolicyCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return [.. catalog.Clauses.Select(c => (c, ClauseParameters.Of(c))).Where(x => x.Item2.Count > 0)];
    }

    private static ClauseParameter? ParameterOf(PolicyCatalog catalog, string key)
    {
        var clause = key.Split('|')[0];
        return catalog.ClausesById.TryGetValue(clause, out var c) ? ClauseParameters.Of(c).FirstOrDefault(p => p.Key == key) : null;
    }

    /// <summary>The new value as a reform file writes it (1500万, 15%), checked against the parameter's kind.</summary>
    private string? NewValue(ClauseParameter parameter, List<string> errors)
    {
        if (Blank(Value) is not { } text)
        {
            errors.Add($"{Fields.Value}：请填写{parameter.Label}的新值");
            return null;
        }

        var number = text.Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal);
        if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v))
        {
            errors.Add($"{Fields.Value}：“{text}”不是数字（只填数字，单位另选）");
            return null;
        }

        var unit = Blank(Unit) ?? (parameter.Kind == ParameterKind.Rate ? "%" : "万元");
        if (parameter.Kind == ParameterKind.Rate != (unit == "%") || !Units.Contains(unit))
        {
            errors.Add(parameter.Kind == ParameterKind.Rate
                ? $"{Fields.Unit}：{parameter.Label}是比例，单位应为%"
                : $"{Fields.Unit}：{parameter.Label}是金额，单位应为元或万元");
            return null;
        }

        if (unit == "%" && v > 100)
        {
            errors.Add($"{Fields.Value}：比例“{text}%”超过100%");
            return null;
        }

        var plain = v.ToString(CultureInfo.InvariantCulture);
        return unit switch
        {
            "%" => plain + "%",
            "万元" => plain + "万",
            _ when v % 1 != 0 => Fail($"{Fields.Value}：金额按元计应为整数，“{text}”有小数"),
            _ => plain,
        };

        string? Fail(string message)
        {
            errors.Add(message);
            return null;
        }
    }

    private static DateOnly? Date(string? text, string field, List<string> errors, bool required = false)
    {
        if (Blank(text) is not { } t)
        {
            if (required)
            {
                errors.Add($"{field}：请填写日期（如 2029-11-26）");
            }

            return null;
        }

        if (DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            || DateOnly.TryParseExact(t, "yyyy年M月d日", CultureInfo.InvariantCulture, DateTimeStyles.None, out d))
        {
            return d;
        }

        errors.Add($"{field}：“{t}”不是日期（如 2029-11-26）");
        return null;
    }

    private static int? Percent(string? text, string field, List<string> errors)
    {
        var t = Blank(text)?.TrimEnd('%');
        if (t is not null && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v <= 100)
        {
            return v;
        }

        errors.Add($"{field}：{(t is null ? "请填写" : $"“{text}”不是")}0到100之间的整数百分比（如 60）");
        return null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static YamlMappingNode Flow(params (string Key, string? Value)[] pairs)
    {
        var m = new YamlMappingNode { Style = YamlDotNet.Core.Events.MappingStyle.Flow };
        foreach (var (k, v) in pairs.Where(p => p.Value is not null))
        {
            m.Add(k, v!);
        }

        return m;
    }
}

internal static class YamlMappings
{
    public static YamlMappingNode With(this YamlMappingNode m, string key, YamlNode value)
    {
        m.Add(key, value);
        return m;
    }
}

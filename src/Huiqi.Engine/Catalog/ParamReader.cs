using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Huiqi.Engine.Catalog;

/// <summary>
/// Reads the named parameters of a clause (or any mapping of a policy file) with their line numbers.
/// A missing parameter, a value of the wrong form and, once <see cref="Done"/> is called, a key nobody read
/// are errors naming the file and line: a misspelt parameter must never fall back to a default silently.
/// </summary>
/// <remarks>
/// Amounts may be written as the documents write them: <c>1000万</c>, <c>50亿</c>, or plain yuan
/// (<c>10000000</c>, <c>10_000_000</c>); rates as <c>15%</c> or <c>0.15</c>. Both are exact decimals.
/// </remarks>
public sealed class ParamReader
{
    private readonly YamlMappingNode _node;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public ParamReader(string file, YamlMappingNode node, ReadingSwitches? switches = null)
    {
        File = file;
        _node = node;
        Switches = switches ?? new ReadingSwitches();
    }

    /// <summary>The reading switches met so far, and the values a caller chose for them (a reform, a simulation).</summary>
    public ReadingSwitches Switches { get; }

    public string File { get; }

    /// <summary>The YAML mapping itself, for what is shown or converted as written (a test's dossier, a clause's parameters).</summary>
    public YamlMappingNode Node => _node;

    public int Line => (int)_node.Start.Line;

    public bool Has(string name) => _node.Children.ContainsKey(new YamlScalarNode(name));

    public IEnumerable<string> Keys => _node.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "");

    public CatalogException Error(string message, YamlNode? at = null) =>
        new(File, (int)(at ?? _node).Start.Line, message);

    private YamlNode? Find(string name)
    {
        _read.Add(name);
        return _node.Children.TryGetValue(new YamlScalarNode(name), out var v) ? v : null;
    }

    private YamlNode Need(string name) =>
        Find(name) ?? throw Error($"缺少参数“{name}” / missing parameter '{name}'");

    private string Scalar(string name, YamlNode node) =>
        node is YamlScalarNode s && s.Value is not null ? s.Value : throw Error($"参数“{name}”应为单个值 / parameter '{name}' must be a single value", node);

    public string String(string name) => Scalar(name, Need(name));

    public string? OptionalString(string name) => Find(name) is { } n && !IsNull(n) ? Scalar(name, n) : null;

    public decimal Amount(string name) => ParseAmount(name, Need(name));

    public decimal? OptionalAmount(string name) => Find(name) is { } n && !IsNull(n) ? ParseAmount(name, n) : null;

    /// <summary>
    /// A cap (最高不超过): required, so that deleting it is an error rather than a silent "no cap"; written <c>none</c>
    /// where the text sets no cap.
    /// </summary>
    public decimal? Cap(string name = "cap")
    {
        var node = Need(name);
        return node is YamlScalarNode { Value: "none" } ? null : ParseAmount(name, node);
    }

    public decimal Rate(string name) => ParseRate(name, Need(name));

    public decimal? OptionalRate(string name) => Find(name) is { } n && !IsNull(n) ? ParseRate(name, n) : null;

    public int Int(string name)
    {
        var node = Need(name);
        return int.TryParse(Scalar(name, node), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw Error($"参数“{name}”应为整数 / parameter '{name}' must be a whole number", node);
    }

    public int? OptionalInt(string name) => Has(name) ? Int(name) : MarkRead(name, (int?)null);

    public bool Bool(string name, bool fallback)
    {
        var node = Find(name);
        if (node is null)
        {
            return fallback;
        }

        return Scalar(name, node) switch
        {
            "true" or "yes" => true,
            "false" or "no" => false,
            _ => throw Error($"参数“{name}”应为 true 或 false / parameter '{name}' must be true or false", node),
        };
    }

    public DateOnly Date(string name) => ParseDate(name, Need(name));

    public DateOnly? OptionalDate(string name) => Find(name) is { } n && !IsNull(n) ? ParseDate(name, n) : null;

    /// <summary>
    /// A parameter with a few named values. Written <c>{ switch: chain-base, value: qualifying-suppliers }</c> it is a
    /// reading switch (interpretation.md, general rule 12): recorded by name so a bureau or a simulation can flip it.
    /// </summary>
    public string Switch(string name, params string[] readings)
    {
        var node = Need(name);
        string value;
        if (node is YamlMappingNode m)
        {
            var sw = new ParamReader(File, m, Switches);
            var switchName = sw.String("switch");
            value = sw.String("value");
            sw.Done();
            CheckReading(name, value, readings, node);
            var written = value;
            if (Switches.Chosen(switchName) is { } chosen)
            {
                CheckReading(name, chosen, readings, node);
                value = chosen;
            }

            Switches.Record(new ReadingSwitch(switchName, Switches.CurrentClause ?? "", name, value, written, readings, File, (int)node.Start.Line));
            return value;
        }

        value = Scalar(name, node);
        CheckReading(name, value, readings, node);
        return value;
    }

    private void CheckReading(string name, string value, string[] readings, YamlNode node)
    {
        if (!readings.Contains(value))
        {
            throw Error($"参数“{name}”的取值应为 {string.Join(" 或 ", readings)}，实际为“{value}” / parameter '{name}' must be one of {string.Join(", ", readings)}, got '{value}'", node);
        }
    }

    public IReadOnlyList<string> Strings(string name) => StringsOf(name, Need(name));

    public IReadOnlyList<string> OptionalStrings(string name) => Find(name) is { } n && !IsNull(n) ? StringsOf(name, n) : [];

    /// <summary>Words that must belong to a vocabulary of the dossier contract (traits, honor kinds, sectors …).</summary>
    public IReadOnlyList<string> Words(string name, IReadOnlyDictionary<string, string> vocabulary, bool required = false)
    {
        var node = required ? Need(name) : Find(name);
        if (node is null || IsNull(node))
        {
            return [];
        }

        var words = StringsOf(name, node);
        foreach (var w in words)
        {
            if (!vocabulary.ContainsKey(w))
            {
                throw Error($"参数“{name}”中的“{w}”不是已知的取值 / '{w}' in parameter '{name}' is not a known value", node);
            }
        }

        return words;
    }

    public string Word(string name, IReadOnlyDictionary<string, string> vocabulary)
    {
        var node = Need(name);
        var w = Scalar(name, node);
        return vocabulary.ContainsKey(w) ? w : throw Error($"参数“{name}”的“{w}”不是已知的取值 / '{w}' in parameter '{name}' is not a known value", node);
    }

    public ParamReader Mapping(string name)
    {
        var node = Need(name);
        return node is YamlMappingNode m ? new ParamReader(File, m, Switches) : throw Error($"参数“{name}”应为映射 / parameter '{name}' must be a mapping", node);
    }

    public ParamReader? OptionalMapping(string name) => Has(name) ? Mapping(name) : MarkRead(name, (ParamReader?)null);

    public IReadOnlyList<ParamReader> List(string name)
    {
        var node = Need(name);
        return ListOf(name, node);
    }

    public IReadOnlyList<ParamReader> OptionalList(string name) => Find(name) is { } n && !IsNull(n) ? ListOf(name, n) : [];

    /// <summary>A mapping of word → amount (e.g. title → award), keeping the order written.</summary>
    public IReadOnlyList<KeyValuePair<string, decimal>> AmountTable(string name, IReadOnlyDictionary<string, string>? vocabulary = null)
    {
        var node = Need(name);
        if (node is not YamlMappingNode m)
        {
            throw Error($"参数“{name}”应为“名称: 金额”的映射 / parameter '{name}' must map names to amounts", node);
        }

        var result = new List<KeyValuePair<string, decimal>>();
        foreach (var (k, v) in m.Children)
        {
            var key = ((YamlScalarNode)k).Value ?? "";
            if (vocabulary is not null && !vocabulary.ContainsKey(key))
            {
                throw Error($"参数“{name}”中的“{key}”不是已知的取值 / '{key}' in parameter '{name}' is not a known value", k);
            }

            result.Add(new(key, ParseAmount($"{name}.{key}", v)));
        }

        return result;
    }

    /// <summary>Call when every parameter has been read: an unread key is a misspelt or unknown parameter.</summary>
    public void Done()
    {
        foreach (var (k, _) in _node.Children)
        {
            var key = (k as YamlScalarNode)?.Value ?? "";
            if (!_read.Contains(key))
            {
                throw Error($"未知字段“{key}” / unknown field '{key}'", k);
            }
        }
    }

    /// <summary>Marks keys as handled elsewhere (e.g. the common keys of a clause).</summary>
    public void Skip(params string[] names)
    {
        foreach (var n in names)
        {
            _read.Add(n);
        }
    }

    private T MarkRead<T>(string name, T value)
    {
        _read.Add(name);
        return value;
    }

    private static bool IsNull(YamlNode n) => n is YamlScalarNode { Value: null or "" or "~" or "null" } s && s.Style == YamlDotNet.Core.ScalarStyle.Plain;

    private IReadOnlyList<string> StringsOf(string name, YamlNode node) => node switch
    {
        YamlSequenceNode seq => seq.Children.Select(c => Scalar(name, c)).ToList(),
        YamlScalarNode s when s.Value is not null => [s.Value],
        _ => throw Error($"参数“{name}”应为列表 / parameter '{name}' must be a list", node),
    };

    private IReadOnlyList<ParamReader> ListOf(string name, YamlNode node) => node is YamlSequenceNode seq
        ? seq.Children.Select(c => c is YamlMappingNode m ? new ParamReader(File, m, Switches) : throw Error($"参数“{name}”的每一项应为映射 / each item of '{name}' must be a mapping", c)).ToList()
        : throw Error($"参数“{name}”应为列表 / parameter '{name}' must be a list", node);

    private decimal ParseAmount(string name, YamlNode node)
    {
        var text = Scalar(name, node);
        return TryParseAmount(text, out var v)
            ? v
            : throw Error($"参数“{name}”的值“{text}”不是金额（如 1000万、50亿 或 10000000） / parameter '{name}' value '{text}' is not an amount", node);
    }

    private decimal ParseRate(string name, YamlNode node)
    {
        var text = Scalar(name, node);
        return TryParseRate(text, out var v)
            ? v
            : throw Error($"参数“{name}”的值“{text}”不是比例（如 15% 或 0.15） / parameter '{name}' value '{text}' is not a rate", node);
    }

    private DateOnly ParseDate(string name, YamlNode node)
    {
        var text = Scalar(name, node);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw Error($"参数“{name}”的值“{text}”不是日期（yyyy-MM-dd） / parameter '{name}' value '{text}' is not a date", node);
    }

    /// <summary>Parses <c>1000万</c>, <c>1.5亿</c>, <c>10_000_000</c> or <c>10000000</c> to exact yuan.</summary>
    public static bool TryParseAmount(string text, out decimal value)
    {
        var t = text.Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Trim();
        var factor = 1m;
        if (t.EndsWith("元", StringComparison.Ordinal))
        {
            t = t[..^1];
        }

        if (t.EndsWith('万'))
        {
            factor = 10_000m;
            t = t[..^1];
        }
        else if (t.EndsWith('亿'))
        {
            factor = 100_000_000m;
            t = t[..^1];
        }

        if (decimal.TryParse(t, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
        {
            value = v * factor;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>Parses <c>15%</c> (0.15) or <c>0.15</c>.</summary>
    public static bool TryParseRate(string text, out decimal value)
    {
        var t = text.Trim();
        var percent = t.EndsWith('%');
        if (percent)
        {
            t = t[..^1];
        }

        if (decimal.TryParse(t, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
        {
            value = percent ? v / 100m : v;
            return true;
        }

        value = 0;
        return false;
    }
}

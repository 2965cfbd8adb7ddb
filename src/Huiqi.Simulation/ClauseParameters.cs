using System.Globalization;
using Huiqi.Engine.Catalog;
using Huiqi.Engine.Model;
using YamlDotNet.RepresentationModel;

namespace Huiqi.Simulation;

/// <summary>Whether a parameter is an amount of money (元) or a rate (%).</summary>
public enum ParameterKind
{
    Amount,
    Rate,
}

/// <summary>
/// A parameter of a clause that a reform commonly changes (参数): an amount, a rate, a cap or a threshold, named in the
/// bureau's words (最高奖励, 第1档门槛（超过）, “独角兽”奖励金额) with its current value; <see cref="Path"/> is how a reform
/// names it (<c>cap</c>, <c>thresholds[0].over</c>, <c>titles.unicorn</c>), <see cref="Part"/> the item of a clause with several parts.
/// </summary>
public sealed record ClauseParameter(string Clause, string? Part, string Path, string Label, ParameterKind Kind, decimal Current)
{
    /// <summary>The parameter as one form value: clause, part and path.</summary>
    public string Key => $"{Clause}|{Part}|{Path}";
}

/// <summary>
/// The amounts and rates of a clause, read from its parameters as the catalogue holds them (<see cref="Clause.ParamsText"/>):
/// every scalar written as an amount (1000万, 50亿, 3000 per person) or a rate (15%). Counts, switches, codes and dates are
/// left to the YAML of a reform.
/// </summary>
public static class ClauseParameters
{
    public static IReadOnlyList<ClauseParameter> Of(Clause clause)
    {
        ArgumentNullException.ThrowIfNull(clause);
        var result = new List<ClauseParameter>();
        if (string.IsNullOrWhiteSpace(clause.ParamsText))
        {
            return result;
        }

        var stream = new YamlStream();
        stream.Load(new StringReader(clause.ParamsText));
        switch (stream.Documents[0].RootNode)
        {
            case YamlSequenceNode parts:
                var named = parts.Children.OfType<YamlMappingNode>().Select(p => Scalar(p, "item")).Distinct().Count() > 1;
                foreach (var part in parts.Children.OfType<YamlMappingNode>())
                {
                    var item = named ? Scalar(part, "item") : null;
                    if (part.Children.TryGetValue(new YamlScalarNode("params"), out var p) && p is YamlMappingNode m)
                    {
                        Walk(clause.Id, item, m, "", item is not null && PartName(item) is { } name ? [name + "："] : [], result);
                    }
                }

                break;
            case YamlMappingNode parameters:
                Walk(clause.Id, null, parameters, "", [], result);
                break;
        }

        return [.. result.DistinctBy(p => p.Key)];
    }

    /// <summary>The parameter a reform names, or null when it is not one the form offers.</summary>
    public static ClauseParameter? Find(Clause clause, string? part, string path) =>
        Of(clause).FirstOrDefault(p => p.Part == part && p.Path == path);

    private static void Walk(string clause, string? part, YamlMappingNode node, string path, List<string> context, List<ClauseParameter> result)
    {
        foreach (var (k, v) in node.Children)
        {
            if (k is not YamlScalarNode { Value: { } key })
            {
                continue;
            }

            var at = path.Length == 0 ? key : path + "." + key;
            switch (v)
            {
                case YamlScalarNode { Value: { } text }:
                    if (Classify(text, path.EndsWith("perPerson", StringComparison.Ordinal)) is { } found && Leaf(key, path) is { } leaf)
                    {
                        result.Add(new ClauseParameter(clause, part, at, string.Concat(context) + leaf, found.Kind, found.Value));
                    }

                    break;
                case YamlMappingNode m when m.Children.ContainsKey(new YamlScalarNode("switch")):
                    break; // a reading switch: changed as a reading, in the YAML
                case YamlMappingNode m:
                    Walk(clause, part, m, at, [.. context, Group(key)], result);
                    break;
                case YamlSequenceNode s:
                    for (var i = 0; i < s.Children.Count; i++)
                    {
                        if (s.Children[i] is YamlMappingNode e)
                        {
                            Walk(clause, part, e, $"{at}[{i}]", [.. context, Element(key, e, i)], result);
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// The item of a part in Chinese (参展费用, 2023年上半年); null where it has no name of its own (a part of titles, whose
    /// labels name each title).
    /// </summary>
    private static string? PartName(string item)
    {
        if (Vocabulary.Chinese(item) is var zh && zh != item)
        {
            return zh;
        }

        return item.Length == 4 && int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? item + "年"
            : item.Length == 6 && item[4] == 'H' && int.TryParse(item[..4], NumberStyles.None, CultureInfo.InvariantCulture, out _) ? item[..4] + (item[5] == '1' ? "年上半年" : "年下半年")
            : null;
    }

    private static (ParameterKind Kind, decimal Value)? Classify(string text, bool plainAmount)
    {
        var t = text.Trim();
        if (t.EndsWith('%') && ParamReader.TryParseRate(t, out var rate))
        {
            return (ParameterKind.Rate, rate);
        }

        return (plainAmount || t.EndsWith('万') || t.EndsWith('亿') || t.EndsWith('元')) && ParamReader.TryParseAmount(t, out var amount)
            ? (ParameterKind.Amount, amount)
            : null;
    }

    /// <summary>What a mapping of parameters is about: a title's or a person's amount under it, a band, a step.</summary>
    private static string Group(string key) => key switch
    {
        "titles" or "perPerson" => "",
        "step" or "steps" => "超出部分每档",
        "band" => "计奖区间",
        "share" => "占比要求",
        "basic" => "基础奖励",
        "newEntry" => "新入规企业",
        _ => "",
    };

    /// <summary>An element of a list: a ranking, a supply chain, or the n-th tier.</summary>
    private static string Element(string key, YamlMappingNode e, int i)
    {
        if (Scalar(e, "list") is { } list)
        {
            return Vocabulary.Chinese(list);
        }

        if (Scalar(e, "chain") is { } chain)
        {
            return Vocabulary.Chinese(chain);
        }

        var place = key switch
        {
            "lease" => "租赁",
            "purchase" => "购买",
            _ => "",
        };
        return $"{place}第{i + 1}档";
    }

    /// <summary>
    /// The Chinese of a parameter's own name; under <c>titles</c> or <c>perPerson</c>, the title or training it pays for.
    /// A name without one is not offered (the YAML still changes it).
    /// </summary>
    private static string? Leaf(string key, string parent) =>
        parent.EndsWith("titles", StringComparison.Ordinal) ? (Vocabulary.Chinese(key) is var t && t.Contains('“', StringComparison.Ordinal) ? t : $"“{t}”") + "奖励金额"
        : parent.EndsWith("perPerson", StringComparison.Ordinal) ? $"{Vocabulary.Chinese(key)}每人奖励"
        : key switch
        {
            "cap" => "最高奖励（上限）",
            "rate" => "奖励比例",
            "seiRate" => "战略性新兴产业项目奖励比例",
            "salesRate" => "按销售额奖励比例",
            "minTotalInvestment" => "项目总投资门槛",
            "minSales" => "销售额门槛",
            "minTax" => "纳税额门槛",
            "minGrowth" or "growthOver" => "增长率门槛",
            "minBenefitRate" => "效益提升门槛",
            "minIncrease" => "增量门槛",
            "minPerSupplier" => "单个供应商采购额门槛",
            "baseOver" => "基数门槛",
            "peakShare" => "高峰用电占比门槛",
            "entry" => "首次进入奖励",
            "stepPays" => "排名每提高一档奖励",
            "perStep" => "每档奖励",
            "pays" => "奖励金额",
            "fixed" => "固定奖励",
            "over" => "门槛（超过）",
            "atLeast" => "门槛（达到）",
            "size" => "每档幅度",
            "from" => "下限",
            "to" => "上限",
            "step" => "每档增长幅度",
            _ => null,
        };

    private static string? Scalar(YamlMappingNode m, string key) =>
        m.Children.TryGetValue(new YamlScalarNode(key), out var v) ? (v as YamlScalarNode)?.Value : null;
}

using System.Text.RegularExpressions;

namespace Huiqi.Engine.Catalog;

/// <summary>
/// A task a document sets (重点任务) with its lead units (牵头单位) and responsible units (责任单位), read from the
/// original text so its wording is the document's own. Id: <c>zzb2020-19/12</c>; sj-sangao, which numbers nothing,
/// by action and place (<c>sj-sangao/5.1</c>).
/// </summary>
public sealed record PolicyTask(string Id, string Title, string Text, IReadOnlyList<string> Lead, IReadOnlyList<string> Responsible);

/// <summary>Extracts the tasks of a document from its original text.</summary>
public static partial class TaskExtractor
{
    /// <summary>
    /// <c>numbered</c>: tasks written "N. 标题。…" each followed by a 责任单位 line (zzb2020-19, zzb2022-zjtx) — where the
    /// text names no lead unit, the first unit named leads, as is the custom of these lists.
    /// <c>actions</c>: paragraphs under the actions "（一）…行动", each closed by a 牵头单位 line (sj-sangao).
    /// </summary>
    public static IReadOnlyList<PolicyTask> Extract(string documentId, string text, string layout)
    {
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).ToList();
        var tasks = new List<PolicyTask>();
        var pending = new List<string>();
        var action = 0;
        var place = 0;
        var stop = false;
        foreach (var line in lines)
        {
            if (stop || line.Length == 0)
            {
                continue;
            }

            if (layout == "numbered" && line.StartsWith("附件", StringComparison.Ordinal))
            {
                stop = true;
                continue;
            }

            if (layout == "actions" && ActionHeading().Match(line) is { Success: true } h)
            {
                action = "一二三四五六七八九".IndexOf(h.Groups[1].Value[0], StringComparison.Ordinal) + 1;
                place = 0;
                pending.Clear();
                continue;
            }

            var units = UnitsIn(line);
            if (units is null)
            {
                if (layout == "numbered" && NumberedStart().IsMatch(line))
                {
                    pending.Clear();
                }
                else if (layout == "actions" && (line.StartsWith("四、", StringComparison.Ordinal) || line.StartsWith("三、", StringComparison.Ordinal)))
                {
                    pending.Clear();
                    if (line.StartsWith("四、", StringComparison.Ordinal))
                    {
                        action = 7;
                        place = 0;
                    }

                    continue;
                }

                pending.Add(line);
                continue;
            }

            // A short first line with no full stop is a heading ("（一）加强组织领导"): it is the title.
            string? heading = pending.Count > 1 && pending[0].Length <= 16 && !pending[0].Contains('。', StringComparison.Ordinal)
                ? HeadingNumber().Replace(pending[0], "")
                : null;
            var body = string.Join("", heading is null ? pending : pending.Skip(1)) + units.Value.Before;
            pending.Clear();
            if (body.Length == 0)
            {
                continue;
            }

            string id;
            if (layout == "numbered")
            {
                var m = NumberedStart().Match(body);
                if (!m.Success)
                {
                    continue;
                }

                id = $"{documentId}/{m.Groups[1].Value}";
                body = body[m.Length..];
            }
            else
            {
                if (action == 0)
                {
                    continue;
                }

                place++;
                id = $"{documentId}/{action}.{place}";
                body = LeadingNumber().Replace(body, "");
            }

            var dot = body.IndexOf('。', StringComparison.Ordinal);
            var title = heading ?? (dot > 0 && dot <= 30 ? body[..dot] : body[..Math.Min(20, body.Length)]);
            var lead = units.Value.Lead.Count > 0 ? units.Value.Lead : units.Value.Responsible.Take(1).ToList();
            tasks.Add(new PolicyTask(id, title, body, lead, units.Value.Responsible));
        }

        return tasks;
    }

    /// <summary>The units a line names (a whole 责任单位 line, or a trailing "（牵头单位：…）"), and the text before them.</summary>
    private static (string Before, IReadOnlyList<string> Lead, IReadOnlyList<string> Responsible)? UnitsIn(string line)
    {
        var at = line.IndexOf("牵头单位：", StringComparison.Ordinal);
        if (at < 0)
        {
            at = line.IndexOf("责任单位：", StringComparison.Ordinal);
        }

        if (at < 0 || (at > 0 && line[at - 1] != '（'))
        {
            return at == 0 ? Parse(line, "") : null;
        }

        return at == 0 ? Parse(line, "") : Parse(line[at..].TrimEnd('）'), line[..(at - 1)]);
    }

    private static (string, IReadOnlyList<string>, IReadOnlyList<string>) Parse(string units, string before)
    {
        var lead = new List<string>();
        var responsible = new List<string>();
        foreach (var part in units.Split(['；', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            var p = part.Trim();
            var target = p.StartsWith("牵头单位", StringComparison.Ordinal) ? lead : responsible;
            // "牵头单位：A，责任单位：B" written with a comma.
            var inner = p.IndexOf("，责任单位：", StringComparison.Ordinal);
            if (inner > 0)
            {
                lead.AddRange(SplitUnits(p[(p.IndexOf('：') + 1)..inner]));
                responsible.AddRange(SplitUnits(p[(inner + "，责任单位：".Length)..]));
                continue;
            }

            target.AddRange(SplitUnits(p[(p.IndexOf('：') + 1)..]));
        }

        return (before, lead, responsible);
    }

    /// <summary>Splits "市工信局、市财政局，各开发区管委会和县（市、区）政府" at the top level, never inside （）.</summary>
    private static IEnumerable<string> SplitUnits(string s)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < s.Length; i++)
        {
            switch (s[i])
            {
                case '（' or '(':
                    depth++;
                    break;
                case '）' or ')':
                    depth--;
                    break;
                case '、' or '，' or ',' when depth == 0:
                    if (i > start)
                    {
                        yield return s[start..i].Trim();
                    }

                    start = i + 1;
                    break;
            }
        }

        var last = s[start..].Trim().TrimEnd('。');
        if (last.Length > 0)
        {
            yield return last;
        }
    }

    [GeneratedRegex(@"^(\d+)[\.．]\s*")]
    private static partial Regex NumberedStart();

    [GeneratedRegex(@"^\d+[\.．]\s*")]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"^（[一二三四五六七八九]）")]
    private static partial Regex HeadingNumber();

    [GeneratedRegex(@"^（([一二三四五六七八九])）.*行动")]
    private static partial Regex ActionHeading();
}

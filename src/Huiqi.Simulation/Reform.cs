using System.Globalization;
using Huiqi.Engine.Catalog;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Huiqi.Simulation;

/// <summary>
/// A reform (政策调整方案): named changes to the catalogue that a bureau wants costed before it decides
/// (<c>policies/reforms/*.yaml</c>). It is data, checked like the catalogue: see <see cref="ReformReader"/> for the
/// format and <see cref="ReformApplier"/> for how it is applied.
/// </summary>
public sealed record Reform(string Id, string Title, string? Description, string File, IReadOnlyList<ReformChange> Changes);

/// <summary>One change of a reform, with the line of the reform file it was written on.</summary>
public abstract record ReformChange(string File, int Line)
{
    /// <summary>What the change does, in the bureau's words (Chinese) with the ids as written.</summary>
    public abstract string Describe();

    /// <summary>The change as a warning or a report names it: file, line and what it does.</summary>
    public string Label => $"{File}:{Line} {Describe()}";

    internal static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// <c>{ clause: ID, param: NAME(.path), value: V, from: DATE?, part: ITEM? }</c>: a parameter's new value (a cap, a rate, a
/// step, a threshold), for every event when <c>from</c> is absent, else for events from that day (the clause then holds
/// one part per span of days). <c>part</c> names the item of a clause with several parts.
/// </summary>
public sealed record ParamChange(string Clause, string? Part, string Param, YamlNode Value, DateOnly? From, string File, int Line) : ReformChange(File, Line)
{
    public override string Describe() =>
        $"{Clause}{(Part is null ? "" : $"（{Part}）")} 参数 {Param} 改为 {Show(Value)}{(From is { } f ? $"，{Day(f)}起" : "")}";

    internal static string Show(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Value ?? "",
        YamlMappingNode m => "{ " + string.Join(", ", m.Children.Select(kv => $"{Show(kv.Key)}: {Show(kv.Value)}")) + " }",
        YamlSequenceNode q => "[" + string.Join(", ", q.Children.Select(Show)) + "]",
        _ => node.ToString(),
    };
}

/// <summary><c>{ clause: ID, window: { from?, to? } }</c>: the period a clause names for itself (interpretation.md rule 4).</summary>
public sealed record ClauseWindowChange(string Clause, DateOnly? From, DateOnly? To, string File, int Line) : ReformChange(File, Line)
{
    public override string Describe() => $"{Clause} 适用期间改为{(From is { } f ? $" {Day(f)}" : "")}至{(To is { } t ? $" {Day(t)}" : "")}";
}

/// <summary><c>{ document: ID, window: { from?, to? } }</c>: a document's window extended or shortened.</summary>
public sealed record WindowChange(string Document, DateOnly? From, DateOnly? To, string File, int Line) : ReformChange(File, Line)
{
    public override string Describe() =>
        $"{Document} 有效期{(From is { } f ? $"自 {Day(f)}" : "")}{(To is { } t ? $"至 {Day(t)}" : "")}";
}

/// <summary><c>{ document: ID, inForce: DATE }</c>: a draft treated as adopted on that day, for its own duration (rule 10).</summary>
public sealed record InForceChange(string Document, DateOnly From, string File, int Line) : ReformChange(File, Line)
{
    public override string Describe() => $"{Document}（征求意见稿）视为自 {Day(From)} 起施行";
}

/// <summary><c>{ document: ID, split: { city: 60, district: 40 } }</c>: who pays the document's awards (rule 9).</summary>
public sealed record SplitChange(string Document, int City, int District, string File, int Line) : ReformChange(File, Line)
{
    public override string Describe() => $"{Document} 市区分担比例改为 {City}:{District}";
}

/// <summary><c>{ reading: SWITCH, value: V }</c>: the other reading of a sentence (interpretation.md rule 12).</summary>
public sealed record ReadingChange(string Switch, string Value, string File, int Line) : ReformChange(File, Line)
{
    public override string Describe() => $"解读口径 {Switch} 取 {Value}";
}

/// <summary><c>{ removeClause: ID }</c>: a clause deleted, with any precedence that names it.</summary>
public sealed record RemoveClauseChange(string Clause, string File, int Line) : ReformChange(File, Line)
{
    public override string Describe() => $"删除条款 {Clause}";
}

/// <summary><c>{ document: ID, addClause: { …a clause as in the policy files… } }</c>: a clause added, checked like every other.</summary>
public sealed record AddClauseChange(string Document, string Clause, YamlMappingNode Node, string File, int Line) : ReformChange(File, Line)
{
    public override string Describe() => $"{Document} 新增条款 {Clause}";
}

/// <summary>
/// <c>{ document: ID, supersedes: { by, over, items, from, text } }</c>: from a day, items of an earlier clause are paid under a
/// clause of this document instead ("与原有政策冲突的，按本政策执行"); <c>text</c> quotes the sentence that says so.
/// </summary>
public sealed record SupersedesChange(string Document, string By, string Over, YamlMappingNode Node, string File, int Line) : ReformChange(File, Line)
{
    public override string Describe() => $"{Document}：{By} 取代 {Over}";
}

/// <summary>A reform file read, or every fault found in it (file and line).</summary>
public sealed record ReformReadResult(Reform? Reform, IReadOnlyList<CatalogError> Errors)
{
    public bool Ok => Reform is not null && Errors.Count == 0;
}

/// <summary>
/// Reads a reform file:
/// <code>
/// reform: { id: tech-reform-cap-1500, title: 技改奖励上限提高至1500万元, description: … }
/// changes:
///   - { clause: zz2023-23/9, param: cap, value: 1500万, from: 2025-01-01 }
///   - { document: zz2023-23, window: { to: 2027-11-26 } }
///   - { document: sj-sangao, inForce: 2025-01-01 }
///   - { document: zzw2022-155, split: { city: 60, district: 40 } }
///   - { reading: chain-base, value: all-purchases }
///   - { removeClause: zz2023-23/19 }
///   - { document: zz2023-23, addClause: { id: …, title: …, text: […], rule: …, params: {…}, tests: […] } }
///   - { document: zz2023-23, supersedes: { by: …, over: …, items: […], from: …, text: […] } }
/// </code>
/// A misspelt key, a missing value or a change of no known kind is an error naming the line; whether the clause,
/// document, parameter or switch exists is checked when the reform is applied to a catalogue.
/// </summary>
public static class ReformReader
{
    public static ReformReadResult Read(string file, string text)
    {
        var errors = new List<CatalogError>();
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode m)
            {
                return new(null, [new CatalogError(file, 1, "调整方案应为一个 YAML 映射 / a reform file must be one YAML mapping")]);
            }

            root = m;
        }
        catch (YamlException e)
        {
            return new(null, [new CatalogError(file, (int)e.Start.Line, $"YAML 格式错误 / YAML syntax error: {e.Message}")]);
        }

        var r = new ParamReader(file, root);
        string id = "", title = "";
        string? description = null;
        var changes = new List<ReformChange>();
        try
        {
            var head = r.Mapping("reform");
            id = head.String("id");
            title = head.String("title");
            description = head.OptionalString("description");
            head.Done();
            var list = r.List("changes");
            if (list.Count == 0)
            {
                errors.Add(new CatalogError(file, r.Line, "调整方案没有任何变更 / a reform must name at least one change"));
            }

            foreach (var c in list)
            {
                try
                {
                    changes.Add(ReadChange(c));
                }
                catch (CatalogException e)
                {
                    errors.Add(e.Error);
                }
            }

            r.Done();
        }
        catch (CatalogException e)
        {
            errors.Add(e.Error);
        }

        return errors.Count == 0 ? new(new Reform(id, title, description, file, changes), errors) : new(null, errors);
    }

    private static ReformChange ReadChange(ParamReader c)
    {
        ReformChange change;
        if (c.Has("reading"))
        {
            change = new ReadingChange(c.String("reading"), c.String("value"), c.File, c.Line);
        }
        else if (c.Has("removeClause"))
        {
            change = new RemoveClauseChange(c.String("removeClause"), c.File, c.Line);
        }
        else if (c.Has("addClause"))
        {
            var node = c.Mapping("addClause");
            change = new AddClauseChange(c.String("document"), node.String("id"), node.Node, c.File, c.Line);
        }
        else if (c.Has("supersedes"))
        {
            var node = c.Mapping("supersedes");
            change = new SupersedesChange(c.String("document"), node.String("by"), node.String("over"), node.Node, c.File, c.Line);
        }
        else if (c.Has("param"))
        {
            var value = c.Node.Children.TryGetValue(new YamlScalarNode("value"), out var v) ? v : throw c.Error("缺少参数“value” / missing parameter 'value'");
            c.Skip("value");
            change = new ParamChange(c.String("clause"), c.OptionalString("part"), c.String("param"), value, c.OptionalDate("from"), c.File, c.Line);
        }
        else if (c.Has("clause") && c.Has("window"))
        {
            var (from, to) = Span(c.Mapping("window"));
            change = new ClauseWindowChange(c.String("clause"), from, to, c.File, c.Line);
        }
        else if (c.Has("document") && c.Has("window"))
        {
            var (from, to) = Span(c.Mapping("window"));
            change = new WindowChange(c.String("document"), from, to, c.File, c.Line);
        }
        else if (c.Has("document") && c.Has("inForce"))
        {
            change = new InForceChange(c.String("document"), c.Date("inForce"), c.File, c.Line);
        }
        else if (c.Has("document") && c.Has("split"))
        {
            var s = c.Mapping("split");
            var city = s.Int("city");
            var district = s.Int("district");
            s.Done();
            if (city < 0 || district < 0 || city + district == 0)
            {
                throw s.Error($"分担比例 {city}:{district} 无效 / split {city}:{district} is not a ratio");
            }

            change = new SplitChange(c.String("document"), city, district, c.File, c.Line);
        }
        else
        {
            throw c.Error("无法识别的变更：应为 clause+param、clause+window、document+window、document+inForce、document+split、reading、removeClause、addClause 或 supersedes / unknown kind of change");
        }

        c.Done();
        return change;
    }

    private static (DateOnly? From, DateOnly? To) Span(ParamReader w)
    {
        var from = w.OptionalDate("from");
        var to = w.OptionalDate("to");
        w.Done();
        if (from is null && to is null)
        {
            throw w.Error("window 至少需要 from 或 to / a window change needs from or to");
        }

        return (from, to);
    }
}

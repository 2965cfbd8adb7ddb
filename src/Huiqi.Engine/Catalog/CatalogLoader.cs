using System.Globalization;
using System.Text;
using System.Text.Json;
using Huiqi.Engine.Blocks;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Huiqi.Engine.Catalog;

/// <summary>The catalogue, or every error found in it, and the reading switches it holds.</summary>
public sealed record CatalogLoadResult(PolicyCatalog? Catalog, IReadOnlyList<CatalogError> Errors, ReadingSwitches Switches)
{
    public bool Ok => Catalog is not null && Errors.Count == 0;
}

/// <summary>
/// Reads the policy files (<c>policies/*.yaml</c>) and the original texts beside them into a <see cref="PolicyCatalog"/>.
/// Pure: the caller hands in the files' contents by relative path. Every fault is collected with its file and line —
/// an unknown field, a missing parameter, an unknown clause id, a quoted sentence not in the original text, a clause
/// short of its tests — so one run shows the officer everything to fix.
/// </summary>
public static class CatalogLoader
{
    public static CatalogLoadResult Load(IReadOnlyDictionary<string, string> files, IReadOnlyDictionary<string, string>? chosenReadings = null)
    {
        var errors = new List<CatalogError>();
        var switches = new ReadingSwitches(chosenReadings);
        var documents = new List<PolicyDocument>();
        var pendingPrecedence = new List<(ParamReader Reader, PolicyDocument Doc)>();

        foreach (var (path, content) in files.Where(f => f.Key.EndsWith(".yaml", StringComparison.Ordinal)).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var doc = LoadFile(path, content, files, switches, errors, pendingPrecedence);
            if (doc is not null)
            {
                documents.Add(doc);
            }
        }

        var dupes = documents.GroupBy(d => d.Id).Where(g => g.Count() > 1);
        foreach (var g in dupes)
        {
            errors.Add(new CatalogError(g.Last().File, 1, $"文件编号“{g.Key}”重复 / document id '{g.Key}' is used twice"));
        }

        var clauseIds = documents.SelectMany(d => d.Clauses).GroupBy(c => c.Id).ToList();
        foreach (var g in clauseIds.Where(g => g.Count() > 1))
        {
            errors.Add(new CatalogError(g.Last().File, g.Last().Line, $"条款编号“{g.Key}”重复 / clause id '{g.Key}' is used twice"));
        }

        var known = clauseIds.Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (reader, doc) in pendingPrecedence)
        {
            try
            {
                ((List<Precedence>)doc.Precedence).Add(ReadPrecedence(reader, doc, known));
            }
            catch (CatalogException e)
            {
                errors.Add(e.Error);
            }
        }

        var unknown = (chosenReadings ?? new Dictionary<string, string>()).Keys.Where(k => switches.Met.All(m => m.Name != k)).ToList();
        foreach (var u in unknown)
        {
            errors.Add(new CatalogError("(readings)", 0, $"没有名为“{u}”的解读口径开关 / no reading switch named '{u}'"));
        }

        var catalog = new PolicyCatalog(documents) { Sources = files, ChosenReadings = chosenReadings ?? new Dictionary<string, string>() };
        return new CatalogLoadResult(errors.Count == 0 ? catalog : null, errors, switches);
    }

    private static PolicyDocument? LoadFile(string path, string content, IReadOnlyDictionary<string, string> files, ReadingSwitches switches, List<CatalogError> errors, List<(ParamReader, PolicyDocument)> pendingPrecedence)
    {
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(content));
            root = stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode m
                ? m
                : throw new CatalogException(path, 1, "政策文件应为一个 YAML 映射 / a policy file must be one YAML mapping");
        }
        catch (YamlException e)
        {
            errors.Add(new CatalogError(path, (int)e.Start.Line, $"YAML 格式错误 / YAML syntax error: {e.Message}"));
            return null;
        }
        catch (CatalogException e)
        {
            errors.Add(e.Error);
            return null;
        }

        var file = new ParamReader(path, root, switches);
        PolicyDocument doc;
        try
        {
            doc = ReadDocument(file.Mapping("document"), path, files);
        }
        catch (CatalogException e)
        {
            errors.Add(e.Error);
            return null;
        }

        var clauses = new List<Clause>();
        foreach (var c in file.OptionalList("clauses"))
        {
            try
            {
                clauses.Add(ReadClause(c, doc, switches));
            }
            catch (CatalogException e)
            {
                errors.Add(e.Error);
            }
        }

        var libraries = new List<LibraryRule>();
        foreach (var l in file.OptionalList("libraries"))
        {
            try
            {
                libraries.Add(ReadLibrary(l, doc));
            }
            catch (CatalogException e)
            {
                errors.Add(e.Error);
            }
        }

        var precedence = file.OptionalList("precedence");
        var targets = new List<Target>();
        foreach (var t in file.OptionalList("targets"))
        {
            try
            {
                targets.AddRange(ReadTargets(t, doc));
            }
            catch (CatalogException e)
            {
                errors.Add(e.Error);
            }
        }


        try
        {
            file.Done();
        }
        catch (CatalogException e)
        {
            errors.Add(e.Error);
        }

        var full = new PolicyDocument
        {
            Id = doc.Id, Number = doc.Number, Title = doc.Title, ShortName = doc.ShortName, TextFile = doc.TextFile, OriginalText = doc.OriginalText, Adopted = doc.Adopted, Repealed = doc.Repealed, ApplicationsUntil = doc.ApplicationsUntil,
            Window = doc.Window, DurationYears = doc.DurationYears, WindowText = doc.WindowText, Split = doc.Split, SplitText = doc.SplitText,
            LeadUnit = doc.LeadUnit, Tasks = doc.Tasks, File = path, Clauses = clauses, Libraries = libraries, Precedence = new List<Precedence>(), Targets = targets,
        };
        foreach (var c in clauses)
        {
            c.Document = full;
        }

        foreach (var pr in precedence)
        {
            pendingPrecedence.Add((pr, full));
        }

        return full;
    }

    private static PolicyDocument ReadDocument(ParamReader d, string path, IReadOnlyDictionary<string, string> files)
    {
        var id = d.String("id");
        var textFile = d.String("text");
        var textPath = CombinePath(path, textFile);
        if (!files.TryGetValue(textPath, out var original))
        {
            throw d.Error($"找不到原文文件“{textPath}” / original text '{textPath}' not found");
        }

        // Where a document stands is derived from its window against today; the file says only what people decided.
        if (d.Has("status"))
        {
            throw d.Error("不再写 status：文件状态由有效期和当天日期推出；征求意见稿写 adopted: false，已废止写 repealed: { by: 文号, on: 日期 } / 'status' is derived from the window and today: write 'adopted: false' for a draft, 'repealed: { by, on }' for a repeal");
        }

        var adopted = d.Bool("adopted", true);
        Repeal? repealed = null;
        if (d.OptionalMapping("repealed") is { } r)
        {
            repealed = new Repeal(r.String("by"), r.Date("on"));
            r.Done();
        }
        DateRange? window = null;
        if (d.OptionalMapping("window") is { } w)
        {
            window = new DateRange(w.Date("from"), w.OptionalDate("to") ?? DateOnly.MaxValue);
            w.Done();
        }
        else if (adopted)
        {
            throw d.Error("缺少参数“window” / missing parameter 'window' (only a draft may have none)");
        }

        var split = CostSplit.CityAlone;
        if (d.OptionalMapping("split") is { } s)
        {
            split = new CostSplit(s.Int("city"), s.Int("district"));
            s.Done();
        }

        var doc = new PolicyDocument
        {
            Id = id,
            Number = d.OptionalString("number"),
            Title = d.String("title"),
            ShortName = d.String("shortName"),
            TextFile = textPath,
            OriginalText = original,
            Adopted = adopted,
            Repealed = repealed,
            Window = window,
            ApplicationsUntil = d.OptionalDate("applicationsUntil") ?? (window is { To: var to } && to != DateOnly.MaxValue ? new DateOnly(to.Year + 1, 3, 31) : null),
            DurationYears = d.OptionalInt("durationYears"),
            WindowText = Quotes(d, "windowText", original, textPath, required: false),
            Split = split,
            SplitText = Quotes(d, "splitText", original, textPath, required: false),
            LeadUnit = d.OptionalString("leadUnit"),
            File = path,
            Tasks = d.Has("tasks") ? TaskExtractor.Extract(id, original, d.Switch("tasks", "numbered", "actions")) : [],
        };
        d.Done();
        return doc;
    }

    private static Clause ReadClause(ParamReader c, PolicyDocument doc, ReadingSwitches switches)
    {
        var id = c.String("id");
        switches.CurrentClause = id;
        if (!id.StartsWith(doc.Id + "/", StringComparison.Ordinal) || id.Length == doc.Id.Length + 1)
        {
            throw c.Error($"条款编号“{id}”应以“{doc.Id}/”开头 / clause id '{id}' must start with '{doc.Id}/'");
        }

        var article = c.OptionalString("article") ?? id;
        if (!article.StartsWith(doc.Id + "/", StringComparison.Ordinal) || (article != id && !id.StartsWith(article + "-", StringComparison.Ordinal)))
        {
            throw c.Error($"条款“{id}”的 article “{article}”应为它所属的条（如 {doc.Id}/8） / article '{article}' must be the article clause {id} belongs to");
        }

        var text = Quotes(c, "text", doc.OriginalText, doc.TextFile, required: true);
        var parts = new List<ClausePart>();
        if (c.Has("parts"))
        {
            foreach (var part in c.List("parts"))
            {
                var window = part.OptionalMapping("window") is { } pw ? ReadPartWindow(pw) : (DateRange?)null;
                parts.Add(ReadPart(part, id, part.OptionalString("item"), isPart: true) with { Window = window });
            }
        }
        else
        {
            parts.Add(ReadPart(c, id, null, isPart: false));
        }

        DateRange? own = null;
        if (c.OptionalMapping("window") is { } w)
        {
            own = new DateRange(w.Date("from"), w.Date("to"));
            w.Done();
        }

        var way = c.Has("way") ? c.Switch("way", "no-application", "application") : "no-application";
        var path = ReadPath(c);
        var tests = c.OptionalList("tests").Select(t => ReadTest(t, id)).ToList();
        var clause = new Clause
        {
            Id = id,
            Article = article,
            Title = c.String("title"),
            Text = text,
            Document = doc,
            Parts = parts,
            Way = way == "application" ? ClauseWay.Application : ClauseWay.NoApplication,
            OwnWindow = own,
            Library = c.OptionalString("library"),
            Path = path,
            Tests = tests,
            File = c.File,
            Line = c.Line,
            ParamsText = ParamsText(c),
        };
        c.Done();
        RequireTests(c, clause);
        return clause;
    }

    /// <summary>
    /// How an award of the clause is carried to payment (兑现路径): the optional review steps it names
    /// (<c>steps: [expert-review, audit]</c>: 专家评审, 第三方审计), the working days the bureaus have to decide an
    /// application (<c>deadline</c>, 60 unless the clause says otherwise) and a yearly pool with a per-enterprise limit
    /// (<c>pool: { perYear: 3000万, perEnterprise: 100万 }</c>, zzw2022-155/12's 服务券).
    /// </summary>
    private static AwardPath ReadPath(ParamReader c)
    {
        var steps = c.OptionalStrings("steps");
        foreach (var step in steps)
        {
            if (!AwardPath.KnownSteps.Contains(step))
            {
                throw c.Error($"未知的评审环节“{step}”（可用：{string.Join("、", AwardPath.KnownSteps)}） / unknown review step '{step}'");
            }
        }

        var deadline = c.OptionalInt("deadline") ?? AwardPath.DefaultDeadline;
        if (deadline <= 0)
        {
            throw c.Error($"deadline 应为正的工作日数，而不是 {deadline} / deadline must be a positive number of working days");
        }

        ClausePool? pool = null;
        if (c.OptionalMapping("pool") is { } p)
        {
            pool = new ClausePool(p.Amount("perYear"), p.OptionalAmount("perEnterprise"));
            p.Done();
        }

        return new AwardPath([.. steps], deadline, pool);
    }

    /// <summary>A part's own span of days (<c>window: { from: 2025-07-01 }</c>): either end may be open, not both.</summary>
    private static DateRange ReadPartWindow(ParamReader w)
    {
        var from = w.OptionalDate("from");
        var to = w.OptionalDate("to");
        w.Done();
        if (from is null && to is null)
        {
            throw w.Error("部分的 window 至少需要 from 或 to / a part's window needs from or to");
        }

        if (from > to)
        {
            throw w.Error($"window 的 from {from:yyyy-MM-dd} 晚于 to {to:yyyy-MM-dd} / window ends before it starts");
        }

        return new DateRange(from ?? DateOnly.MinValue, to ?? DateOnly.MaxValue);
    }

    private static ClausePart ReadPart(ParamReader p, string clauseId, string? item, bool isPart)
    {
        var ruleName = p.String("rule");
        if (!RuleRegistry.Clauses.TryGetValue(ruleName, out var make))
        {
            throw p.Error($"条款 {clauseId}：未知的规则“{ruleName}”，可用：{string.Join("、", RuleRegistry.Clauses.Keys)} / unknown rule '{ruleName}'");
        }

        var parameters = p.Mapping("params");
        var rule = make(parameters);
        parameters.Done();
        if (isPart)
        {
            p.Done();
        }

        return new ClausePart(item, ruleName, rule);
    }

    /// <summary>A monetary clause needs a paying case, a non-paying case and one at the exact boundary; a referral one that refers.</summary>
    private static void RequireTests(ParamReader c, Clause clause)
    {
        if (clause.IsReferral)
        {
            var triggered = clause.Parts.Any(p => ((ReferralRule)p.Rule).HasTriggers);
            if (triggered && !clause.Tests.Any(t => t.ExpectReferral))
            {
                throw c.Error($"条款 {clause.Id} 缺少转人工（referral: true）的测试用例 / clause {clause.Id} needs a test that refers");
            }

            return;
        }

        var missing = new List<string>();
        // A clause always outbid under 从高不重复 (zzw2022-155/9) shows what it computed in its notPaid line instead.
        if (!clause.Tests.Any(t => t.Amount > 0 || t.NotPaidContains?.Contains("不重复支付", StringComparison.Ordinal) == true))
        {
            missing.Add("支付的用例 / a paying case");
        }

        if (!clause.Tests.Any(t => t.Amount == 0 && !t.ExpectReferral))
        {
            missing.Add("不支付的用例 / a non-paying case");
        }

        if (!clause.Tests.Any(t => t.Boundary))
        {
            missing.Add("边界用例（boundary: true） / a boundary case");
        }

        if (missing.Count > 0)
        {
            throw c.Error($"条款 {clause.Id} 缺少测试：{string.Join("；", missing)} / clause {clause.Id} is short of tests");
        }
    }

    private static ClauseTest ReadTest(ParamReader t, string clauseId)
    {
        var name = t.String("name");
        var year = t.Int("year");
        var dossier = t.Mapping("dossier");
        var json = ToJson(dossier);
        var readings = t.OptionalMapping("readings");
        var test = new ClauseTest(name, year, json, t.OptionalAmount("amount") ?? 0m, t.Bool("boundary", false), t.Bool("referral", false), t.OptionalString("notPaid"), t.Line)
        {
            InForceFrom = t.OptionalDate("inForceFrom"),
            BecauseContains = t.OptionalString("because"),
            Readings = readings is null ? null : readings.Keys.ToList().ToDictionary(k => k, readings.String, StringComparer.Ordinal),
        };
        if (!t.Has("amount") && !test.ExpectReferral)
        {
            throw t.Error($"条款 {clauseId} 的测试“{name}”缺少 amount / test '{name}' of {clauseId} has no amount");
        }

        t.Done();
        return test;
    }

    /// <summary>
    /// A group of targets: either a table (Annex 1: a row per district, a column per indicator) or a list of single
    /// targets, each with the sentence that sets it.
    /// </summary>
    private static IEnumerable<Target> ReadTargets(ParamReader g, PolicyDocument doc)
    {
        var source = g.String("source");
        var text = Quotes(g, "text", doc.OriginalText, doc.TextFile, required: true);
        var year = g.Int("year");
        var result = new List<Target>();
        if (g.Has("columns"))
        {
            var columns = g.List("columns").Select(c =>
            {
                var col = (Indicator: c.String("indicator"), Unit: c.String("unit"), Direction: Direction(c), Actual: Actual(c));
                c.Done();
                return col;
            }).ToList();
            var rows = g.Mapping("rows");
            foreach (var district in rows.Keys.ToList())
            {
                if (!Model.Vocabulary.Districts.Contains(district))
                {
                    throw rows.Error($"“{district}”不是附件1所列区县（市） / '{district}' is not a district of Annex 1");
                }

                var values = rows.Strings(district);
                if (values.Count != columns.Count)
                {
                    throw rows.Error($"{district}一行应有 {columns.Count} 个数值，实际 {values.Count} 个 / row '{district}' needs {columns.Count} values");
                }

                for (var i = 0; i < columns.Count; i++)
                {
                    if (!ParamReader.TryParseAmount(values[i], out var v))
                    {
                        throw rows.Error($"{district}的“{values[i]}”不是数值 / '{values[i]}' is not a number");
                    }

                    result.Add(new Target(doc.Id, source, district, columns[i].Indicator, columns[i].Unit, columns[i].Direction, v, year, text, columns[i].Actual, g.File, rows.Line));
                }
            }

            rows.Done();
        }
        else
        {
            foreach (var item in g.List("items"))
            {
                var scope = item.OptionalString("scope") ?? "city";
                if (scope != "city" && !Model.Vocabulary.Districts.Contains(scope))
                {
                    throw item.Error($"“{scope}”不是 city 或附件1所列区县（市） / scope '{scope}' is neither city nor a district");
                }

                var itemText = Quotes(item, "text", doc.OriginalText, doc.TextFile, required: false);
                result.Add(new Target(doc.Id, source, scope, item.String("indicator"), item.String("unit"), Direction(item), item.Amount("value"), item.OptionalInt("year") ?? year,
                    itemText.Count > 0 ? itemText : text, Actual(item), g.File, item.Line));
                item.Done();
            }
        }

        g.Done();
        return result;
    }

    private static TargetDirection Direction(ParamReader p) => p.Switch("direction", "at-least", "about", "at-most") switch
    {
        "at-least" => TargetDirection.AtLeast,
        "about" => TargetDirection.About,
        _ => TargetDirection.AtMost,
    };

    private static ActualSource Actual(ParamReader p)
    {
        var a = p.Mapping("actual");
        ActualSource result;
        if (a.Has("reported"))
        {
            a.Bool("reported", true);
            result = new ReportedActual();
        }
        else
        {
            result = new CountActual(a.Words("honors", Model.Vocabulary.HonorKinds), a.OptionalString("library"), a.Bool("datedInYear", false));
        }

        a.Done();
        return result;
    }

    private static LibraryRule ReadLibrary(ParamReader l, PolicyDocument doc)
    {
        var id = l.String("id");
        var ruleName = l.String("rule");
        if (!RuleRegistry.Libraries.TryGetValue(ruleName, out var make))
        {
            throw l.Error($"培育库 {id}：未知的规则“{ruleName}” / unknown library rule '{ruleName}'");
        }

        var p = l.Mapping("params");
        var rule = make(p);
        p.Done();
        var lib = new LibraryRule(id, l.String("name"), Quotes(l, "text", doc.OriginalText, doc.TextFile, required: true), rule, l.File, l.Line);
        l.Done();
        return lib;
    }

    private static Precedence ReadPrecedence(ParamReader p, PolicyDocument doc, HashSet<string> known)
    {
        var text = Quotes(p, "text", doc.OriginalText, doc.TextFile, required: true);
        string Known(string id) => known.Contains(id) ? id : throw p.Error($"优先规则引用了不存在的条款“{id}” / precedence names unknown clause '{id}'");
        var kind = p.Switch("kind", "supersedes", "highest-only");
        Precedence result = kind == "supersedes"
            ? new Supersedes(Known(p.String("by")), Known(p.String("over")), p.Strings("items"), p.Date("from"), p.File, p.Line, text)
            : new HighestOnly(p.Strings("clauses").Select(Known).ToList(), p.File, p.Line, text);
        p.Done();
        return result;
    }

    /// <summary>Quoted sentences must stand in the original text; white space is ignored because the texts are extracted from print.</summary>
    private static IReadOnlyList<string> Quotes(ParamReader p, string key, string original, string textPath, bool required)
    {
        var quotes = required ? p.Strings(key) : p.OptionalStrings(key);
        var haystack = Squeeze(original);
        foreach (var q in quotes)
        {
            if (!haystack.Contains(Squeeze(q), StringComparison.Ordinal))
            {
                throw p.Error($"引文不在原文“{textPath}”中 / quoted sentence not found in '{textPath}': {Shorten(q)}");
            }
        }

        return quotes;
    }

    private static string Shorten(string q) => q.Length > 40 ? q[..40] + "…" : q;

    internal static string Squeeze(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
        {
            if (!char.IsWhiteSpace(ch))
            {
                sb.Append(ch);
            }
        }

        return sb.ToString();
    }

    private static string CombinePath(string yamlPath, string relative)
    {
        var dir = yamlPath.Contains('/', StringComparison.Ordinal) ? yamlPath[..yamlPath.LastIndexOf('/')] + "/" : "";
        return dir + relative;
    }

    private static string ParamsText(ParamReader c)
    {
        var key = new YamlScalarNode(c.Has("parts") ? "parts" : "params");
        if (!c.Node.Children.TryGetValue(key, out var node))
        {
            return "";
        }

        var writer = new StringWriter();
        new YamlStream(new YamlDocument(node)).Save(writer, assignAnchors: false);
        return writer.ToString().Replace("...\n", "", StringComparison.Ordinal).TrimEnd();
    }

    /// <summary>A test's dossier fragment, as contract JSON: plain scalars that read as numbers or booleans keep that type.</summary>
    private static string ToJson(ParamReader dossier) => Output.JsonText.Write(indented: false, w => Write(w, dossier.Node));

    private static void Write(Utf8JsonWriter w, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode m:
                w.WriteStartObject();
                foreach (var (k, v) in m.Children)
                {
                    w.WritePropertyName(((YamlScalarNode)k).Value ?? "");
                    Write(w, v);
                }

                w.WriteEndObject();
                break;
            case YamlSequenceNode s:
                w.WriteStartArray();
                foreach (var c in s.Children)
                {
                    Write(w, c);
                }

                w.WriteEndArray();
                break;
            case YamlScalarNode sc:
                var v2 = sc.Value ?? "";
                if (sc.Style != ScalarStyle.Plain)
                {
                    w.WriteStringValue(v2);
                }
                else if (v2 is "null" or "~" or "")
                {
                    w.WriteNullValue();
                }
                else if (v2 is "true" or "false")
                {
                    w.WriteBooleanValue(v2 == "true");
                }
                else if (decimal.TryParse(v2.Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var num))
                {
                    w.WriteNumberValue(num);
                }
                else if (ParamReader.TryParseAmount(v2, out var amount) && (v2.EndsWith('万') || v2.EndsWith('亿')))
                {
                    w.WriteNumberValue(amount);
                }
                else
                {
                    w.WriteStringValue(v2);
                }

                break;
        }
    }
}

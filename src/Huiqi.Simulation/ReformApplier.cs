using System.Globalization;
using System.Text.RegularExpressions;
using Huiqi.Engine.Catalog;
using Huiqi.Engine.Evaluation;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Huiqi.Simulation;

/// <summary>A reform applied to a catalogue: the scenario to evaluate, or every fault, named by the reform file and line.</summary>
public sealed record ReformApplyResult(Scenario? Scenario, IReadOnlyList<CatalogError> Errors)
{
    public bool Ok => Scenario is not null && Errors.Count == 0;
}

/// <summary>
/// Applies a reform by editing the YAML of the catalogue's policy files and reading them again with
/// <see cref="CatalogLoader"/>, so that a changed parameter, an added clause or a new precedence is checked exactly as the
/// reviewed catalogue is (a value that is not an amount, an unknown parameter, a quote not in the original text …).
/// Such a fault, and an unknown clause, document, part or parameter path, is reported at the reform file's line.
/// </summary>
/// <remarks>
/// A parameter changed <c>from</c> a day splits each part of the clause it touches in two: the part as it was, with
/// <c>window: { to: day − 1 }</c>, and the part with the new value, with <c>window: { from: day }</c> (a part's window
/// narrows the clause's or document's window; see <see cref="ClausePart.Window"/>). A draft put in force is an
/// evaluation option rather than an edit, the same one the catalogue's own draft cases use (<c>inForceFrom</c>).
/// </remarks>
public static partial class ReformApplier
{
    /// <summary>The baseline with the reform's changes applied (all of them, or all but one: <paramref name="leaveOut"/>).</summary>
    public static ReformApplyResult Apply(PolicyCatalog baseline, Reform reform, int? leaveOut = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(reform);
        var changes = reform.Changes.Where((_, i) => i != leaveOut).ToList();
        var edit = Edit(baseline, changes);
        if (edit.Errors.Count > 0)
        {
            return new(null, edit.Errors);
        }

        var loaded = CatalogLoader.Load(edit.Sources, edit.Readings);
        if (loaded.Ok)
        {
            var failed = CheckAddedClauses(baseline, changes, loaded.Catalog!);
            if (failed.Count > 0)
            {
                return new(null, failed);
            }

            var name = leaveOut is { } i ? $"{reform.Id} without change {i + 1}" : reform.Id;
            return new(new Scenario(name, loaded.Catalog!, new EvaluationOptions { InForceFrom = edit.InForce }), []);
        }

        // Which change broke the catalogue: the first after which it no longer reads.
        var culprit = changes[^1];
        var faults = loaded.Errors;
        for (var k = 1; k < changes.Count; k++)
        {
            var partial = Edit(baseline, changes.Take(k).ToList());
            var check = CatalogLoader.Load(partial.Sources, partial.Readings);
            if (!check.Ok)
            {
                culprit = changes[k - 1];
                faults = check.Errors;
                break;
            }
        }

        return new(null, faults.Select(e => new CatalogError(culprit.File, culprit.Line,
            $"变更“{culprit.Describe()}”使政策目录不能通过检查 / the change fails the catalogue check: {e.Message}{(e.File.EndsWith(".yaml", StringComparison.Ordinal) ? $"（{e.File} 修改后 / as changed）" : "")}")).Distinct().ToList());
    }

    /// <summary>
    /// A clause the reform adds must pay what its own cases say, as every clause of the catalogue must: as it was added,
    /// before any later change of the reform alters it.
    /// </summary>
    private static List<CatalogError> CheckAddedClauses(PolicyCatalog baseline, IReadOnlyList<ReformChange> changes, PolicyCatalog reformed)
    {
        var errors = new List<CatalogError>();
        for (var k = 0; k < changes.Count; k++)
        {
            if (changes[k] is not AddClauseChange add)
            {
                continue;
            }

            var catalog = reformed;
            if (k < changes.Count - 1)
            {
                var upTo = Edit(baseline, changes.Take(k + 1).ToList());
                catalog = CatalogLoader.Load(upTo.Sources, upTo.Readings).Catalog ?? reformed;
            }

            var clause = catalog.ClausesById[add.Clause];
            errors.AddRange(clause.Tests.Select(t => ClauseTestRunner.Run(catalog, clause, t)).Where(r => !r.Passed)
                .Select(r => new CatalogError(add.File, add.Line, $"新增条款 {add.Clause} 的用例“{r.Test.Name}”不通过 / a case of the added clause fails: {r.Message}")));
        }

        return errors;
    }

    private sealed record Edited(IReadOnlyDictionary<string, string> Sources, IReadOnlyDictionary<string, string> Readings, IReadOnlyDictionary<string, DateOnly> InForce, IReadOnlyList<CatalogError> Errors);

    private static Edited Edit(PolicyCatalog baseline, IReadOnlyList<ReformChange> changes)
    {
        var ws = new Workspace(baseline.Sources);
        var readings = new Dictionary<string, string>(baseline.ChosenReadings, StringComparer.Ordinal);
        var inForce = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var errors = new List<CatalogError>();
        foreach (var change in changes)
        {
            try
            {
                ApplyOne(ws, change, readings, inForce);
            }
            catch (CatalogException e)
            {
                errors.Add(e.Error);
            }
        }

        return new(ws.Sources(), readings, inForce, errors);
    }

    private static void ApplyOne(Workspace ws, ReformChange change, Dictionary<string, string> readings, Dictionary<string, DateOnly> inForce)
    {
        switch (change)
        {
            case ParamChange p:
                SetParam(ws, p);
                break;
            case ClauseWindowChange w:
                SetWindow(ws.Clause(w.Clause, w).Node, w.From, w.To);
                ws.Touch(ws.Clause(w.Clause, w).Path);
                break;
            case WindowChange w:
                SetWindow(ws.Document(w.Document, w).Node, w.From, w.To);
                ws.Touch(ws.Document(w.Document, w).Path);
                break;
            case InForceChange f:
                var doc = ws.Document(f.Document, f).Node;
                if (Scalar(doc, "adopted") != "false")
                {
                    throw Fail(f, $"文件“{f.Document}”不是征求意见稿（没有 adopted: false）；延长有效期请用 window / '{f.Document}' is not a draft: use window to extend it");
                }

                inForce[f.Document] = f.From;
                break;
            case SplitChange s:
                var d = ws.Document(s.Document, s);
                d.Node.Children[new YamlScalarNode("split")] = new YamlMappingNode(
                    new YamlScalarNode("city"), new YamlScalarNode(s.City.ToString(CultureInfo.InvariantCulture)),
                    new YamlScalarNode("district"), new YamlScalarNode(s.District.ToString(CultureInfo.InvariantCulture))) { Style = MappingStyle.Flow };
                ws.Touch(d.Path);
                break;
            case ReadingChange r:
                readings[r.Switch] = r.Value;
                break;
            case RemoveClauseChange rm:
                ws.Remove(rm.Clause, rm);
                break;
            case AddClauseChange a:
                ws.Add(a.Document, a.Clause, (YamlMappingNode)Clone(a.Node), a);
                break;
            case SupersedesChange sp:
                var precedence = new YamlMappingNode(new YamlScalarNode("kind"), new YamlScalarNode("supersedes"));
                foreach (var (k, v) in sp.Node.Children.Where(kv => Scalar(kv.Key) != "kind"))
                {
                    precedence.Add(Clone(k), Clone(v));
                }

                var target = ws.Document(sp.Document, sp);
                ws.ListOf(target.Path, "precedence").Add(precedence);
                ws.Touch(target.Path);
                break;
            default:
                throw Fail(change, $"未支持的变更 / unsupported change {change.GetType().Name}");
        }
    }

    /// <summary>Sets a parameter in every part it applies to, splitting parts in time when the change is dated.</summary>
    private static void SetParam(Workspace ws, ParamChange p)
    {
        var (path, _, clause) = ws.Clause(p.Clause, p);
        var segments = ParsePath(p);
        var partsKey = new YamlScalarNode("parts");
        if (!clause.Children.TryGetValue(partsKey, out var partsNode))
        {
            if (p.Part is not null)
            {
                throw Fail(p, $"条款 {p.Clause} 没有分项，不能指定 part / clause {p.Clause} has no parts");
            }

            if (p.From is null)
            {
                Set(Params(clause, p), segments, p);
                ws.Touch(path);
                return;
            }

            // A dated change: the clause's rule becomes its only part, which the loop below splits in time.
            var part = new YamlMappingNode();
            foreach (var key in new[] { "rule", "params" })
            {
                var k = new YamlScalarNode(key);
                if (clause.Children.TryGetValue(k, out var v))
                {
                    part.Add(k, v);
                    clause.Children.Remove(k);
                }
            }

            partsNode = new YamlSequenceNode(part);
            clause.Add(partsKey, partsNode);
        }

        var parts = (YamlSequenceNode)partsNode;
        var items = parts.Children.OfType<YamlMappingNode>().Select(m => Scalar(m, "item")).Distinct().ToList();
        if (p.Part is null && items.Count > 1)
        {
            throw Fail(p, $"条款 {p.Clause} 有多个分项（{string.Join("、", items)}），请用 part 指定 / clause {p.Clause} has several parts: name one with part");
        }

        if (p.Part is not null && !items.Contains(p.Part))
        {
            throw Fail(p, $"条款 {p.Clause} 没有分项“{p.Part}”，可选：{string.Join("、", items)} / clause {p.Clause} has no part '{p.Part}'");
        }

        for (var i = 0; i < parts.Children.Count; i++)
        {
            var part = (YamlMappingNode)parts.Children[i];
            if (p.Part is not null && Scalar(part, "item") != p.Part)
            {
                continue;
            }

            if (p.From is not { } day)
            {
                Set(Params(part, p), segments, p);
                continue;
            }

            if (Scalar(part, "rule") == "referral")
            {
                throw Fail(p, $"转人工条款 {p.Clause} 的参数不能按日期分段修改 / a referral's parameters cannot change from a date");
            }

            var (from, to) = PartWindow(part);
            if (to is { } t && t < day)
            {
                continue; // a span that ends before the new value applies
            }

            if (from is { } f && f >= day)
            {
                Set(Params(part, p), segments, p);
                continue;
            }

            var later = (YamlMappingNode)Clone(part);
            SetPartWindow(part, from, day.AddDays(-1));
            SetPartWindow(later, day, to);
            Set(Params(later, p), segments, p);
            parts.Children.Insert(++i, later);
        }

        ws.Touch(path);
    }

    private static YamlMappingNode Params(YamlMappingNode owner, ParamChange p) =>
        owner.Children.TryGetValue(new YamlScalarNode("params"), out var n) && n is YamlMappingNode m
            ? m
            : throw Fail(p, $"条款 {p.Clause} 没有参数表 / clause {p.Clause} has no params");

    private static (DateOnly? From, DateOnly? To) PartWindow(YamlMappingNode part)
    {
        if (!part.Children.TryGetValue(new YamlScalarNode("window"), out var w) || w is not YamlMappingNode m)
        {
            return (null, null);
        }

        static DateOnly? D(string? s) => s is null ? null : DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return (D(Scalar(m, "from")), D(Scalar(m, "to")));
    }

    private static void SetPartWindow(YamlMappingNode part, DateOnly? from, DateOnly? to)
    {
        var w = new YamlMappingNode { Style = MappingStyle.Flow };
        if (from is { } f)
        {
            w.Add("from", ReformChange.Day(f));
        }

        if (to is { } t)
        {
            w.Add("to", ReformChange.Day(t));
        }

        part.Children[new YamlScalarNode("window")] = w;
    }

    private static void SetWindow(YamlMappingNode owner, DateOnly? from, DateOnly? to)
    {
        var key = new YamlScalarNode("window");
        if (!owner.Children.TryGetValue(key, out var node) || node is not YamlMappingNode w)
        {
            w = new YamlMappingNode { Style = MappingStyle.Flow };
            owner.Children[key] = w;
        }

        if (from is { } f)
        {
            w.Children[new YamlScalarNode("from")] = new YamlScalarNode(ReformChange.Day(f));
        }

        if (to is { } t)
        {
            w.Children[new YamlScalarNode("to")] = new YamlScalarNode(ReformChange.Day(t));
        }
    }

    private readonly record struct Segment(string Key, IReadOnlyList<int> Indexes);

    [GeneratedRegex(@"^(?<key>[^.\[\]\s]+)(?:\[(?<index>\d+)\])*$")]
    private static partial Regex SegmentPattern();

    /// <summary><c>cap</c>, <c>step.size</c>, <c>thresholds[1].pays</c>, <c>titles.unicorn</c>.</summary>
    private static List<Segment> ParsePath(ParamChange p)
    {
        var result = new List<Segment>();
        foreach (var part in p.Param.Split('.'))
        {
            var m = SegmentPattern().Match(part);
            if (!m.Success)
            {
                throw Fail(p, $"参数路径“{p.Param}”无效（如 cap、step.size、thresholds[1].pays） / parameter path '{p.Param}' is not valid");
            }

            result.Add(new Segment(m.Groups["key"].Value, m.Groups["index"].Captures.Select(c => int.Parse(c.Value, CultureInfo.InvariantCulture)).ToList()));
        }

        return result;
    }

    /// <summary>
    /// Follows the path through the parameters and puts the value at its end. Every step must exist, except a new
    /// top-level parameter, which the catalogue check then accepts only if the rule knows it (so a misspelt name fails).
    /// A parameter written as a reading switch keeps its switch: its value changes.
    /// </summary>
    private static void Set(YamlMappingNode parameters, List<Segment> path, ParamChange p)
    {
        YamlNode node = parameters;
        for (var s = 0; s < path.Count; s++)
        {
            var seg = path[s];
            var last = s == path.Count - 1 && seg.Indexes.Count == 0;
            if (node is not YamlMappingNode m)
            {
                throw Fail(p, $"条款 {p.Clause} 的参数“{p.Param}”中“{seg.Key}”的上一级不是映射 / '{seg.Key}' in '{p.Param}' is not under a mapping");
            }

            var key = new YamlScalarNode(seg.Key);
            if (!m.Children.TryGetValue(key, out var child))
            {
                if (last && s == 0)
                {
                    m.Add(key, Clone(p.Value));
                    return;
                }

                throw Fail(p, $"条款 {p.Clause} 没有参数“{string.Join('.', path.Take(s + 1).Select(x => x.Key))}” / clause {p.Clause} has no parameter '{p.Param}'（有 / has: {string.Join(", ", m.Children.Keys.Select(Scalar))}）");
            }

            if (last)
            {
                if (child is YamlMappingNode sw && sw.Children.ContainsKey(new YamlScalarNode("switch")) && p.Value is YamlScalarNode)
                {
                    sw.Children[new YamlScalarNode("value")] = Clone(p.Value);
                }
                else
                {
                    m.Children[key] = Clone(p.Value);
                }

                return;
            }

            node = child;
            for (var x = 0; x < seg.Indexes.Count; x++)
            {
                var index = seg.Indexes[x];
                if (node is not YamlSequenceNode seq || index >= seq.Children.Count)
                {
                    throw Fail(p, $"条款 {p.Clause} 的参数“{p.Param}”：{seg.Key} 没有第 {index} 项（从 0 起） / '{seg.Key}' has no item {index}");
                }

                if (s == path.Count - 1 && x == seg.Indexes.Count - 1)
                {
                    seq.Children[index] = Clone(p.Value);
                    return;
                }

                node = seq.Children[index];
            }
        }
    }

    private static CatalogException Fail(ReformChange change, string message) => new(change.File, change.Line, message);

    private static string? Scalar(YamlNode node) => (node as YamlScalarNode)?.Value;

    private static string? Scalar(YamlMappingNode m, string key) =>
        m.Children.TryGetValue(new YamlScalarNode(key), out var v) ? Scalar(v) : null;

    internal static YamlNode Clone(YamlNode node) => node switch
    {
        YamlScalarNode s => new YamlScalarNode(s.Value) { Style = s.Style, Tag = s.Tag },
        YamlMappingNode m => CloneMapping(m),
        YamlSequenceNode q => new YamlSequenceNode(q.Children.Select(Clone)) { Style = q.Style, Tag = q.Tag },
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    private static YamlMappingNode CloneMapping(YamlMappingNode m)
    {
        var copy = new YamlMappingNode { Style = m.Style, Tag = m.Tag };
        foreach (var (k, v) in m.Children)
        {
            copy.Add(Clone(k), Clone(v));
        }

        return copy;
    }

    /// <summary>The policy files as YAML trees, indexed by document and clause id; the files edited are written out again.</summary>
    private sealed class Workspace
    {
        private readonly IReadOnlyDictionary<string, string> _sources;
        private readonly Dictionary<string, YamlMappingNode> _roots = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (string Path, YamlMappingNode Node)> _documents = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (string Path, YamlSequenceNode List, YamlMappingNode Node)> _clauses = new(StringComparer.Ordinal);
        private readonly HashSet<string> _touched = new(StringComparer.Ordinal);

        public Workspace(IReadOnlyDictionary<string, string> sources)
        {
            _sources = sources;
            foreach (var (path, text) in sources.Where(f => f.Key.EndsWith(".yaml", StringComparison.Ordinal)))
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(text));
                if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
                {
                    continue;
                }

                _roots[path] = root;
                if (root.Children.TryGetValue(new YamlScalarNode("document"), out var d) && d is YamlMappingNode doc && Scalar(doc, "id") is { } id)
                {
                    _documents[id] = (path, doc);
                }

                if (root.Children.TryGetValue(new YamlScalarNode("clauses"), out var c) && c is YamlSequenceNode list)
                {
                    foreach (var clause in list.Children.OfType<YamlMappingNode>())
                    {
                        if (Scalar(clause, "id") is { } cid)
                        {
                            _clauses[cid] = (path, list, clause);
                        }
                    }
                }
            }
        }

        public (string Path, YamlMappingNode Node) Document(string id, ReformChange change) =>
            _documents.TryGetValue(id, out var d)
                ? d
                : throw Fail(change, $"目录中没有文件“{id}”，可选：{string.Join("、", _documents.Keys.Order(StringComparer.Ordinal))} / no document '{id}' in the catalogue");

        public (string Path, YamlSequenceNode List, YamlMappingNode Node) Clause(string id, ReformChange change) =>
            _clauses.TryGetValue(id, out var c) ? c : throw Fail(change, $"目录中没有条款“{id}” / no clause '{id}' in the catalogue");

        public void Touch(string path) => _touched.Add(path);

        public YamlSequenceNode ListOf(string path, string key)
        {
            var root = _roots[path];
            var k = new YamlScalarNode(key);
            if (root.Children.TryGetValue(k, out var node) && node is YamlSequenceNode seq)
            {
                return seq;
            }

            seq = new YamlSequenceNode();
            root.Children[k] = seq;
            return seq;
        }

        /// <summary>Removes a clause and every precedence that names it (which would otherwise name a clause that is gone).</summary>
        public void Remove(string id, ReformChange change)
        {
            var (path, list, node) = Clause(id, change);
            list.Children.Remove(node);
            _clauses.Remove(id);
            Touch(path);
            foreach (var (file, root) in _roots)
            {
                if (!root.Children.TryGetValue(new YamlScalarNode("precedence"), out var p) || p is not YamlSequenceNode precedence)
                {
                    continue;
                }

                var naming = precedence.Children.OfType<YamlMappingNode>().Where(m => Names(m, id)).ToList();
                foreach (var m in naming)
                {
                    precedence.Children.Remove(m);
                    Touch(file);
                }
            }
        }

        private static bool Names(YamlMappingNode precedence, string id) =>
            Scalar(precedence, "by") == id || Scalar(precedence, "over") == id
            || (precedence.Children.TryGetValue(new YamlScalarNode("clauses"), out var c) && c is YamlSequenceNode s && s.Children.Any(x => Scalar(x) == id));

        public void Add(string document, string id, YamlMappingNode clause, ReformChange change)
        {
            var (path, _) = Document(document, change);
            if (_clauses.ContainsKey(id))
            {
                throw Fail(change, $"条款“{id}”已存在 / clause '{id}' already exists");
            }

            var list = ListOf(path, "clauses");
            list.Add(clause);
            _clauses[id] = (path, list, clause);
            Touch(path);
        }

        /// <summary>The sources with the edited policy files written out again; the others as they were.</summary>
        public IReadOnlyDictionary<string, string> Sources()
        {
            var result = new Dictionary<string, string>(_sources, StringComparer.Ordinal);
            foreach (var path in _touched)
            {
                var writer = new StringWriter();
                new YamlStream(new YamlDocument(_roots[path])).Save(writer, assignAnchors: false);
                result[path] = writer.ToString();
            }

            return result;
        }
    }
}

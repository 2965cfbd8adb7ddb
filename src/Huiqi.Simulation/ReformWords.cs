using Huiqi.Engine.Catalog;
using Huiqi.Engine.Evaluation;
using YamlDotNet.RepresentationModel;

namespace Huiqi.Simulation;

/// <summary>
/// A reform's changes as the bureau says them: clauses and documents by the names they are cited by
/// (郑政〔2023〕23号第九条“支持企业技术改造升级”), parameters by their Chinese labels (<see cref="ClauseParameters"/>),
/// amounts as the documents write them and dates in prose. <see cref="ReformChange.Describe"/> keeps the ids, for the CLI
/// and the stored report; the pages say this.
/// </summary>
public static class ReformWords
{
    public static string Describe(ReformChange change, PolicyCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(catalog);
        string ClauseName(string id) => catalog.ClausesById.TryGetValue(id, out var c) ? c.Name : id;
        string DocumentName(string id) => catalog.Document(id)?.Name ?? id;
        return change switch
        {
            ParamChange p => Parameter(p, catalog),
            ClauseWindowChange w => $"{ClauseName(w.Clause)}适用期间{Span(w.From, w.To)}",
            WindowChange w => $"{DocumentName(w.Document)}有效期{Span(w.From, w.To)}",
            InForceChange f => $"{DocumentName(f.Document)}视为自{Zh.Date(f.From)}起施行",
            SplitChange s => $"{DocumentName(s.Document)}奖补资金改由市级财政承担{Share(s.City, s.City + s.District)}、区县（市）财政承担{Share(s.District, s.City + s.District)}",
            RemoveClauseChange r => $"删除{ClauseName(r.Clause)}",
            AddClauseChange a => $"{DocumentName(a.Document)}新增条款",
            SupersedesChange s => $"{ClauseName(s.Over)}的相关事项改按{ClauseName(s.By)}执行",
            ReadingChange => "改用另一种解读口径",
            _ => change.Describe(),
        };
    }


    /// <summary>A parameter's value as the documents write it: 1500万元, 15%.</summary>
    public static string Value(ParameterKind kind, decimal value) => kind == ParameterKind.Rate ? Zh.Percent(value) : Zh.Money(value);

    private static string Parameter(ParamChange p, PolicyCatalog catalog)
    {
        if (!catalog.ClausesById.TryGetValue(p.Clause, out var clause))
        {
            return p.Describe();
        }

        var parameter = ClauseParameters.Find(clause, p.Part, p.Param);
        var text = (p.Value as YamlScalarNode)?.Value ?? "";
        var value = parameter is null ? text
            : parameter.Kind == ParameterKind.Rate && ParamReader.TryParseRate(text, out var r) ? Value(ParameterKind.Rate, r)
            : parameter.Kind == ParameterKind.Amount && ParamReader.TryParseAmount(text, out var a) ? Value(ParameterKind.Amount, a)
            : text;
        var from = p.From is { } f ? $"（自{Zh.Date(f)}起的事项适用）" : "";
        return parameter is null
            ? $"{clause.Name}的一项参数改为{value}{from}"
            : $"{clause.Name}{parameter.Label}由{Value(parameter.Kind, parameter.Current)}改为{value}{from}";
    }

    private static string Span(DateOnly? from, DateOnly? to) =>
        (from, to) switch
        {
            ({ } f, { } t) => $"改为{Zh.Date(f)}至{Zh.Date(t)}",
            (null, { } t) => $"延至{Zh.Date(t)}",
            ({ } f, null) => $"改为自{Zh.Date(f)}起",
            _ => "",
        };

    private static string Share(int part, int whole) => Zh.Percent((decimal)part / whole);
}

using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Model;

namespace Huiqi.Web.Pages;

/// <summary>
/// The dossier section of the enterprise page (一企一档), shown by the contract's table: a heading per section, a column
/// per field that some item fills, each value written as its kind is written on the pages.
/// </summary>
public static class DossierView
{
    /// <summary>The sections shown under 一企一档, in order; the ledger (兑付记录) has a part of the page of its own.</summary>
    public static readonly IReadOnlyList<FactSection> Sections =
    [
        FactFields.Honors, FactFields.Rankings, FactFields.Projects, FactFields.Spending, FactFields.Procurement,
        FactFields.PatentProducts, FactFields.Premises, FactFields.Training,
    ];

    /// <summary>Facts that the statistics and recognition authorities register, which an enterprise cannot correct itself.</summary>
    public static bool Registered(FactSection section) => section == FactFields.Honors || section == FactFields.Rankings;

    /// <summary>Sections shown even when empty (with 无): the ones every enterprise is asked about.</summary>
    public static bool AlwaysShown(FactSection section) => section == FactFields.Honors || section == FactFields.Projects;

    /// <summary>The items of a section, and the fields that at least one of them fills.</summary>
    public static (IReadOnlyList<FactField> Fields, IReadOnlyList<FieldValue[]> Rows) Table(FactSection section, Dossier d)
    {
        var rows = section.ValuesIn(d).ToList();
        var fields = Enumerable.Range(0, section.Fields.Count).Where(k => rows.Any(r => r[k].HasValue)).ToList();
        return ([.. fields.Select(k => section.Fields[k])], [.. rows.Select(r => fields.Select(k => r[k]).ToArray())]);
    }

    /// <summary>Whether a field's column holds numbers (right-aligned).</summary>
    public static bool Numeric(FactField field) => field.Kind is FieldKind.Money or FieldKind.Area or FieldKind.Integer;

    /// <summary>A value in a table cell: as <see cref="Text"/>, an amount with the exact yuan on hover (<see cref="Show.MoneyHtml"/>).</summary>
    public static Microsoft.AspNetCore.Html.IHtmlContent Html(FactField field, FieldValue value) =>
        field.Kind == FieldKind.Money && value.HasValue ? Show.MoneyHtml(value.Number!.Value) : new Microsoft.AspNetCore.Html.HtmlString(System.Net.WebUtility.HtmlEncode(Text(field, value)));

    /// <summary>A value as the pages write it: words in Chinese, money as <see cref="Written.Money"/> writes it, dates yyyy-MM-dd; — when absent.</summary>
    public static string Text(FactField field, FieldValue value)
    {
        if (!value.HasValue)
        {
            return "—";
        }

        return field.Kind switch
        {
            FieldKind.Word => field.Vocabulary!.TryGetValue(value.Text!, out var zh) ? zh : value.Text!,
            FieldKind.Money => Show.Money(value.Number!.Value),
            FieldKind.Area => Zh.Number(value.Number!.Value),
            FieldKind.Rate => Zh.Percent(value.Number!.Value),
            FieldKind.Integer or FieldKind.Year => value.Whole!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            FieldKind.Date => Show.Date(value.Date),
            FieldKind.Bool => value.Bool == true ? "是" : "否",
            FieldKind.Series => string.Join("；", ((IReadOnlyDictionary<Period, decimal>)value.Series!).OrderBy(i => i.Key).Select(i => $"{i.Key.ToChinese()}：{Show.Money(i.Value)}")),
            FieldKind.YearSeries => string.Join("；", ((IReadOnlyDictionary<int, decimal>)value.Series!).OrderBy(s => s.Key).Select(s => $"{s.Key}年：{Show.Money(s.Value)}")),
            _ => value.Text!,
        };
    }
}

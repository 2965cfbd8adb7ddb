using System.Globalization;
using System.Text.Json;
using Huiqi.Engine.Input;
using Huiqi.Engine.Model;

namespace Huiqi.Engine.Output;

/// <summary>
/// Writes a <see cref="Dossier"/> back to the contract JSON of dossier.md, on one line for a JSONL export (one
/// dossier per line, as batches read them). What it writes, <see cref="DossierReader"/> reads back to the same dossier;
/// empty sections and absent optional fields are left out.
/// </summary>
public static class DossierJson
{
    public static string ToJson(Dossier dossier) => JsonText.Write(indented: false, w => Write(w, dossier));

    public static void Write(Utf8JsonWriter w, Dossier d)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(d);
        w.WriteStartObject();
        w.WriteString("uscc", d.Uscc);
        w.WriteString("name", d.Name);
        w.WriteString("district", d.District);
        WriteStrings(w, "traits", d.Traits.OrderBy(VocabularyOrder(Vocabulary.Traits.Keys)).ThenBy(t => t, StringComparer.Ordinal));
        WriteStrings(w, "sectors", d.Sectors);
        WriteDate(w, "relocatedOn", d.RelocatedOn);

        if (d.Figures.Count > 0)
        {
            w.WriteStartObject("figures");
            foreach (var metric in d.Figures.Metrics)
            {
                WriteSeries(w, metric, d.Figures.Series(metric));
            }

            w.WriteEndObject();
        }

        WriteSection(w, d, FactFields.Rankings);
        WriteSection(w, d, FactFields.Honors);
        WriteSection(w, d, FactFields.Projects);
        WriteSection(w, d, FactFields.Spending);
        WriteSection(w, d, FactFields.Procurement);
        WriteSection(w, d, FactFields.PatentProducts);
        WriteSection(w, d, FactFields.Premises);
        WriteSection(w, d, FactFields.Training);
        WriteSection(w, d, FactFields.Grants);
        w.WriteEndObject();
    }

    private static Func<string, int> VocabularyOrder(IEnumerable<string> words)
    {
        var order = words.Select((word, i) => (word, i)).ToDictionary(x => x.word, x => x.i, StringComparer.Ordinal);
        return word => order.GetValueOrDefault(word, int.MaxValue);
    }

    /// <summary>A section's items, each field as the contract's table gives it; an empty section and absent values are left out.</summary>
    private static void WriteSection<T>(Utf8JsonWriter w, Dossier d, FactSection<T> section)
        where T : class
    {
        var items = section.Items(d);
        if (items.Count == 0)
        {
            return;
        }

        var fields = section.Typed;
        var order = section.WriteOrder;
        w.WriteStartArray(section.Name);
        foreach (var item in items)
        {
            w.WriteStartObject();
            for (var i = 0; i < fields.Count; i++)
            {
                var field = fields[order is null ? i : order[i]];
                WriteField(w, field, field.Get(item));
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteField(Utf8JsonWriter w, FactField field, FieldValue value)
    {
        if (!value.HasValue)
        {
            return;
        }

        var name = field.Name;
        switch (field.Kind)
        {
            case FieldKind.Integer or FieldKind.Year:
                w.WriteNumber(name, value.Whole!.Value);
                break;
            case FieldKind.Money or FieldKind.Area or FieldKind.Rate:
                JsonText.WriteNumber(w, name, value.Number!.Value);
                break;
            case FieldKind.Date:
                WriteDate(w, name, value.Date);
                break;
            case FieldKind.Bool:
                w.WriteBoolean(name, value.Bool!.Value);
                break;
            case FieldKind.Series:
                w.WriteStartObject(name);
                WriteSeries(w, field.Inner!, ((IReadOnlyDictionary<Period, decimal>)value.Series!).OrderBy(i => i.Key));
                w.WriteEndObject();
                break;
            case FieldKind.YearSeries:
                WriteSeries(w, name, ((IReadOnlyDictionary<int, decimal>)value.Series!).OrderBy(s => s.Key).Select(s => KeyValuePair.Create(Period.OfYear(s.Key), s.Value)));
                break;
            default:
                w.WriteString(name, value.Text);
                break;
        }
    }

    private static void WriteSeries(Utf8JsonWriter w, string name, IEnumerable<KeyValuePair<Period, decimal>> series)
    {
        w.WriteStartObject(name);
        foreach (var (period, value) in series)
        {
            JsonText.WriteNumber(w, period.ToString(), value);
        }

        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        var list = values.ToList();
        if (list.Count == 0)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (var value in list)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static void WriteDate(Utf8JsonWriter w, string name, DateOnly? date)
    {
        if (date is { } d)
        {
            w.WriteString(name, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }
}

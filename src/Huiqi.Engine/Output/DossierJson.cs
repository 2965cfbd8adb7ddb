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

        WriteSection(w, "rankings", d.Rankings, r =>
        {
            w.WriteString("list", r.List);
            w.WriteNumber("year", r.Year);
            w.WriteNumber("rank", r.Rank);
            WriteDate(w, "date", r.Date);
        });
        WriteSection(w, "honors", d.Honors, h =>
        {
            w.WriteString("kind", h.Kind);
            WriteDate(w, "date", h.Date);
            WriteString(w, "item", h.Item);
            if (h.Stars is { } stars)
            {
                w.WriteNumber("stars", stars);
            }

            WriteNumber(w, "provincialFunding", h.ProvincialFunding);
            WriteNumber(w, "sales", h.Sales);
        });
        WriteSection(w, "projects", d.Projects, p =>
        {
            w.WriteString("id", p.Id);
            w.WriteString("kind", p.Kind);
            if (p.Sei)
            {
                w.WriteBoolean("sei", true);
            }

            if (p.Major)
            {
                w.WriteBoolean("major", true);
            }

            WriteNumber(w, "totalInvestment", p.TotalInvestment);
            WriteNumber(w, "equipmentInvestment", p.EquipmentInvestment);
            WriteNumber(w, "benefitRate", p.BenefitRate);
            WriteDate(w, "completedOn", p.CompletedOn);
            WriteDate(w, "reachedOutputOn", p.ReachedOutputOn);
            WriteDate(w, "enteredLibraryOn", p.EnteredLibraryOn);
            if (p.CumulativeInvestment.Count > 0)
            {
                w.WriteStartObject("figures");
                WriteSeries(w, "investment", p.CumulativeInvestment.OrderBy(i => i.Key));
                w.WriteEndObject();
            }

            WriteDate(w, "signedOn", p.SignedOn);
            WriteDate(w, "startedOn", p.StartedOn);
            WriteNumber(w, "contractInvestment", p.ContractInvestment);
        });
        WriteSection(w, "spending", d.Spending, s =>
        {
            w.WriteString("kind", s.Kind);
            w.WriteNumber("year", s.Year);
            JsonText.WriteNumber(w, "amount", s.Amount);
        });
        WriteSection(w, "procurement", d.Procurement, p =>
        {
            w.WriteNumber("year", p.Year);
            w.WriteString("supplier", p.Supplier);
            JsonText.WriteNumber(w, "amount", p.Amount);
            w.WriteString("chain", p.Chain);
        });
        WriteSection(w, "patentProducts", d.PatentProducts, p =>
        {
            w.WriteString("id", p.Id);
            WriteDate(w, "grantedOn", p.GrantedOn);
            if (p.Sales.Count > 0)
            {
                WriteSeries(w, "sales", p.Sales.OrderBy(s => s.Key).Select(s => KeyValuePair.Create(Period.OfYear(s.Key), s.Value)));
            }
        });
        WriteSection(w, "premises", d.Premises, p =>
        {
            w.WriteString("kind", p.Kind);
            JsonText.WriteNumber(w, "area", p.Area);
            WriteDate(w, "since", p.Since);
            WriteDate(w, "date", p.Date);
        });
        WriteSection(w, "training", d.Training, t =>
        {
            w.WriteString("kind", t.Kind);
            w.WriteNumber("year", t.Year);
            w.WriteNumber("count", t.Count);
        });
        WriteSection(w, "grants", d.Grants, g =>
        {
            w.WriteString("clause", g.Clause);
            WriteString(w, "item", g.Item);
            // Written when it differs from the date's year, the default: the JSON of a ledger without it stays as it was.
            if (g.Year != g.Date.Year)
            {
                w.WriteNumber("year", g.Year);
            }

            JsonText.WriteNumber(w, "amount", g.Amount);
            WriteDate(w, "date", g.Date);
        });
        w.WriteEndObject();
    }

    private static Func<string, int> VocabularyOrder(IEnumerable<string> words)
    {
        var order = words.Select((word, i) => (word, i)).ToDictionary(x => x.word, x => x.i, StringComparer.Ordinal);
        return word => order.GetValueOrDefault(word, int.MaxValue);
    }

    private static void WriteSection<T>(Utf8JsonWriter w, string name, IReadOnlyList<T> items, Action<T> writeFields)
    {
        if (items.Count == 0)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (var item in items)
        {
            w.WriteStartObject();
            writeFields(item);
            w.WriteEndObject();
        }

        w.WriteEndArray();
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

    private static void WriteString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            JsonText.WriteNumber(w, name, v);
        }
    }

    private static void WriteDate(Utf8JsonWriter w, string name, DateOnly? date)
    {
        if (date is { } d)
        {
            w.WriteString(name, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }
}

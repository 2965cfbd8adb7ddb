using System.Text.Json;

using Huiqi.Engine.Output;

namespace Huiqi.Simulation;

/// <summary>
/// The report as one JSON object (amounts in yuan): <c>baseline</c>, <c>reform</c> and <c>delta</c> totals; <c>byClause</c>,
/// <c>byDistrict</c>, <c>byPayer</c> and <c>districtShares</c> objects of {baseline, reform, delta}; <c>gainers</c>,
/// <c>losers</c>, <c>unchanged</c> counts; <c>topGainers</c>, <c>topLosers</c> with the lines that moved and why;
/// <c>changes</c> with the enterprises each altered, and <c>noEffect</c>, the changes that altered none.
/// </summary>
public static class SimulationJson
{
    public static string ToJson(SimulationReport report, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonText.Write(indented, w =>
        {
            w.WriteStartObject();
            w.WriteString("reformId", report.ReformId);
            w.WriteString("title", report.Title);
            w.WriteNumber("year", report.Year);
            w.WriteNumber("dossiers", report.Dossiers);
            w.WriteNumber("badLines", report.BadLines);
            w.WriteNumber("baseline", report.Total.Baseline);
            w.WriteNumber("reform", report.Total.Reform);
            w.WriteNumber("delta", report.Total.Delta);
            Table(w, "byClause", report.ByClause);
            Table(w, "byDistrict", report.ByDistrict);
            Table(w, "byPayer", report.ByPayer);
            Table(w, "districtShares", report.DistrictShares);
            w.WriteNumber("gainers", report.Gainers);
            w.WriteNumber("losers", report.Losers);
            w.WriteNumber("unchanged", report.Unchanged);
            Movers(w, "topGainers", report.TopGainers);
            Movers(w, "topLosers", report.TopLosers);
            w.WriteStartArray("changes");
            foreach (var c in report.Changes)
            {
                Change(w, c, withCount: true);
            }

            w.WriteEndArray();
            w.WriteStartArray("noEffect");
            foreach (var c in report.NoEffect)
            {
                Change(w, c, withCount: false);
            }

            w.WriteEndArray();
            w.WriteStartArray("errors");
            foreach (var e in report.Errors)
            {
                w.WriteStartObject();
                w.WriteNumber("line", e.Line);
                w.WriteString("message", e.Message);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void Change(Utf8JsonWriter w, ChangeEffect c, bool withCount)
    {
        w.WriteStartObject();
        w.WriteNumber("index", c.Index + 1);
        w.WriteString("file", c.Change.File);
        w.WriteNumber("line", c.Change.Line);
        w.WriteString("change", c.Change.Describe());
        if (withCount)
        {
            w.WriteNumber("affected", c.Affected);
        }

        w.WriteEndObject();
    }

    internal static void Amounts(Utf8JsonWriter w, Amounts a)
    {
        w.WriteStartObject();
        w.WriteNumber("baseline", a.Baseline);
        w.WriteNumber("reform", a.Reform);
        w.WriteNumber("delta", a.Delta);
        w.WriteEndObject();
    }

    private static void Table(Utf8JsonWriter w, string name, IReadOnlyList<KeyValuePair<string, Amounts>> rows)
    {
        w.WriteStartObject(name);
        foreach (var (key, a) in rows)
        {
            w.WritePropertyName(key);
            Amounts(w, a);
        }

        w.WriteEndObject();
    }

    private static void Movers(Utf8JsonWriter w, string name, IReadOnlyList<Mover> movers)
    {
        w.WriteStartArray(name);
        foreach (var m in movers)
        {
            w.WriteStartObject();
            w.WriteString("uscc", m.Uscc);
            w.WriteString("name", m.Name);
            w.WriteString("district", m.District);
            w.WriteNumber("baseline", m.Total.Baseline);
            w.WriteNumber("reform", m.Total.Reform);
            w.WriteNumber("delta", m.Total.Delta);
            w.WriteStartArray("lines");
            foreach (var l in m.Lines)
            {
                w.WriteStartObject();
                w.WriteString("clause", l.Clause);
                if (l.Item is not null)
                {
                    w.WriteString("item", l.Item);
                }

                w.WriteNumber("baseline", l.Amount.Baseline);
                w.WriteNumber("reform", l.Amount.Reform);
                w.WriteNumber("delta", l.Amount.Delta);
                w.WriteString("because", l.Reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}

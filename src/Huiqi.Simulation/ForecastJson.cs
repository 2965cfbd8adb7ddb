using System.Text.Json;

using Huiqi.Engine.Output;

namespace Huiqi.Simulation;

/// <summary>
/// A forecast as one JSON object (amounts in yuan): <c>latest</c> (the actual cost of the latest year), <c>low</c>,
/// <c>central</c> and <c>high</c> totals for the forecast year; <c>byClause</c>, <c>byDocument</c>, <c>byDistrict</c> and
/// <c>byPayer</c> objects of {latest, low, central, high}; <c>budgets</c> set against the forecast with their status.
/// </summary>
public static class ForecastJson
{
    public static string ToJson(ForecastReport report, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonText.Write(indented, w =>
        {
            w.WriteStartObject();
            w.WriteString("scenario", report.Scenario);
            w.WriteNumber("latestYear", report.LatestYear);
            w.WriteNumber("year", report.Year);
            w.WriteStartObject("growth");
            w.WriteNumber("central", report.Growth.Central);
            w.WriteNumber("spread", report.Growth.Spread);
            w.WriteStartArray("rules");
            foreach (var r in report.Growth.Rules)
            {
                w.WriteStartObject();
                if (r.District is not null)
                {
                    w.WriteString("district", r.District);
                }

                if (r.Metric is not null)
                {
                    w.WriteString("metric", r.Metric);
                }

                w.WriteNumber("central", r.Central);
                w.WriteNumber("low", r.Low ?? r.Central - report.Growth.Spread);
                w.WriteNumber("high", r.High ?? r.Central + report.Growth.Spread);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteNumber("dossiers", report.Dossiers);
            w.WriteNumber("badLines", report.BadLines);
            w.WriteNumber("latest", report.Total.Latest);
            w.WriteNumber("low", report.Total.Low);
            w.WriteNumber("central", report.Total.Central);
            w.WriteNumber("high", report.Total.High);
            Table(w, "byClause", report.ByClause);
            Table(w, "byDocument", report.ByDocument);
            Table(w, "byDistrict", report.ByDistrict);
            Table(w, "byPayer", report.ByPayer);
            w.WriteStartArray("budgets");
            foreach (var b in report.Budgets)
            {
                w.WriteStartObject();
                w.WriteString("key", b.Budget.Key);
                w.WriteNumber("year", b.Budget.Year);
                w.WriteNumber("budget", b.Budget.Amount);
                w.WriteNumber("low", b.Forecast.Low);
                w.WriteNumber("central", b.Forecast.Central);
                w.WriteNumber("high", b.Forecast.High);
                w.WriteString("status", b.Status);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("otherYearBudgets", report.OtherYearBudgets);
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

    private static void Table(Utf8JsonWriter w, string name, IReadOnlyList<KeyValuePair<string, BandAmounts>> rows)
    {
        w.WriteStartObject(name);
        foreach (var (key, a) in rows)
        {
            w.WriteStartObject(key);
            w.WriteNumber("latest", a.Latest);
            w.WriteNumber("low", a.Low);
            w.WriteNumber("central", a.Central);
            w.WriteNumber("high", a.High);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }
}

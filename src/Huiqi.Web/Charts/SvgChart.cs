using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Huiqi.Web.Charts;

/// <summary>One named row of values in a chart (系列), e.g. "目标" or "实际", one value per category.</summary>
/// <param name="Name">The legend text, in Chinese.</param>
/// <param name="Values">One value per category, in the chart's category order; null where there is none.</param>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal?> Values);

/// <summary>
/// Charts drawn on the server as inline SVG (图表): no script, no CDN, the same picture on screen, in print and in a
/// test's HTML. A chart is always shown beside the table it is drawn from; the chart is for the glance, the table and
/// its xlsx are for the figures. Colours come from CSS classes (<c>s0</c>…<c>s5</c>, <c>warn</c>) in site.css.
/// </summary>
public static class SvgChart
{
    private const int Width = 760;

    /// <summary>
    /// Horizontal bars, one per category, for one or more series side by side (e.g. 基线/改革 per district):
    /// labels on the left read easily for 16 district names or long clause ids.
    /// </summary>
    /// <param name="title">The chart's caption.</param>
    /// <param name="categories">The rows (e.g. district names).</param>
    /// <param name="series">One or more series, each with one value per category.</param>
    /// <param name="unit">How values are written, e.g. "元", "万元", "%".</param>
    /// <param name="highlight">Categories to draw in the warning colour (e.g. districts behind target).</param>
    public static IHtmlContent Bars(string title, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series, string unit, ISet<string>? highlight = null)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        const int labelWidth = 170, valueWidth = 110, barHeight = 14, gap = 8, top = 8;
        var rowHeight = (barHeight * series.Count) + gap;
        var height = top + (rowHeight * categories.Count) + 8;
        var (min, max) = Range(series);
        var plot = Width - labelWidth - valueWidth;
        double X(decimal v) => labelWidth + (plot * (double)((v - min) / (max - min)));

        var svg = Open(title, height);
        if (min < 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{X(0):0.#}\" y1=\"0\" x2=\"{X(0):0.#}\" y2=\"{height}\"/>");
        }

        for (var c = 0; c < categories.Count; c++)
        {
            var y0 = top + (c * rowHeight);
            var warn = highlight?.Contains(categories[c]) == true;
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"label{(warn ? " warn" : "")}\" x=\"{labelWidth - 6}\" y=\"{y0 + (barHeight * series.Count / 2.0) + 4:0.#}\" text-anchor=\"end\">{Esc(categories[c])}</text>");
            for (var s = 0; s < series.Count; s++)
            {
                if (series[s].Values[c] is not { } v)
                {
                    continue;
                }

                var y = y0 + (s * barHeight);
                var (a, b) = (X(Math.Min(0, v)), X(Math.Max(0, v)));
                if (min > 0)
                {
                    (a, b) = (labelWidth, X(v));
                }

                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"{(warn && series.Count == 1 ? "warn" : $"s{s % 6}")}\" x=\"{a:0.#}\" y=\"{y}\" width=\"{Math.Max(1, b - a):0.#}\" height=\"{barHeight - 2}\"><title>{Esc(categories[c])} {Esc(series[s].Name)}：{Esc(Format(v, unit))}</title></rect>");
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"value\" x=\"{Math.Max(a, b) + 4:0.#}\" y=\"{y + barHeight - 4}\">{Esc(Format(v, unit))}</text>");
            }
        }

        return Close(svg, title, series);
    }

    /// <summary>
    /// Lines over a sequence of periods (e.g. months 1–12): the actual against the trajectory needed to meet a target
    /// (以月保季、以季保年). A series may stop early (null values are not drawn), as actuals do in the middle of a year.
    /// </summary>
    public static IHtmlContent Lines(string title, IReadOnlyList<string> periods, IReadOnlyList<ChartSeries> series, string unit)
    {
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(series);
        const int left = 90, right = 20, top = 12, bottom = 28, height = 260;
        var (min, max) = Range(series);
        var plotW = Width - left - right;
        var plotH = height - top - bottom;
        double X(int i) => left + (periods.Count <= 1 ? plotW / 2.0 : plotW * i / (double)(periods.Count - 1));
        double Y(decimal v) => top + (plotH * (1 - (double)((v - min) / (max - min))));

        var svg = Open(title, height);
        foreach (var tick in new[] { min, (min + max) / 2, max })
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{left}\" y1=\"{Y(tick):0.#}\" x2=\"{Width - right}\" y2=\"{Y(tick):0.#}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"value\" x=\"{left - 6}\" y=\"{Y(tick) + 4:0.#}\" text-anchor=\"end\">{Esc(Format(tick, unit))}</text>");
        }

        for (var i = 0; i < periods.Count; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"{X(i):0.#}\" y=\"{height - 8}\" text-anchor=\"middle\">{Esc(periods[i])}</text>");
        }

        for (var s = 0; s < series.Count; s++)
        {
            var points = new StringBuilder();
            for (var i = 0; i < periods.Count && i < series[s].Values.Count; i++)
            {
                if (series[s].Values[i] is { } v)
                {
                    points.Append(CultureInfo.InvariantCulture, $"{X(i):0.#},{Y(v):0.#} ");
                    svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"s{s % 6}\" cx=\"{X(i):0.#}\" cy=\"{Y(v):0.#}\" r=\"3\"><title>{Esc(periods[i])} {Esc(series[s].Name)}：{Esc(Format(v, unit))}</title></circle>");
                }
            }

            svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"line s{s % 6}\" points=\"{points.ToString().TrimEnd()}\"/>");
        }

        return Close(svg, title, series);
    }

    /// <summary>A value as the tables beside the chart write it: thousands separators, the unit after.</summary>
    public static string Format(decimal value, string unit) =>
        unit switch
        {
            "元" => value.ToString("#,0", CultureInfo.InvariantCulture) + " 元",
            "万元" => value.ToString("#,0.##", CultureInfo.InvariantCulture) + " 万元",
            "%" => value.ToString("0.##", CultureInfo.InvariantCulture) + "%",
            _ => value.ToString("#,0.##", CultureInfo.InvariantCulture) + (unit.Length > 0 ? " " + unit : ""),
        };

    private static (decimal Min, decimal Max) Range(IReadOnlyList<ChartSeries> series)
    {
        decimal min = 0, max = 0;
        foreach (var s in series)
        {
            foreach (var v in s.Values)
            {
                if (v is { } x)
                {
                    min = Math.Min(min, x);
                    max = Math.Max(max, x);
                }
            }
        }

        return max == min ? (min, min + 1) : (min, max);
    }

    private static StringBuilder Open(string title, int height) =>
        new StringBuilder()
            .Append("<figure class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" ")
            .Append(CultureInfo.InvariantCulture, $"viewBox=\"0 0 {Width} {height}\" width=\"100%\" aria-label=\"{Esc(title)}\">");

    private static HtmlString Close(StringBuilder svg, string title, IReadOnlyList<ChartSeries> series)
    {
        svg.Append("</svg><figcaption>").Append(Esc(title));
        if (series.Count > 1)
        {
            for (var s = 0; s < series.Count; s++)
            {
                svg.Append(CultureInfo.InvariantCulture, $" <span class=\"key s{s % 6}\"></span>{Esc(series[s].Name)}");
            }
        }

        return new HtmlString(svg.Append("</figcaption></figure>").ToString());
    }

    private static string Esc(string text) => WebUtility.HtmlEncode(text);
}

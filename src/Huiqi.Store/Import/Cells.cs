using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Huiqi.Engine.Model;

namespace Huiqi.Store.Import;

/// <summary>
/// Reads the cells of the sheets district bureaus keep as they come: extra and full-width spaces, full-width digits and
/// punctuation, 万元/亿元 amounts, thousands separators, percentages, Excel serial dates and the many ways a clerk writes
/// a date or a period. A cell that cannot be read is a <see cref="CellException"/> whose message a clerk understands.
/// </summary>
public static partial class Cells
{
    /// <summary>A cell that cannot be read as its column requires; the message is the Chinese reason (原因).</summary>
    public sealed class CellException(string reason) : Exception(reason);

    /// <summary>Full-width ASCII (Ａ１，．（）) to ASCII, ideographic space to space, and the Chinese dashes to '-'.</summary>
    public static string Narrow(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' or '\u00A0' or '\u2002' or '\u2003' or '\u2009' or '\u200B' or '\uFEFF' => ' ',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' or '\uFE63' => '-',
                '\u3002' => '.',
                '\u3001' => ',',
                _ => c,
            });
        }

        return sb.ToString();
    }

    /// <summary>A cell's text, trimmed of every kind of space; null for an empty cell.</summary>
    public static string? Text(object? cell)
    {
        var text = cell switch
        {
            null => null,
            string s => s,
            DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            double d => ((decimal)d).ToString(CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => cell.ToString(),
        };
        if (text is null)
        {
            return null;
        }

        text = Workbooks.Unguard(SpaceRun().Replace(text.Replace('\u3000', ' ').Replace('\u00A0', ' ').Replace('\uFEFF', ' '), " ").Trim());
        return text.Length == 0 ? null : text;
    }

    /// <summary>An empty cell, or one holding only the dash or slash sheets use for "no data" (-, —, /).</summary>
    public static bool IsBlank(object? cell) => Text(cell) is not { } t || Narrow(t) is "-" or "--" or "/" or "\\";

    /// <summary>A code (USCC, project or patent number, clause): narrowed, without any space; upper case when <paramref name="upper"/>.</summary>
    public static string? Code(object? cell, bool upper)
    {
        if (Text(cell) is not { } text)
        {
            return null;
        }

        var code = Narrow(text).Replace(" ", "", StringComparison.Ordinal);
        return upper ? code.ToUpperInvariant() : code;
    }

    /// <summary>The key a header or a vocabulary word is matched by: narrowed, no spaces or quotes, lower case.</summary>
    public static string MatchKey(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in Narrow(text))
        {
            if (!char.IsWhiteSpace(c) && c is not ('"' or '\'' or '“' or '”' or '‘' or '’' or '「' or '」' or '《' or '》' or '*'))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }

    /// <summary>A unit written in a header or after a number.</summary>
    public enum Unit
    {
        None,
        Yuan,
        Wan,
        Yi,
        Percent,
    }

    /// <summary>The multiplier a unit applies to a number (万 = 10,000, 亿 = 100,000,000, % = 1/100).</summary>
    public static decimal Factor(Unit unit) => unit switch
    {
        Unit.Wan => 10_000m,
        Unit.Yi => 100_000_000m,
        Unit.Percent => 0.01m,
        _ => 1m,
    };

    /// <summary>The unit a header names in parentheses or at its end: （万元）, 单位：亿元, （万千瓦时）, （%）.</summary>
    public static Unit HeaderUnit(string header)
    {
        var h = Narrow(header).Replace(" ", "", StringComparison.Ordinal);
        if (h.Contains("亿元", StringComparison.Ordinal))
        {
            return Unit.Yi;
        }

        if (h.Contains("万元", StringComparison.Ordinal) || h.Contains("万千瓦时", StringComparison.Ordinal) || h.Contains("万度", StringComparison.Ordinal)
            || h.Contains("万kwh", StringComparison.OrdinalIgnoreCase) || h.Contains("万平方米", StringComparison.Ordinal))
        {
            return Unit.Wan;
        }

        if (h.Contains('%', StringComparison.Ordinal) || h.Contains("百分比", StringComparison.Ordinal))
        {
            return Unit.Percent;
        }

        return h.Contains("(元)", StringComparison.Ordinal) || h.EndsWith('元') ? Unit.Yuan : Unit.None;
    }

    /// <summary>A header without its unit and notes: the parenthesised parts, 单位：…, and required-field stars removed.</summary>
    public static string HeaderName(string header)
    {
        var h = Narrow(header);
        h = Parenthesised().Replace(h, "");
        h = UnitNote().Replace(h, "");
        return MatchKey(h);
    }

    /// <summary>
    /// A number: an Excel number as it is; text with thousands separators, full-width digits, a sign or accounting
    /// parentheses, and an optional unit suffix (元, 万, 万元, 亿, 亿元, %) that overrides the column's unit.
    /// </summary>
    public static decimal Number(object? cell, Unit columnUnit, out bool hadSuffix)
    {
        hadSuffix = false;
        switch (cell)
        {
            case double d when double.IsFinite(d):
                return (decimal)d * Factor(columnUnit);
            case decimal m:
                return m * Factor(columnUnit);
            case int or long or float or short:
                return Convert.ToDecimal(cell, CultureInfo.InvariantCulture) * Factor(columnUnit);
        }

        var text = Text(cell) ?? throw new CellException("为空");
        var t = Narrow(text).Replace(" ", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        var unit = columnUnit;
        foreach (var (suffix, u) in Suffixes)
        {
            if (t.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                t = t[..^suffix.Length];
                unit = u;
                hadSuffix = true;
                break;
            }
        }

        var negative = false;
        if (t.Length > 2 && t[0] == '(' && t[^1] == ')')
        {
            negative = true;
            t = t[1..^1];
        }

        if (!decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value))
        {
            throw new CellException($"“{text}”不是数字");
        }

        return (negative ? -value : value) * Factor(unit);
    }

    private static readonly (string Suffix, Unit Unit)[] Suffixes =
    [
        ("万千瓦时", Unit.Wan), ("万kwh", Unit.Wan), ("千瓦时", Unit.None), ("kwh", Unit.None), ("万度", Unit.Wan), ("度", Unit.None),
        ("万平方米", Unit.Wan), ("平方米", Unit.None), ("㎡", Unit.None), ("m2", Unit.None),
        ("亿元", Unit.Yi), ("万元", Unit.Wan), ("亿", Unit.Yi), ("万", Unit.Wan), ("元", Unit.Yuan), ("%", Unit.Percent),
        ("人", Unit.None), ("名", Unit.None), ("星", Unit.None),
    ];

    /// <summary>A whole number (a year, a rank, a count).</summary>
    public static int Integer(object? cell)
    {
        var value = Number(cell, Unit.None, out _);
        if (!decimal.IsInteger(value) || value < int.MinValue || value > int.MaxValue)
        {
            throw new CellException($"“{Text(cell)}”不是整数");
        }

        return (int)value;
    }

    /// <summary>A year: 2024, “2024年”, or the year of a date cell.</summary>
    public static int Year(object? cell)
    {
        if (cell is DateTime d)
        {
            return d.Year;
        }

        var year = Integer(cell is string s ? Narrow(s).Replace("年", "", StringComparison.Ordinal).Replace("度", "", StringComparison.Ordinal) : cell);
        return year is >= 1900 and <= 2100 ? year : throw new CellException($"“{Text(cell)}”不是年份（如2024）");
    }

    /// <summary>
    /// A date: a date cell, an Excel serial number (45292 is 2024-01-01), or text written 2024-01-01, 2024/1/1,
    /// 2024.1.1, 2024年1月1日 or 20240101 (a time of day is ignored).
    /// </summary>
    public static DateOnly Date(object? cell)
    {
        switch (cell)
        {
            case DateTime d:
                return DateOnly.FromDateTime(d);
            case double or decimal or int or long:
                return Serial(Convert.ToDecimal(cell, CultureInfo.InvariantCulture), Text(cell)!);
        }

        var text = Text(cell) ?? throw new CellException("为空");
        var t = Narrow(text).Replace(" ", "", StringComparison.Ordinal);
        if (t.Length == 5 && t.All(char.IsAsciiDigit))
        {
            return Serial(decimal.Parse(t, CultureInfo.InvariantCulture), text);
        }

        if (DateText().Match(t) is { Success: true } m)
        {
            var g = m.Groups[1].Success ? 1 : 4;
            var (y, mo, da) = (int.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[g + 1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[g + 2].Value, CultureInfo.InvariantCulture));
            if (y is >= 1900 and <= 2100 && mo is >= 1 and <= 12 && da >= 1 && da <= DateTime.DaysInMonth(y, mo))
            {
                return new DateOnly(y, mo, da);
            }

            throw new CellException($"“{text}”不是有效的日历日期");
        }

        throw new CellException($"“{text}”不是日期，请写作2024-01-31、2024/1/31或2024年1月31日");
    }

    /// <summary>An Excel serial date of the 1900 date system (the one Excel on Windows uses), with its fictitious 1900-02-29.</summary>
    private static DateOnly Serial(decimal serial, string text)
    {
        var day = decimal.Floor(serial);
        if (day < 1 || day > 73050)
        {
            throw new CellException($"“{text}”不是日期，请写作2024-01-31、2024/1/31或2024年1月31日");
        }

        var days = (int)day;
        return days < 60 ? new DateOnly(1899, 12, 31).AddDays(days) : new DateOnly(1899, 12, 30).AddDays(days);
    }

    /// <summary>
    /// A period (统计期) written as dossier.md does (2024, 2024H1, 2024Q1, 2024-03) or as statistics sheets do:
    /// 2024年, 2024年上半年, 2024年一季度 / 第1季度, 2024年3月, 2024.3, 202403, 2024年1-3月 (a quarter's cumulative),
    /// 2024年1-6月, 2024年1-12月; a date cell names its month.
    /// </summary>
    public static Period Period(object? cell) =>
        TryPeriod(cell, out var period) ? period : throw new CellException($"“{Text(cell)}”不是统计期，请写作2024（年）、2024H1（上半年）、2024Q1（一季度）或2024-03（月）");

    public static bool TryPeriod(object? cell, out Period period)
    {
        period = default;
        if (cell is DateTime d)
        {
            period = Engine.Model.Period.OfMonth(d.Year, d.Month);
            return true;
        }

        if (Text(cell) is not { } text)
        {
            return false;
        }

        var t = Narrow(text).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant().Replace("第", "", StringComparison.Ordinal).Replace("度", "", StringComparison.Ordinal);
        if (Engine.Model.Period.TryParse(t, out period))
        {
            return true;
        }

        if (PeriodText().Match(t) is not { Success: true } m)
        {
            return false;
        }

        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (year is < 1900 or > 2100)
        {
            return false;
        }

        var rest = m.Groups["r"].Value.TrimStart('-', '.', '/', '年');
        if (rest.Length == 0 || rest is "全年" or "1-12月")
        {
            period = Engine.Model.Period.OfYear(year);
            return true;
        }

        if (rest is "上半年" or "1-6月")
        {
            period = Engine.Model.Period.OfHalf(year, 1);
            return true;
        }

        if (rest == "下半年")
        {
            period = Engine.Model.Period.OfHalf(year, 2);
            return true;
        }

        if (rest == "1-3月")
        {
            period = Engine.Model.Period.OfQuarter(year, 1);
            return true;
        }

        if (QuarterText().Match(rest) is { Success: true } q)
        {
            var n = "一二三四1234".IndexOf(q.Groups["q"].Value[0], StringComparison.Ordinal) % 4 + 1;
            period = Engine.Model.Period.OfQuarter(year, n);
            return true;
        }

        if (MonthText().Match(rest) is { Success: true } mm && int.Parse(mm.Groups[1].Value, CultureInfo.InvariantCulture) is var month and >= 1 and <= 12)
        {
            period = Engine.Model.Period.OfMonth(year, month);
            return true;
        }

        return false;
    }

    /// <summary>Yes or no: 是/否, Y/N, √/×, true/false, 1/0.</summary>
    public static bool Bool(object? cell)
    {
        if (cell is bool b)
        {
            return b;
        }

        var t = MatchKey(Text(cell) ?? "");
        return t switch
        {
            "是" or "y" or "yes" or "true" or "1" or "√" or "✓" or "✔" or "有" => true,
            "否" or "n" or "no" or "false" or "0" or "×" or "✗" or "x" or "无" => false,
            _ => throw new CellException($"“{Text(cell)}”应填“是”或“否”"),
        };
    }

    /// <summary>The digits after the decimal point of a number, for the exactness a column keeps (分 for money).</summary>
    public static int Scale(decimal value) => (decimal.GetBits(FactMapper.Norm(value))[3] >> 16) & 0xFF;

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpaceRun();

    [GeneratedRegex(@"[(\[【][^)\]】]*[)\]】]")]
    private static partial Regex Parenthesised();

    [GeneratedRegex(@"单位[:：]?.*$")]
    private static partial Regex UnitNote();

    [GeneratedRegex(@"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:T?\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$|^(\d{4})(\d{2})(\d{2})$")]
    private static partial Regex DateText();

    [GeneratedRegex(@"^(?<y>\d{4})(?<r>.*)$")]
    private static partial Regex PeriodText();

    [GeneratedRegex(@"^(?:(?<q>[一二三四1-4])季|Q(?<q>[1-4]))$")]
    private static partial Regex QuarterText();

    [GeneratedRegex(@"^(\d{1,2})月?$")]
    private static partial Regex MonthText();
}

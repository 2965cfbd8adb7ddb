using System.Globalization;

namespace Huiqi.Engine.Evaluation;

/// <summary>
/// Amounts and rates as the documents write them, for the sentences a reviewer checks by hand:
/// 104亿元, 2250万元, 15%. Always exact: a figure that does not fit 亿 or 万 with four decimals is written in 元.
/// </summary>
public static class Zh
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Money(decimal yuan)
    {
        // Whole yuan (nearly every amount) are written from a 64-bit integer, digit for digit what the decimal path writes.
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(yuan, bits);
        if (bits[2] == 0 && (bits[3] & 0x00FF0000) == 0)
        {
            var whole = unchecked((uint)bits[0] | ((ulong)(uint)bits[1] << 32));
            return Whole(whole, negative: bits[3] < 0 && whole != 0);
        }

        var sign = yuan < 0 ? "-" : "";
        var v = Math.Abs(yuan);
        if (v >= 100_000_000m && v % 10_000m == 0)
        {
            return sign + Trim(v / 100_000_000m) + "亿元";
        }

        if (v >= 10_000m && v % 1m == 0)
        {
            return sign + Trim(v / 10_000m) + "万元";
        }

        return sign + Trim(v) + "元";
    }

    /// <summary>
    /// The one unit a sentence writes its figures in (one unit per sentence): 亿 when <see cref="Money(decimal)"/> would
    /// write every figure in 亿, else 万 when all are whole yuan and one reaches 1万, else 元.
    /// </summary>
    public static decimal UnitOf(params ReadOnlySpan<decimal> figures)
    {
        bool yi = true, wan = true, large = false;
        foreach (var f in figures)
        {
            var v = Math.Abs(f);
            yi &= v >= 100_000_000m && v % 10_000m == 0;
            wan &= v % 1m == 0;
            large |= v >= 10_000m;
        }

        return yi ? 100_000_000m : wan && large ? 10_000m : 1m;
    }

    /// <summary>An amount written in the unit <see cref="UnitOf"/> chose for its sentence: 20000万元 beside 9259.3万元.</summary>
    public static string MoneyIn(decimal yuan, decimal unit) =>
        unit == 1m ? Trim(yuan) + "元" : Trim(yuan / unit) + (unit == 100_000_000m ? "亿元" : "万元");

    /// <summary>A day in a sentence: 2024年4月1日.</summary>
    public static string Date(DateOnly day) => Model.Written.LongDate(day);

    /// <summary>A rate as a percentage, exact when it has at most four decimals of a percent, else to two.</summary>
    public static string Percent(decimal rate)
    {
        var p = rate * 100m;
        var rounded = decimal.Round(p, 4);
        return (rounded == p ? Trim(p) : Trim(decimal.Round(p, 2))) + "%";
    }

    /// <summary>
    /// A rate written beside a bar it is compared with (增长20.0000001%>20%): as <see cref="Percent"/> writes it, or with
    /// as many more digits as it takes for the comparison to read true as written — never "20%>20%".
    /// </summary>
    public static string PercentAgainst(decimal rate, decimal bar) => Against(rate * 100m, bar * 100m) + "%";

    /// <summary>A number written beside a bar it is compared with (1.4999倍, 须≥1.5倍), as <see cref="PercentAgainst"/>.</summary>
    public static string NumberAgainst(decimal v, decimal bar) => Against(v, bar);

    private static string Against(decimal v, decimal bar)
    {
        var rounded = decimal.Round(v, 4);
        var shown = rounded == v ? v : decimal.Round(v, 2);
        for (var digits = 3; Math.Sign(shown - bar) != Math.Sign(v - bar) && digits <= 28; digits++)
        {
            shown = decimal.Round(v, digits);
        }

        return Trim(shown);
    }

    /// <summary>A plain number without trailing zeros: 30000 m², 1.7 倍.</summary>
    public static string Number(decimal v) => Trim(v);

    private static string Trim(decimal v) => v.Scale == 0 ? v.ToString(Inv) : Output.Decimals.WithoutTrailingZeros(v).ToString(Inv);

    /// <summary><see cref="Money"/> of a whole number of yuan below 2^64: 亿 when a multiple of 万 from 1亿 up, else 万 from 1万 up, else 元.</summary>
    private static string Whole(ulong v, bool negative)
    {
        Span<char> text = stackalloc char[40];
        var n = 0;
        if (negative)
        {
            text[n++] = '-';
        }

        string unit;
        if (v >= 100_000_000 && v % 10_000 == 0)
        {
            n += Scaled(v, 100_000_000, text[n..]);
            unit = "亿元";
        }
        else if (v >= 10_000)
        {
            n += Scaled(v, 10_000, text[n..]);
            unit = "万元";
        }
        else
        {
            v.TryFormat(text[n..], out var w, default, Inv);
            n += w;
            unit = "元";
        }

        unit.AsSpan().CopyTo(text[n..]);
        return new string(text[..(n + unit.Length)]);
    }

    /// <summary>v / unit written exactly, without trailing zeros: 1.2345, 104, 185.1851.</summary>
    private static int Scaled(ulong v, ulong unit, Span<char> text)
    {
        var whole = v / unit;
        var fraction = v % unit;
        whole.TryFormat(text, out var n, default, Inv);
        if (fraction == 0)
        {
            return n;
        }

        text[n++] = '.';
        for (var place = unit / 10; fraction != 0; place /= 10)
        {
            text[n++] = (char)('0' + (int)(fraction / place));
            fraction %= place;
        }

        return n;
    }
}

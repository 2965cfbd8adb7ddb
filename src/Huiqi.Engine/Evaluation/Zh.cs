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

    /// <summary>A rate as a percentage, exact when it has at most four decimals of a percent, else to two.</summary>
    public static string Percent(decimal rate)
    {
        var p = rate * 100m;
        var rounded = decimal.Round(p, 4);
        return (rounded == p ? Trim(p) : Trim(decimal.Round(p, 2))) + "%";
    }

    /// <summary>A plain number without trailing zeros: 30000 m², 1.7 倍.</summary>
    public static string Number(decimal v) => Trim(v);

    private static string Trim(decimal v) => (v / 1.000000000000000000000000000000000m).ToString(Inv);
}

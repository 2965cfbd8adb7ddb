using System.Globalization;

namespace Huiqi.Engine.Model;

/// <summary>
/// How a figure is written where a person reads it (金额、日期、时间的写法) — pages, notices and exports — so every screen
/// writes the same amount the same way: under 1万元 in 元 (9,999元), from 1万元 in 万元 with at most two decimals
/// (185.19万元), from 1亿元 in 亿元 (12.32亿元); the exact yuan (1,851,851元) beside it wherever the short form rounds.
/// Dates as 2026-12-03 in tables and 2026年12月3日 in prose; times in Beijing time (<see cref="BeijingTime"/>).
/// The engine's sentences keep <see cref="Evaluation.Zh.Money"/>: a reviewer recomputes them, so they stay exact.
/// </summary>
public static class Written
{
    /// <summary>What a person is told when an amount they typed cannot be read.</summary>
    public const string MoneyError = "金额应为数字，单位元或万元";

    /// <summary>The units an amount may be entered in (元 or 万元), the first the default.</summary>
    public static readonly IReadOnlyList<string> MoneyUnits = ["元", "万元"];

    private const decimal Wan = 10_000m;
    private const decimal Yi = 100_000_000m;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>An amount as a reader scans it: 9,999元, 1万元, 185.19万元, 12.32亿元 (rounded half away from zero).</summary>
    public static string Money(decimal yuan)
    {
        // The unit is chosen on the rounded figure, so 99,999,999元 reads 1亿元, not 10,000万元.
        var fen = Round(yuan);
        if (Math.Abs(fen) < Wan)
        {
            return fen.ToString("#,0.##", Inv) + "元";
        }

        var wan = Round(yuan / Wan);
        return Math.Abs(wan) < Wan
            ? wan.ToString("#,0.##", Inv) + "万元"
            : Round(yuan / Yi).ToString("#,0.##", Inv) + "亿元";
    }

    /// <summary>The exact amount in yuan with thousands separators and its unit: 1,851,851元, 12,345.6元.</summary>
    public static string ExactMoney(decimal yuan) => Yuan(yuan) + "元";

    /// <summary>The exact amount in yuan with thousands separators, for a column headed （元）: 1,851,851.</summary>
    public static string Yuan(decimal yuan) => yuan.ToString("#,0.############", Inv);

    /// <summary>A date in a table or list: 2026-12-03.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", Inv);

    /// <summary>The Beijing day of a stored UTC time, in a table: 2026-12-03.</summary>
    public static string Date(DateTime utc) => Date(BeijingTime.DateOf(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc))));

    /// <summary>A date in a sentence or an official text: 2026年12月3日.</summary>
    public static string LongDate(DateOnly date) => date.ToString("yyyy年M月d日", Inv);

    /// <summary>An instant as a person reads it, in Beijing time: 2026-12-03 14:05.</summary>
    public static string Time(DateTimeOffset instant) => BeijingTime.Show(instant);

    /// <summary>A stored UTC time as a person reads it, in Beijing time: 2026-12-03 14:05.</summary>
    public static string Time(DateTime utc) => BeijingTime.Show(utc);

    /// <summary>
    /// Reads an amount a person typed, in yuan: "10,000,000", "1000万", "50.5 万元", "１２００" (full-width), with
    /// <paramref name="unit"/> (元 or 万元, from the unit beside the field) applying when the text names none.
    /// Blank, non-numeric text, another unit or an amount too large to hold is not read.
    /// </summary>
    public static bool TryParseMoney(string? text, string? unit, out decimal yuan)
    {
        yuan = 0m;
        var t = Narrow(text ?? "").Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        var factor = unit?.Trim() switch
        {
            null or "" or "元" => 1m,
            "万元" or "万" => Wan,
            _ => 0m,
        };
        if (t.EndsWith("万元", StringComparison.Ordinal) || t.EndsWith('万'))
        {
            (t, factor) = (t.TrimEnd('元').TrimEnd('万'), Wan);
        }
        else if (t.EndsWith('元'))
        {
            (t, factor) = (t[..^1], 1m);
        }

        if (factor == 0m || t.Length == 0
            || !decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, Inv, out var number))
        {
            return false;
        }

        try
        {
            yuan = number * factor;
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static decimal Round(decimal v) => decimal.Round(v, 2, MidpointRounding.AwayFromZero);

    /// <summary>Full-width digits and punctuation (１２３，４５６．７) as their ASCII forms; the ideographic space as a space.</summary>
    private static string Narrow(string text) => string.Create(text.Length, text, static (span, s) =>
    {
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            span[i] = c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' => ' ',
                _ => c,
            };
        }
    }).Trim();
}

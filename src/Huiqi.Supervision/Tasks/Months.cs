using System.Globalization;
using System.Text.RegularExpressions;

namespace Huiqi.Supervision.Tasks;

/// <summary>Months as the ledger writes them, <c>YYYY-MM</c>, which also sort as text.</summary>
public static partial class Months
{
    public static string Of(DateTimeOffset at) => TaskUnits.Month(at.Year, at.Month);

    public static string Of(DateTime at) => TaskUnits.Month(at.Year, at.Month);

    /// <summary>
    /// A month as people write it: 2024-03, 2024-3, 2024/3, 2024.03, 2024年3月, 202403, or a date cell's month; null
    /// when it is none of these.
    /// </summary>
    public static string? Parse(object? value)
    {
        if (value is DateTime d)
        {
            return Of(d);
        }

        var text = value?.ToString()?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var m = Written().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        return year is >= 2000 and <= 2100 && month is >= 1 and <= 12 ? TaskUnits.Month(year, month) : null;
    }

    /// <summary>How many months from <paramref name="from"/> to <paramref name="to"/> (negative when earlier).</summary>
    public static int Between(string from, string to)
    {
        var (fy, fm) = Split(from);
        var (ty, tm) = Split(to);
        return ((ty - fy) * 12) + (tm - fm);
    }

    public static string Add(string month, int months)
    {
        var (y, m) = Split(month);
        var index = (y * 12) + (m - 1) + months;
        return TaskUnits.Month(index / 12, (index % 12) + 1);
    }

    /// <summary>2024-03 → 2024年3月.</summary>
    public static string Chinese(string month)
    {
        var (y, m) = Split(month);
        return $"{y}年{m}月";
    }

    private static (int Year, int Month) Split(string month) =>
        (int.Parse(month.AsSpan(0, 4), CultureInfo.InvariantCulture), int.Parse(month.AsSpan(5, 2), CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(\d{4})\s*(?:[-/.年]\s*)?(\d{1,2})\s*月?$")]
    private static partial Regex Written();
}

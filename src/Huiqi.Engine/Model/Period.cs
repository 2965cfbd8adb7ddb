using System.Globalization;

namespace Huiqi.Engine.Model;

/// <summary>The length of a <see cref="Period"/>.</summary>
public enum PeriodKind
{
    Year,
    Half,
    Quarter,
    Month,
}

/// <summary>
/// A reporting period of a figure (统计期): a year <c>2024</c>, a half <c>2024H1</c>, a quarter <c>2024Q1</c>
/// or a month <c>2024-03</c>, as dossier.md writes them.
/// </summary>
/// <remarks>
/// A figure's event date (the day that decides its award year) is the period's last day: 31 December for a year,
/// 30 June for a first half, 31 March for a first quarter. The default value is the year 0001 and is never parsed.
/// </remarks>
public readonly record struct Period(int Year, PeriodKind Kind, int Index) : IComparable<Period>
{
    public static Period OfYear(int year) => new(year, PeriodKind.Year, 1);
    public static Period OfHalf(int year, int half) => new(year, PeriodKind.Half, half);
    public static Period OfQuarter(int year, int quarter) => new(year, PeriodKind.Quarter, quarter);
    public static Period OfMonth(int year, int month) => new(year, PeriodKind.Month, month);

    /// <summary>The first day of the period.</summary>
    public DateOnly Start => Kind switch
    {
        PeriodKind.Year => new DateOnly(Year, 1, 1),
        PeriodKind.Half => new DateOnly(Year, Index * 6 - 5, 1),
        PeriodKind.Quarter => new DateOnly(Year, Index * 3 - 2, 1),
        _ => new DateOnly(Year, Index, 1),
    };

    /// <summary>The last day of the period: the event date of a figure reported for it.</summary>
    public DateOnly End => Kind switch
    {
        PeriodKind.Year => new DateOnly(Year, 12, 31),
        PeriodKind.Half => Start.AddMonths(6).AddDays(-1),
        PeriodKind.Quarter => Start.AddMonths(3).AddDays(-1),
        _ => Start.AddMonths(1).AddDays(-1),
    };

    /// <summary>The same period one year earlier: the base of a year-on-year growth (同比).</summary>
    public Period YearEarlier => this with { Year = Year - 1 };

    public int CompareTo(Period other) =>
        Year != other.Year ? Year.CompareTo(other.Year) : Start != other.Start ? Start.CompareTo(other.Start) : Kind.CompareTo(other.Kind);

    /// <summary>Parses <c>2024</c>, <c>2024H1</c>, <c>2024Q3</c> or <c>2024-03</c>; anything else is not a period.</summary>
    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        if (text is null || text.Length < 4 || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1900 || year > 2100)
        {
            return false;
        }

        var rest = text.AsSpan(4);
        if (rest.Length == 0)
        {
            period = OfYear(year);
            return true;
        }

        if (rest.Length == 2 && rest[0] == 'H' && rest[1] is '1' or '2')
        {
            period = OfHalf(year, rest[1] - '0');
            return true;
        }

        if (rest.Length == 2 && rest[0] == 'Q' && rest[1] is >= '1' and <= '4')
        {
            period = OfQuarter(year, rest[1] - '0');
            return true;
        }

        if (rest.Length == 3 && rest[0] == '-' && int.TryParse(rest[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
        {
            period = OfMonth(year, month);
            return true;
        }

        return false;
    }

    public static Period Parse(string text) =>
        TryParse(text, out var p) ? p : throw new FormatException($"'{text}' is not a period (2024, 2024H1, 2024Q1, 2024-03)");

    public override string ToString() => Kind switch
    {
        PeriodKind.Year => Year.ToString(CultureInfo.InvariantCulture),
        PeriodKind.Half => $"{Year}H{Index}",
        PeriodKind.Quarter => $"{Year}Q{Index}",
        _ => $"{Year}-{Index:00}",
    };

    /// <summary>The period as a reader of the documents writes it: 2023年, 2023年上半年, 2023年一季度, 2023年1月.</summary>
    public string ToChinese() => Kind switch
    {
        PeriodKind.Year => $"{Year}年",
        PeriodKind.Half => Index == 1 ? $"{Year}年上半年" : $"{Year}年下半年",
        PeriodKind.Quarter => $"{Year}年{"一二三四"[Index - 1]}季度",
        _ => $"{Year}年{Index}月",
    };
}

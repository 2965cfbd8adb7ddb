using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Huiqi.Cases;

/// <summary>
/// Working days (工作日) as the State Council's yearly holiday notice sets them: Monday to Friday, less the public
/// holidays, plus the weekend days made working days (调休). Deadlines of applications and notice periods counted in
/// working days use it; a year the notice has not covered yet counts weekends only.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<DateOnly> _off = [];
    private readonly HashSet<DateOnly> _work = [];

    private WorkingCalendar()
    {
    }

    /// <summary>The calendar shipped with the platform (<c>holidays.json</c>).</summary>
    public static WorkingCalendar China { get; } = Load();

    public bool IsWorkingDay(DateOnly day) =>
        _work.Contains(day) || (day.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday && !_off.Contains(day));

    /// <summary>The day <paramref name="days"/> working days after <paramref name="start"/> (the start day itself not counted).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        var day = start;
        for (var n = 0; n < days;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                n++;
            }
        }

        return day;
    }

    /// <summary>The last day of a period of <paramref name="days"/> days starting on <paramref name="start"/> (counted in).</summary>
    public DateOnly PeriodEnd(DateOnly start, int days, bool workingDays)
    {
        if (!workingDays)
        {
            return start.AddDays(days - 1);
        }

        var first = IsWorkingDay(start) ? start : AddWorkingDays(start, 1);
        return days <= 1 ? first : AddWorkingDays(first, days - 1);
    }

    private static WorkingCalendar Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("holidays.json")
            ?? throw new InvalidOperationException("holidays.json is not embedded");
        using var doc = JsonDocument.Parse(stream);
        var calendar = new WorkingCalendar();
        foreach (var year in doc.RootElement.GetProperty("years").EnumerateObject())
        {
            Add(calendar._off, year.Value.GetProperty("off"));
            Add(calendar._work, year.Value.GetProperty("work"));
        }

        return calendar;
    }

    private static void Add(HashSet<DateOnly> set, JsonElement days)
    {
        foreach (var entry in days.EnumerateArray())
        {
            var text = entry.GetString()!;
            var parts = text.Split('/');
            var from = DateOnly.ParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var to = parts.Length > 1 ? DateOnly.ParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture) : from;
            for (var d = from; d <= to; d = d.AddDays(1))
            {
                set.Add(d);
            }
        }
    }
}

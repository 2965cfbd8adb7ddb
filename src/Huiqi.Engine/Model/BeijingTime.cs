using System.Globalization;

namespace Huiqi.Engine.Model;

/// <summary>
/// The platform's time zone (北京时间, UTC+8): every date and time a person reads, and every "today" a status or a
/// default year is derived from, is Beijing's; instants are stored in UTC. China has kept UTC+8 without daylight
/// saving since 1991, so the conversion is a fixed offset and needs no time-zone database.
/// </summary>
public static class BeijingTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>An instant as Beijing's clocks show it.</summary>
    public static DateTimeOffset Of(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The calendar day in Beijing at an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(Of(instant).DateTime);

    /// <summary>Today in Beijing by the given clock.</summary>
    public static DateOnly Today(this TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOf(clock.GetUtcNow());
    }

    /// <summary>An instant written as a person reads it: <c>2026-12-03 16:05</c> (Beijing time).</summary>
    public static string Show(DateTimeOffset instant) => Of(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A stored UTC time (kind Utc or Unspecified) written as a person reads it.</summary>
    public static string Show(DateTime utc) => Show(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
}

using Huiqi.Engine.Model;
using Microsoft.Extensions.Time.Testing;

namespace Huiqi.Engine.Tests.Output;

/// <summary>Times are stored in UTC and read in Beijing time (UTC+8), on every page and in every "today".</summary>
public class BeijingTimeTests
{
    /// <summary>08:05 UTC on 3 December is 16:05 in Beijing.</summary>
    [Fact]
    public void A_stored_time_reads_in_Beijing_time() =>
        Assert.Equal("2026-12-03 16:05", BeijingTime.Show(new DateTime(2026, 12, 3, 8, 5, 0, DateTimeKind.Utc)));

    /// <summary>15:59 UTC on 31 December 2025 is 23:59 in Beijing; 31 minutes later it is 00:30 on 1 January 2026 there.</summary>
    [Fact]
    public void Today_turns_at_midnight_in_Beijing_not_in_UTC()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 12, 31, 15, 59, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2025, 12, 31), clock.Today());
        clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(new DateOnly(2026, 1, 1), clock.Today());
    }

    /// <summary>
    /// In December 2026 the bureaus judge 2025's figures (the year is closed and its statistics are in) and 2026's
    /// events; on Beijing's New Year's Day (16:00 UTC on 31 December) both move on by one.
    /// </summary>
    [Fact]
    public void The_current_award_years_follow_Beijing_today()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal(new AwardYears(Figures: 2025, Events: 2026), AwardYears.Now(clock));
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.Zero));
        Assert.Equal(new AwardYears(Figures: 2026, Events: 2027), AwardYears.Now(clock));
    }
}

using Huiqi.Demo;

namespace Huiqi.Store.Tests;

/// <summary>The demo's monitoring is dated as the districts report it: a month on the 10th of the next, none after today.</summary>
public sealed class DemoMonitoringTests
{
    [Theory]
    // On 6 December October is the last month reported: November's figures come on 10 December.
    [InlineData("2026-12-06", 2026, 10)]
    [InlineData("2026-12-10", 2026, 11)]
    // Early in a year the last report is of the year before.
    [InlineData("2025-01-09", 2024, 11)]
    [InlineData("2025-03-05", 2025, 1)]
    // The demo data end with November 2026 (DemoCity.DataAsOf): later days still see November as the last month.
    [InlineData("2027-06-30", 2026, 11)]
    public void The_last_reported_month_is_the_one_reported_by_today(string today, int year, int month) =>
        Assert.Equal((year, month), DemoMonitoring.LastReported(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
}

using System.Diagnostics;

namespace Huiqi.Web.Tests;

/// <summary>
/// The test application's one clock: it starts at a chosen moment and runs on at the real pace (timers, lockouts and
/// cookie lifetimes behave as in production), and a test may move it forward — as days pass for a bureau, e.g. past a
/// notice period (公示期), so that the platform records a step on the day it is taken and never ahead of its own today.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private readonly long _origin = Stopwatch.GetTimestamp();
    private long _movedTicks;

    public override DateTimeOffset GetUtcNow() =>
        start.ToUniversalTime() + Stopwatch.GetElapsedTime(_origin) + TimeSpan.FromTicks(Interlocked.Read(ref _movedTicks));

    /// <summary>Moves the clock forward (never back, so no step is dated before an earlier one).</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _movedTicks, by.Ticks);
    }

    /// <summary>Sets the clock to <paramref name="now"/>, later than it shows (a bureau's calendar does not run back); it runs on from there.</summary>
    public void Set(DateTimeOffset now)
    {
        var by = now - GetUtcNow();
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Advance(by);
    }
}

namespace Huiqi.Web.Casework;

/// <summary>
/// The clock the award path counts its days by (deadlines, notice periods): the application's own, plus an offset that
/// only the Demo environment lets the city move, so that a visitor can take a case past its notice period (公示期) in
/// one sitting instead of waiting five working days. In any other environment the offset stays zero.
/// </summary>
public sealed class CaseClock(TimeProvider inner, bool movable) : TimeProvider
{
    private long _offsetTicks;

    /// <summary>Whether the city may move this clock (the Demo environment).</summary>
    public bool Movable => movable;

    /// <summary>How far ahead of the application's clock the award path's days are.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    /// <summary>Moves the clock forward (never back, so no decision is dated before an earlier one).</summary>
    public void Advance(TimeSpan by)
    {
        if (!movable)
        {
            throw new InvalidOperationException("the case clock moves in the Demo environment only");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}

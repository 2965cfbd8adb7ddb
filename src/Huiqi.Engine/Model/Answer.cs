namespace Huiqi.Engine.Model;

/// <summary>The engine's answer for one dossier and award year (dossier.md, "The answer").</summary>
public sealed record Answer(
    string Uscc,
    int Year,
    IReadOnlyList<AwardLine> Awards,
    IReadOnlyList<Referral> Referrals,
    IReadOnlyList<NotPaid> NotPaid,
    IReadOnlyList<string> Libraries,
    IReadOnlyList<Hint>? Hints,
    IReadOnlyList<TraceEntry>? Trace)
{
    /// <summary>The sum of <see cref="Awards"/>.</summary>
    public Yuan Total
    {
        get
        {
            var total = Yuan.Zero;
            foreach (var award in Blocks.Items.Of(Awards))
            {
                total += award.Amount;
            }

            return total;
        }
    }
}

/// <summary>One payable item: the amount, its split between city and district finance, and the sentence a reviewer checks by hand.</summary>
public sealed record AwardLine(string Clause, string? Item, Yuan Amount, Yuan CityShare, Yuan DistrictShare, string Because)
{
    /// <summary>The event date that put this award in its award year and inside its document's window.</summary>
    public DateOnly EventDate { get; init; }
}

/// <summary>A clause the facts touch whose amount no formula gives (一事一议, 按照相关政策): it goes to a person.</summary>
public sealed record Referral(string Clause, string? Item, string Reason);

/// <summary>Something that qualified but is not paid, and why (a cap, a ladder, highest only, expiry, precedence, a draft).</summary>
public sealed record NotPaid(string Clause, string? Item, string Reason);

/// <summary>"What would I need": how much more of a figure would pay how much, worked from the catalogue's parameters.</summary>
public sealed record Hint(string Clause, string Metric, int Year, decimal Needed, decimal WouldPay, string Text);

/// <summary>One condition a clause tested, with the numbers it compared.</summary>
public sealed record TraceEntry(string Clause, string Check, bool Passed);

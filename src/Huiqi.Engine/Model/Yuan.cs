using Huiqi.Engine.Evaluation;

namespace Huiqi.Engine.Model;

/// <summary>
/// An amount of money in yuan (元), exact: what the engine computes and hands on — an answer line's award and its
/// city and district shares — and what a case is approved and paid at. The roundings the texts and readings allow are
/// declared here and nowhere else: a percentage award (interpretation.md rule 1) and the city's share of an award split
/// with a district (rule 9) are rounded down to the whole yuan, and an amount a person enters or a bank pays is in whole fen (分).
/// </summary>
/// <remarks>
/// A <see cref="Yuan"/> reads as a <see cref="decimal"/> wherever a figure is summed, compared or written; a decimal
/// becomes a <see cref="Yuan"/> only by saying so (<see cref="Of"/>), so a rate or a count cannot pass for money.
/// </remarks>
public readonly record struct Yuan(decimal Value) : IComparable<Yuan>
{
    public static readonly Yuan Zero;

    /// <summary>The amount, exactly as computed (no rounding).</summary>
    public static Yuan Of(decimal value) => new(value);

    public static implicit operator decimal(Yuan amount) => amount.Value;

    public static Yuan operator +(Yuan a, Yuan b) => new(a.Value + b.Value);

    public static Yuan operator -(Yuan a, Yuan b) => new(a.Value - b.Value);

    /// <summary>The amount rounded down to the whole yuan: a percentage award (interpretation.md rule 1), the city's share of a split award (rule 9).</summary>
    public Yuan FloorToYuan() => new(decimal.Floor(Value));

    /// <summary>Whether the amount is in whole fen (分), as a person writes it and a bank pays it.</summary>
    public bool IsWholeFen => decimal.Round(Value, 2) == Value;

    public int CompareTo(Yuan other) => Value.CompareTo(other.Value);

    /// <summary>As a reader writes it: 400万元, 12,345.6元 (<see cref="Zh.Money"/>).</summary>
    public override string ToString() => Zh.Money(Value);
}

using System.Globalization;
using CsCheck;
using Huiqi.Engine.Output;

namespace Huiqi.Engine.Tests.Output;

public class DecimalsTests
{
    private static readonly Gen<decimal> Any = Gen.Select(Gen.Int, Gen.Int, Gen.Int, Gen.Bool, Gen.Int[0, 28])
        .Select((lo, mid, hi, negative, scale) => new decimal(lo, mid, hi, negative, (byte)scale));

    /// <summary>Amounts as answers hold them: whole yuan and fen times rates, and round figures at a scale.</summary>
    private static readonly Gen<decimal> Amounts = Gen.Select(Gen.Long[0, 100_000_000_000], Gen.Int[0, 10], Gen.Int[0, 6])
        .Select((units, scale, zeros) => new decimal(units * (long)Math.Pow(10, zeros)) / (decimal)Math.Pow(10, scale) * 1.0000m);

    private static decimal ByDivision(decimal v) => v / 1.000000000000000000000000000000000m;

    [Fact]
    public void Trailing_zeros_come_off_exactly_as_the_division_by_one_takes_them() =>
        Gen.OneOf(Any, Amounts, Gen.Select(Gen.Int[0, 28], Gen.Bool).Select((s, negative) => new decimal(0, 0, 0, negative, (byte)s))).Sample(v =>
            Assert.Equal(decimal.GetBits(ByDivision(v)), decimal.GetBits(Decimals.WithoutTrailingZeros(v))),
            iter: 200_000);

    public static TheoryData<decimal> Edges() =>
    [
        0m, -0m, 0.000m, new decimal(0, 0, 0, true, 5), 1m, -1m, 10m, 100.00m, -100.00m, 3600000.00m, 0.150m, -0.150m,
        0.0000000000000000000000000001m, -0.0000000000000000000000000010m, 1.0000000000000000000000000000m,
        decimal.MaxValue, decimal.MinValue, 7922816251426433759354395033.5m, 79228162514264337593543950330m,
        new decimal(-1, -1, -1, false, 28), new decimal(-1, -1, -1, true, 28), new decimal(0, 0, 10, false, 3),
        new decimal(0, 0, 1000, true, 3), 18446744073709551616.000m, 18446744073709551615.0000m, 999999999999.99m,
        12345678901234567890.12345678m, 5000000000.000000m,
    ];

    [Theory]
    [MemberData(nameof(Edges))]
    public void Edge_cases_write_as_the_division_writes_them(decimal v)
    {
        var fast = Decimals.WithoutTrailingZeros(v);
        Assert.Equal(decimal.GetBits(ByDivision(v)), decimal.GetBits(fast));
        Assert.Equal(ByDivision(v).ToString(CultureInfo.InvariantCulture), fast.ToString(CultureInfo.InvariantCulture));
    }
}

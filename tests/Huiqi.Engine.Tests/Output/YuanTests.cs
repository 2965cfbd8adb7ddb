using Huiqi.Engine.Catalog;
using Huiqi.Engine.Model;

namespace Huiqi.Engine.Tests.Output;

/// <summary>The roundings money may undergo, said once in <see cref="Yuan"/>.</summary>
public class YuanTests
{
    /// <summary>
    /// interpretation.md rule 9: a zzw2022-155 award is split 1:1, the city paying half rounded down to the yuan and
    /// the district the rest. An award of 30,001.50 yuan: half is 15,000.75, the city pays 15,000 and the district
    /// 30,001.50 − 15,000 = 15,001.50; nothing is lost between the two.
    /// </summary>
    [Fact]
    public void A_split_award_gives_the_city_whole_yuan_and_the_district_the_rest()
    {
        var (city, district) = new CostSplit(1, 1).Divide(Yuan.Of(30_001.50m));
        Assert.Equal(15_000m, city);
        Assert.Equal(15_001.50m, district);
        Assert.Equal(30_001.50m, city + district);
    }

    /// <summary>A document without a split (zz2023-23) is paid by the city alone, to the fen, unrounded.</summary>
    [Fact]
    public void The_city_alone_pays_the_whole_amount_unrounded()
    {
        var (city, district) = CostSplit.CityAlone.Divide(Yuan.Of(1_234.56m));
        Assert.Equal(1_234.56m, city);
        Assert.Equal(0m, district);
    }

    [Theory]
    [InlineData("100000", true)]
    [InlineData("0.01", true)]
    [InlineData("1851.8505", false)] // 15% of 12,345.67: not an amount a bank pays
    public void An_amount_is_payable_as_written_only_in_whole_fen(string amount, bool wholeFen) =>
        Assert.Equal(wholeFen, Yuan.Of(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)).IsWholeFen);

    /// <summary>Money is written the one way the engine's answers write it: 400万元 for 4,000,000 yuan.</summary>
    [Fact]
    public void An_amount_reads_as_the_answers_write_it() => Assert.Equal("400万元", Yuan.Of(4_000_000m).ToString());
}

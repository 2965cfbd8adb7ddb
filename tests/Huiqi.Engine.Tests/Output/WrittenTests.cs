using Huiqi.Engine.Model;

namespace Huiqi.Engine.Tests.Output;

/// <summary>How an amount, a date and a time are written where a person reads them, said once in <see cref="Written"/>.</summary>
public class WrittenTests
{
    /// <summary>
    /// Under 1万元 in 元, from 1万元 in 万元, from 1亿元 in 亿元, each with at most two decimals — the figures the issue
    /// found written five ways: 185.1851万元 is 1,851,851元; 123164.562万元 is 1,231,645,620元 (12.32亿元 to the
    /// hundredth of a 亿); 69609.5542万元 is 696,095,542元 (6.96亿元).
    /// </summary>
    [Theory]
    [InlineData("0", "0元")]
    [InlineData("9999", "9,999元")]
    [InlineData("9999.5", "9,999.5元")]
    [InlineData("10000", "1万元")]
    [InlineData("1851851", "185.19万元")]
    [InlineData("3600000", "360万元")]
    [InlineData("-1851851", "-185.19万元")]
    [InlineData("-9999", "-9,999元")]
    [InlineData("99999999", "1亿元")]
    [InlineData("1231645620", "12.32亿元")]
    [InlineData("696095542", "6.96亿元")]
    [InlineData("12345678900", "123.46亿元")]
    public void An_amount_is_written_in_the_unit_its_size_calls_for(string yuan, string written) =>
        Assert.Equal(written, Written.Money(decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>A figure that rounds up to the next unit is written in that unit, never as 10,000万元 or 10,000元.</summary>
    [Fact]
    public void A_figure_rounding_up_to_the_next_unit_takes_that_unit()
    {
        Assert.Equal("1万元", Written.Money(9_999.999m));
        Assert.Equal("1亿元", Written.Money(99_999_999.99m));
        Assert.Equal("9,999.99万元", Written.Money(99_999_900m));
    }

    /// <summary>The exact yuan, for the hover and for columns in 元, keeps every fen and separates thousands.</summary>
    [Fact]
    public void The_exact_amount_keeps_every_fen()
    {
        Assert.Equal("1,851,851元", Written.ExactMoney(1_851_851m));
        Assert.Equal("1,231,645,620元", Written.ExactMoney(1_231_645_620m));
        Assert.Equal("12,345.67", Written.Yuan(12_345.67m));
        Assert.Equal("-9,999", Written.Yuan(-9_999m));
        Assert.Equal("10,000,000", Written.Yuan(10_000_000.0m));
    }

    /// <summary>An amount typed in 元 or 万元, with or without separators, reads as the same yuan.</summary>
    [Theory]
    [InlineData("10,000,000", "元", "10000000")]
    [InlineData("10000000", "", "10000000")]
    [InlineData("1000万", "元", "10000000")]
    [InlineData("1000万元", "元", "10000000")]
    [InlineData("1000", "万元", "10000000")]
    [InlineData("50.5 万元", "元", "505000")]
    [InlineData("1,234.56元", "万元", "1234.56")]
    [InlineData("１２００", "元", "1200")]
    [InlineData(" 300 ", "万元", "3000000")]
    public void An_entered_amount_is_read_in_its_unit(string text, string unit, string yuan)
    {
        Assert.True(Written.TryParseMoney(text, unit, out var read));
        Assert.Equal(decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture), read);
    }

    /// <summary>Words, another unit, an empty field or a figure too large for a decimal are not amounts.</summary>
    [Theory]
    [InlineData("十万", "元")]
    [InlineData("abc", "元")]
    [InlineData("100美元", "元")]
    [InlineData("100", "美元")]
    [InlineData("", "元")]
    [InlineData("1e6", "元")]
    [InlineData("79228162514264337593543950335", "万元")]
    public void Text_that_is_no_amount_is_refused(string text, string unit) =>
        Assert.False(Written.TryParseMoney(text, unit, out _));

    /// <summary>Dates in tables and in prose; times in Beijing time: 06:05 UTC is 14:05 in Zhengzhou.</summary>
    [Fact]
    public void Dates_and_times_are_written_one_way()
    {
        Assert.Equal("2026-12-03", Written.Date(new DateOnly(2026, 12, 3)));
        Assert.Equal("2026年12月3日", Written.LongDate(new DateOnly(2026, 12, 3)));
        Assert.Equal("2026-12-03 14:05", Written.Time(new DateTimeOffset(2026, 12, 3, 6, 5, 0, TimeSpan.Zero)));
        Assert.Equal("2026-12-04", Written.Date(new DateTime(2026, 12, 3, 16, 30, 0, DateTimeKind.Utc)));
    }
}

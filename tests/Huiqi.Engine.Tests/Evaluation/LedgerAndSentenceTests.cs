using Huiqi.Engine.Evaluation;

namespace Huiqi.Engine.Tests.Evaluation;

/// <summary>
/// The ledger as a reviewer reads it in the sentences (interpretation.md rule 7: "the answer says how much of the cap was
/// already used"), the award year of a ledger line, and sentences that read true as written.
/// </summary>
public sealed class LedgerAndSentenceTests
{
    private static Model.Answer Evaluate(string json, int year, EvaluationOptions? options = null) => Catalogue.Evaluate(json, year, options);

    [Fact]
    public void A_yearly_cap_offers_what_the_ledger_left_and_says_how_much_was_used()
    {
        // zz2023-23/20: 200万 × 70% = 140万 → 100万 a year; 40万 already paid for 2025 leaves 60万.
        var answer = Evaluate("""{"uscc":"91410100MA3159566W","name":"展会","district":"金水区","spending":[{"kind":"exhibition","year":2025,"amount":2000000}],"grants":[{"clause":"zz2023-23/20","item":"exhibition","amount":400000,"date":"2025-07-01"}]}""", 2025);
        var award = Assert.Single(answer.Awards);
        Assert.Equal(600_000m, award.Amount);
        Assert.Contains("每年最高100万元已使用40万元，本次奖励60万元", award.Because, StringComparison.Ordinal);
    }

    [Fact]
    public void A_payment_in_January_settles_the_year_its_line_names()
    {
        // zz2023-23/7: floor(23 / 5) = 4 × 10万 = 40万 for 2024. Paid 2025-01-20 for award year 2024: 10万 left in 2024,
        // and nothing is taken from 2025's own award.
        const string Head = """{"uscc":"91410100MA3159566W","name":"传感","district":"金水区","traits":["manufacturing","in-library"],"sectors":["sensor"],"figures":{"mainRevenue":{"2023":200000000,"2024":246000000,"2025":295200000}},"grants":[{"clause":"zz2023-23/7","amount":300000,"date":"2025-01-20","year":2024}]}""";
        Assert.Equal(100_000m, Evaluate(Head, 2024).Awards.Single(a => a.Clause == "zz2023-23/7").Amount);

        // 2025: 295.2 / 246 − 1 = 20% → 4 × 10万 = 40万, the 2024 line does not touch it.
        Assert.Equal(400_000m, Evaluate(Head, 2025).Awards.Single(a => a.Clause == "zz2023-23/7").Amount);
    }

    [Fact]
    public void A_relocation_award_and_a_new_title_are_one_ladder_in_either_order()
    {
        // zzb2022-zjtx/2 and /3 (interpretation.md): /3 paid 50万 for provincial 专精特新 in 2024; the 2025 小巨人 title pays 200万 − 50万.
        var answer = Evaluate("""{"uscc":"91410100MA3159566W","name":"迁入","district":"金水区","honors":[{"kind":"national-xiaojuren","date":"2025-07-01"}],"grants":[{"clause":"zzb2022-zjtx/3","item":"provincial-zjtx","amount":500000,"date":"2024-04-01"}]}""", 2025);
        var award = Assert.Single(answer.Awards);
        Assert.Equal(("zzb2022-zjtx/2", 1_500_000m), (award.Clause, award.Amount));
        // The other clause of the ladder is named as the bureau cites it, not by its catalogue id.
        Assert.Contains("省级“专精特新”中小企业（按《关于支持“专精特新”中小企业高质量发展的实施意见》第三条兑付）50万元", award.Because, StringComparison.Ordinal);
    }

    [Fact]
    public void A_title_held_earlier_in_the_window_is_named_when_it_counts_as_paid()
    {
        // zz2023-23/15, ladder-base titles-held: 100万 − the 2024 factory's 50万 (not in the ledger) = 50万.
        var answer = Evaluate("""{"uscc":"91410100MA3159566W","name":"智能","district":"金水区","honors":[{"kind":"provincial-smart-factory","date":"2024-10-01"},{"kind":"provincial-smart-benchmark","date":"2025-04-01"}]}""", 2025);
        var award = Assert.Single(answer.Awards);
        Assert.Equal(500_000m, award.Amount);
        Assert.Contains("2024年省级智能工厂", award.Because, StringComparison.Ordinal);
        Assert.Contains("台账未载", award.Because, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hint_promises_only_what_the_ledger_leaves_of_the_year()
    {
        // zz2023-23/7: 23% growth earns 4 × 10万 = 40万; one more 5-point step would earn 50万. The ledger paid 45万 for 2024:
        // today's offer is 0 and the next step adds 50万 − 45万 = 5万, not 10万.
        var answer = Evaluate("""{"uscc":"91410100MA3159566W","name":"传感","district":"金水区","traits":["manufacturing","in-library"],"sectors":["sensor"],"figures":{"mainRevenue":{"2023":200000000,"2024":246000000}},"grants":[{"clause":"zz2023-23/7","amount":450000,"date":"2025-01-20","year":2024}]}""", 2024, new EvaluationOptions { Hints = true });
        Assert.DoesNotContain(answer.Awards, a => a.Clause == "zz2023-23/7");
        var hint = Assert.Single(answer.Hints!, h => h.Clause == "zz2023-23/7");
        Assert.Equal(50_000m, hint.WouldPay);
    }

    [Fact]
    public void A_project_id_is_set_apart_from_the_period_after_it()
    {
        // zzw2022-155/4: 6亿 ≥ 5亿 pays 30万; "项目FA1，2023年一季度…", never "项目FA12023年一季度".
        var answer = Evaluate("""{"uscc":"91410100MA3159566W","name":"投资","district":"金水区","projects":[{"id":"FA1","kind":"fixed-asset","enteredLibraryOn":"2022-06-01","figures":{"investment":{"2023Q1":600000000}}}]}""", 2023);
        var award = Assert.Single(answer.Awards);
        Assert.StartsWith("固定资产投资库项目FA1，2023年一季度累计投资6亿元", award.Because, StringComparison.Ordinal);
    }

    [Fact]
    public void A_growth_just_over_its_bar_is_written_with_the_digits_that_make_it_over()
    {
        // zzw2022-155/6: (240,000,001 − 200,000,000) / 200,000,000 = 20.0000005% > 20%; 20 points × 5万 = 100万.
        var answer = Evaluate("""{"uscc":"91410100MA3159566W","name":"出口","district":"金水区","traits":["industrial","above-scale"],"figures":{"exports":{"2022":200000000,"2023":240000001}}}""", 2023);
        var award = Assert.Single(answer.Awards);
        Assert.Equal(1_000_000m, award.Amount);
        Assert.Contains("增长20.0000005%>20%", award.Because, StringComparison.Ordinal);
    }

    [Fact]
    public void A_growth_just_under_its_bar_is_not_written_as_the_bar()
    {
        // zzw2022-155/2: 164,999,999.9 / 150,000,000 − 1 = 9.99999999…% < 10%: the trace must not say "增长10%，须≥10%" and fail.
        var answer = Evaluate("""{"uscc":"91410100MA3159566W","name":"增产","district":"金水区","traits":["manufacturing","above-scale"],"figures":{"operatingRevenue":{"2022Q1":150000000,"2023Q1":164999999.99}}}""", 2023, new EvaluationOptions { Trace = true });
        var check = Assert.Single(answer.Trace!, t => t.Clause == "zzw2022-155/2" && t.Check.Contains("须≥10%", StringComparison.Ordinal));
        Assert.False(check.Passed);
        Assert.DoesNotContain("增长10%", check.Check, StringComparison.Ordinal);
    }

    [Fact]
    public void An_average_just_under_its_bar_is_not_rounded_onto_it()
    {
        // zzw2022-155/1: 2023 Q1 800000 + 800000 + 799999.99 = 2399999.99 kWh, a monthly average of 799999.9966… < 80% of the
        // 2022 peak 1000000: not paid, and the check must not read "月均800000千瓦时须达到…1000000千瓦时的80%".
        var months = string.Join(",", Enumerable.Range(1, 12).Select(m => $"\"2022-{m:00}\":{(m == 7 ? 1000000 : 500000)}"));
        var json = """{"uscc":"91410100MA3159566W","name":"满产","district":"金水区","traits":["above-scale","manufacturing"],"figures":{"electricityKwh":{"""
            + months + ""","2023-01":800000,"2023-02":800000,"2023-03":799999.99}}}""";
        var answer = Evaluate(json, 2023, new EvaluationOptions { Trace = true });
        Assert.DoesNotContain(answer.Awards, a => a.Clause == "zzw2022-155/1");
        var check = Assert.Single(answer.Trace!, t => t.Clause == "zzw2022-155/1" && t.Check.StartsWith("月均用电量", StringComparison.Ordinal));
        Assert.False(check.Passed);
        Assert.StartsWith("月均用电量799999.997千瓦时", check.Check, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.200000001, 0.2, "20.0000001%")]
    [InlineData(0.1999999999, 0.2, "19.99999999%")]
    [InlineData(0.2, 0.2, "20%")]
    [InlineData(0.15, 0.1, "15%")]
    [InlineData(0.123456789, 0.1, "12.35%")]
    public void A_rate_beside_its_bar_keeps_the_comparison_true(double rate, double bar, string written) =>
        Assert.Equal(written, Zh.PercentAgainst((decimal)rate, (decimal)bar));
}

using Huiqi.Engine.Evaluation;

namespace Huiqi.Engine.Tests.Evaluation;

/// <summary>
/// The not-paid and referral sentences a reviewer reads across clauses: one reason once, the reason that decides first,
/// and what another clause already paid (the sentences of single clauses are pinned by the catalogue's cases).
/// </summary>
public sealed class BecauseSentenceTests
{
    private static Model.Answer Evaluate(string json, int year, EvaluationOptions? options = null) => Catalogue.Evaluate(json, year, options);

    private const string Draft = "《郑州市上街区关于支持高技术高成长高附加值企业高质量发展的工作方案》为征求意见稿，尚未生效，不予支付";

    [Fact]
    public void A_draft_not_in_force_is_the_one_reason_not_a_missing_figure()
    {
        // sj-sangao/3.4 pays 30% of a "三首" product's sales; without sales it cannot compute, but the draft is not in force
        // at all: that is the reason, once, and the missing figure is not asked for.
        const string json = """{"uscc":"91410100MA3159566W","name":"三首","district":"上街区","honors":[{"kind":"national-hightech","date":"2020-10-01"},{"kind":"first-of-kind","item":"首台套数控机床","date":"2024-07-01"}]}""";
        var draft = Evaluate(json, 2024);
        var line = Assert.Single(draft.NotPaid, n => n.Clause == "sj-sangao/3.4");
        Assert.Equal(Draft, line.Reason);
        Assert.DoesNotContain(draft.NotPaid, n => n.Reason.Contains("缺少实际销售额", StringComparison.Ordinal));

        // Put in force, the same dossier lacks the sales figure.
        var inForce = Evaluate(json, 2024, new EvaluationOptions { InForceFrom = new Dictionary<string, DateOnly> { ["sj-sangao"] = new(2024, 1, 1) } });
        Assert.Contains(inForce.NotPaid, n => n.Clause == "sj-sangao/3.4" && n.Reason.Contains("缺少实际销售额", StringComparison.Ordinal));
    }

    [Fact]
    public void An_expired_document_is_said_once_per_clause_not_per_spending_line()
    {
        // Two exhibition lines of 2024: zzw2022-155 ended on 2023-12-31, its /6 says so once, with the count. zz2023-23/20
        // pays them: (30万 + 40万) × 70% = 49万.
        var answer = Evaluate("""{"uscc":"91410100MA3159566W","name":"展会","district":"金水区","spending":[{"kind":"exhibition","year":2024,"amount":300000},{"kind":"exhibition","year":2024,"amount":400000}]}""", 2024);
        var line = Assert.Single(answer.NotPaid, n => n.Clause == "zzw2022-155/6");
        Assert.Equal("郑政文〔2022〕155号有效期至2023-12-31，2024-12-31发生的2项事项不予支付", line.Reason);
        Assert.Equal("exhibition", line.Item);
        Assert.Equal(490_000m, Assert.Single(answer.Awards, a => a.Clause == "zz2023-23/20").Amount);
    }

    [Fact]
    public void An_exhibition_paid_under_article_20_is_named_beside_its_referral_under_155_6()
    {
        // 2023 exhibition 50万 > 20万: zz2023-23/20 (in force from 2023-11-27; the year's spending falls on 2023-12-31) pays
        // 50万 × 70% = 35万. zzw2022-155/6 refers exhibitions to "有关政策": the referral says what /20 paid and 从高不重复.
        var answer = Evaluate("""{"uscc":"91410100MA3159566W","name":"展会","district":"金水区","spending":[{"kind":"exhibition","year":2023,"amount":500000}]}""", 2023);
        Assert.Equal(350_000m, Assert.Single(answer.Awards, a => a.Clause == "zz2023-23/20").Amount);
        var referral = Assert.Single(answer.Referrals, r => r.Clause == "zzw2022-155/6");
        Assert.EndsWith("；同一事项2023年已按郑政〔2023〕23号第二十条补贴35万元，按“从高不重复”原则只可补足差额，不重复补贴", referral.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exhibition_the_ledger_paid_under_article_20_is_named_beside_the_referral()
    {
        // The ledger paid /20's 35万 for 2023 already (so /20 offers nothing more): the referral still says so.
        var answer = Evaluate("""{"uscc":"91410100MA3159566W","name":"展会","district":"金水区","spending":[{"kind":"exhibition","year":2023,"amount":500000}],"grants":[{"clause":"zz2023-23/20","item":"exhibition","amount":350000,"date":"2024-06-01","year":2023}]}""", 2023);
        Assert.DoesNotContain(answer.Awards, a => a.Clause == "zz2023-23/20");
        var referral = Assert.Single(answer.Referrals, r => r.Clause == "zzw2022-155/6");
        Assert.Contains("已按郑政〔2023〕23号第二十条补贴35万元，按“从高不重复”原则", referral.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Sentences_name_other_clauses_by_article_never_by_catalogue_id()
    {
        // 2023 purchases: zz2023-23/21 pays 600万 × 3% = 18万, zzw2022-155/9 would pay 6万 and yields (从高不重复).
        var answer = Evaluate("""{"uscc":"91410100MA3159566W","name":"链主","district":"金水区","traits":["chain-leader"],"procurement":[{"year":2023,"supplier":"91410100MA18931346","amount":6000000,"chain":"existing"}]}""", 2023);
        var line = Assert.Single(answer.NotPaid, n => n.Clause == "zzw2022-155/9");
        Assert.Equal("从高不重复：同一事项按郑政〔2023〕23号第二十一条奖励18万元，本条6万元不重复支付", line.Reason);
        Assert.DoesNotContain(answer.NotPaid.Select(n => n.Reason).Concat(answer.Awards.Select(a => a.Because)), s => s.Contains("zz2023-23/", StringComparison.Ordinal));
    }
}

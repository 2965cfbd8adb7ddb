using Huiqi.Engine.Evaluation;

namespace Huiqi.Engine.Tests.Evaluation;

/// <summary>Precedence between documents, windows and drafts, seen across clauses (interpretation.md §8, rules 4 and 10).</summary>
public sealed class PrecedenceTests
{
    private static Model.Answer Evaluate(string json, int year, EvaluationOptions? options = null) => Catalogue.Evaluate(json, year, options);

    [Fact]
    public void Champion_before_the_new_policy_pays_under_zjtx_after_it_under_zz2023_23()
    {
        // 2023-11-26: zzb2022-zjtx/2 pays 500万; 2023-11-27: zz2023-23/17 pays 300万 and zjtx/2 lists why not.
        var before = Evaluate("""{"uscc":"91410100MA3159566W","name":"冠军","district":"金水区","honors":[{"kind":"champion-enterprise","date":"2023-11-26"}]}""", 2023);
        Assert.Equal(5_000_000m, Assert.Single(before.Awards).Amount);
        Assert.Equal("zzb2022-zjtx/2", before.Awards[0].Clause);

        var after = Evaluate("""{"uscc":"91410100MA3159566W","name":"冠军","district":"金水区","honors":[{"kind":"champion-enterprise","date":"2023-11-27"}]}""", 2023);
        var award = Assert.Single(after.Awards);
        Assert.Equal(("zz2023-23/17", 3_000_000m), (award.Clause, award.Amount));
        Assert.Contains(after.NotPaid, n => n.Clause == "zzb2022-zjtx/2" && n.Reason.Contains("按郑政〔2023〕23号第十七条奖励", StringComparison.Ordinal));
    }

    [Fact]
    public void Expiry_is_said_not_silently_zero()
    {
        // A lease claim of 2024: zzw2022-155 ended on 2023-12-31 (dossier.md's example notPaid line).
        var answer = Evaluate("""{"uscc":"91410100MA3159566W","name":"楼宇","district":"金水区","traits":["industrial"],"premises":[{"kind":"lease","area":25000,"since":"2021-01-01","date":"2024-01-01"}]}""", 2024);
        Assert.Empty(answer.Awards);
        var np = Assert.Single(answer.NotPaid, n => n.Clause == "zzw2022-155/10");
        Assert.Equal("郑政文〔2022〕155号有效期至2023-12-31，2024-01-01发生的事项不予支付", np.Reason);
    }

    [Fact]
    public void A_draft_pays_nothing_until_put_in_force()
    {
        const string json = """{"uscc":"91410100MA3159566W","name":"三高","district":"上街区","honors":[{"kind":"national-hightech","date":"2020-01-01"},{"kind":"ai-scenario","date":"2024-06-01"}]}""";
        var draft = Evaluate(json, 2024);
        Assert.Empty(draft.Awards);
        Assert.Contains("sangao", draft.Libraries);
        Assert.Contains(draft.NotPaid, n => n.Clause == "sj-sangao/5.2" && n.Reason.Contains("征求意见稿", StringComparison.Ordinal));

        var inForce = Evaluate(json, 2024, new EvaluationOptions { InForceFrom = new Dictionary<string, DateOnly> { ["sj-sangao"] = new(2024, 1, 1) } });
        // ai-scenario: 50万 (sj-sangao/5.2).
        Assert.Equal(500_000m, Assert.Single(inForce.Awards).Amount);
    }

    [Fact]
    public void Zjtx_library_tiers_take_the_highest_and_the_whitelist_follows_provincial_rank()
    {
        var answer = Evaluate("""{"uscc":"91410100MA3159566W","name":"小巨人","district":"金水区","honors":[{"kind":"innovative-sme","date":"2021-01-01"},{"kind":"provincial-zjtx","date":"2022-01-01"},{"kind":"national-xiaojuren","date":"2023-07-01"}]}""", 2024);
        Assert.Equal(["zjtx-upgrade", "zjtx-whitelist"], answer.Libraries);
        var earlier = Evaluate("""{"uscc":"91410100MA3159566W","name":"小巨人","district":"金水区","honors":[{"kind":"innovative-sme","date":"2021-01-01"},{"kind":"provincial-zjtx","date":"2022-01-01"},{"kind":"national-xiaojuren","date":"2023-07-01"}]}""", 2022);
        Assert.Equal(["zjtx-cultivate", "zjtx-whitelist"], earlier.Libraries);
    }
}

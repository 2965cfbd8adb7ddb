namespace Huiqi.Engine.Tests.Evaluation;

/// <summary>A referral names the article as the contract does (dossier.md: referrals[].clause), never a catalogue sub-clause.</summary>
public class ReferralNamingTests
{
    /// <summary>
    /// dossier.md's answer excerpt: a major project P2 of 2024 is referred as
    /// <c>{ "clause": "zz2023-23/8", "item": "P2", "reason": "重大工业项目，一事一议" }</c> — 第八条's sentence
    /// "对重大工业项目采取“一事一议”方式给予支持", which the catalogue keeps as zz2023-23/8-major.
    /// </summary>
    [Fact]
    public void A_major_project_is_referred_under_article_8()
    {
        var answer = Catalogue.Evaluate("""
            { "uscc": "91410100MA3159566W", "name": "测试企业", "district": "金水区",
              "projects": [ { "id": "P2", "kind": "new", "sei": true, "major": true, "totalInvestment": 2000000000,
                              "equipmentInvestment": 800000000, "completedOn": "2024-10-01" } ] }
            """, 2024);
        var referral = Assert.Single(answer.Referrals, r => r.Reason.Contains("重大工业项目", StringComparison.Ordinal));
        Assert.Equal(("zz2023-23/8", "P2"), (referral.Clause, referral.Item));
        Assert.EndsWith("重大工业项目，一事一议", referral.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(answer.Referrals, r => r.Clause.Contains("-major", StringComparison.Ordinal));
    }
}

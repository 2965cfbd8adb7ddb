using System.Text.Json;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Input;
using Huiqi.Engine.Output;
using Huiqi.Policies;

namespace Huiqi.Engine.Tests.Evaluation;

/// <summary>
/// The worked examples of the spec (copied into Examples/): each answer must match to the yuan and the letter. The
/// command line is held to the same examples in Huiqi.Cli.Tests.
/// </summary>
public sealed class ExampleTests
{
    public static TheoryData<string> Files() => new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Examples"), "*.json").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Files))]
    public void The_engine_gives_the_documented_answer(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Examples", file);
        var text = File.ReadAllText(path);
        using var example = JsonDocument.Parse(text);
        var expected = example.RootElement.GetProperty("answer");
        // As the command line and the web API read a question: the example's own year when none is given.
        var (read, year, _) = DossierReader.ReadQuestion(text, null);

        if (expected.TryGetProperty("error", out var error))
        {
            Assert.False(read.Ok);
            Assert.Contains(error.GetString()!, string.Join("\n", read.Errors), StringComparison.Ordinal);
            return;
        }

        Assert.True(read.Ok, string.Join("\n", read.Errors));
        var answer = new Evaluator(PolicySource.Default()).Evaluate(read.Dossier!, year!.Value, new EvaluationOptions());
        using var actual = JsonDocument.Parse(AnswerJson.ToJson(answer, indented: true));
        // Every key the example states must be equal; keys it leaves out (referrals, notPaid …) are not asserted.
        foreach (var property in expected.EnumerateObject())
        {
            Assert.True(actual.RootElement.TryGetProperty(property.Name, out var got), $"answer lacks '{property.Name}'");
            Assert.Equal(Normalize(property.Value), Normalize(got));
        }
    }

    private static string Normalize(JsonElement e) => JsonSerializer.Serialize(e);

    [Fact]
    public void The_dossier_md_hint_is_worked_from_the_same_parameters()
    {
        // dossier.md: a sensor enterprise with 2亿 → 2.46亿 (23 %) needs 400万 more to reach 25 % and one more 10万 step.
        var read = DossierReader.Read("""
            {"uscc":"91410100MA3159566W","name":"郑州示例传感科技有限公司","district":"郑州高新区",
             "traits":["industrial","manufacturing","above-scale","in-library"],"sectors":["sensor"],
             "figures":{"mainRevenue":{"2023":200000000,"2024":246000000}}}
            """);
        var answer = new Evaluator(PolicySource.Default()).Evaluate(read.Dossier!, 2024, new EvaluationOptions { Hints = true });
        var hint = Assert.Single(answer.Hints!, h => h.Clause == "zz2023-23/7");
        Assert.Equal(4_000_000m, hint.Needed);
        Assert.Equal(100_000m, hint.WouldPay);
        Assert.Equal("2024年主营业务收入再增加400万元（增速达到25%），可再获奖励10万元", hint.Text);
    }

    [Fact]
    public void A_milestone_hint_says_how_much_more_and_what_it_pays()
    {
        // 46亿 in 2024 (after 40亿 in 2023): 超过50亿 needs more than 4亿 more (4亿 + 1 元), and pays 200万 (zz2023-23/5).
        var read = DossierReader.Read("""
            {"uscc":"91410100MA3159566W","name":"大企业","district":"郑州经开区","traits":["industrial"],
             "figures":{"mainRevenue":{"2023":4000000000,"2024":4600000000}}}
            """);
        var answer = new Evaluator(PolicySource.Default()).Evaluate(read.Dossier!, 2024, new EvaluationOptions { Hints = true });
        var hint = Assert.Single(answer.Hints!, h => h.Clause == "zz2023-23/5");
        Assert.Equal(400_000_001m, hint.Needed);
        Assert.Equal(2_000_000m, hint.WouldPay);
        Assert.Equal("2024年主营业务收入再增加超过4亿元（超过50亿元），可再获奖励200万元", hint.Text);
        // 100亿 is out of reach for a 46亿 enterprise this year: no hint for it.
        Assert.DoesNotContain(answer.Hints!, h => h.Text.Contains("100亿元", StringComparison.Ordinal));
    }
}

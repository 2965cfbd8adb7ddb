using Huiqi.Demo;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Input;
using Huiqi.Policies;

namespace Huiqi.Store.Tests;

/// <summary>The demo city is worth demonstrating: evaluated for 2024 it earns awards under many clauses, every dossier valid.</summary>
public sealed class DemoCityEvaluationTests
{
    [Fact]
    public void Demo_city_of_3000_earns_awards_under_at_least_20_clauses_in_2024()
    {
        var evaluator = new Evaluator(PolicySource.Default());
        var clauses = new HashSet<string>(StringComparer.Ordinal);
        var total = 0m;
        foreach (var d in DemoCity.Generate(3000))
        {
            // Every generated dossier must pass the same checks as one a district sends.
            var reread = DossierReader.Read(Huiqi.Engine.Output.DossierJson.ToJson(d));
            Assert.True(reread.Ok, string.Join("; ", reread.Errors));
            foreach (var a in evaluator.Evaluate(reread.Dossier!, 2024).Awards)
            {
                clauses.Add(a.Clause);
                total += a.Amount;
            }
        }

        Assert.True(clauses.Count >= 20, $"only {clauses.Count} clauses paid: {string.Join(", ", clauses.Order())}");
        Assert.True(total > 0);
    }
}

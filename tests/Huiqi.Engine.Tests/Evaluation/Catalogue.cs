using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Input;
using Huiqi.Policies;

namespace Huiqi.Engine.Tests.Evaluation;

/// <summary>One dossier's answer from the shipped catalogue, for tests that look across clauses.</summary>
internal static class Catalogue
{
    public static Model.Answer Evaluate(string json, int year, EvaluationOptions? options = null)
    {
        var read = DossierReader.Read(json);
        Assert.True(read.Ok, string.Join("; ", read.Errors));
        return new Evaluator(PolicySource.Default()).Evaluate(read.Dossier!, year, options);
    }
}

using Huiqi.Engine.Catalog;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Model;

namespace Huiqi.Simulation;

/// <summary>
/// A catalogue and the options it is evaluated with: the baseline (the catalogue as reviewed) or a reform applied to
/// it (a draft put in force is an evaluation option, <see cref="EvaluationOptions.InForceFrom"/>). Thread-safe.
/// </summary>
public sealed class Scenario
{
    public Scenario(string name, PolicyCatalog catalog, EvaluationOptions? options = null)
    {
        Name = name;
        Catalog = catalog;
        Options = options ?? EvaluationOptions.Default;
        Evaluator = new Evaluator(catalog);
    }

    /// <summary>The baseline: the catalogue as it is.</summary>
    public static Scenario Baseline(PolicyCatalog catalog) => new("baseline", catalog);

    public string Name { get; }

    public PolicyCatalog Catalog { get; }

    public EvaluationOptions Options { get; }

    public Evaluator Evaluator { get; }

    public Answer Evaluate(Dossier dossier, int year) => Evaluator.Evaluate(dossier, year, Options);
}

using Huiqi.Engine.Catalog;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Model;

namespace Huiqi.Bench;

/// <summary>The platform's engine over a catalogue, its answer read back as amounts per subset clause.</summary>
public sealed class EngineSubset(PolicyCatalog catalog)
{
    public Evaluator Evaluator { get; } = new(catalog);

    public Answer Answer(Dossier d, int year) => Evaluator.Evaluate(d, year);

    public void Evaluate(Dossier d, int year, ref SubsetAmounts result)
    {
        result = default;
        foreach (var line in Evaluator.Evaluate(d, year).Awards)
        {
            var i = Catalogues.IndexOf(line.Clause);
            if (i >= 0)
            {
                result.Add(i, line.Amount, line.CityShare);
            }
        }
    }
}

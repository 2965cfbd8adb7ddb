using Huiqi.Engine.Catalog;
using Huiqi.Policies;

namespace Huiqi.Simulation.Tests;

/// <summary>Small hand-made populations and the shortest way to run a reform over them.</summary>
internal static class Population
{
    /// <summary>A valid code for enterprise <paramref name="i"/> (both check characters computed).</summary>
    public static string Uscc(int i) => Engine.Input.Uscc.WithCheckCharacters($"91410100MA{i:D6}");

    /// <summary>
    /// One JSONL line: enterprise <paramref name="i"/> of a district with the given facts (JSON members without braces,
    /// written with single quotes for readability).
    /// </summary>
    public static string Line(int i, string district, string facts = "") =>
        $$"""{"uscc":"{{Uscc(i)}}","name":"企业{{i}}","district":"{{district}}"{{(facts.Length > 0 ? "," + facts.Replace('\'', '"') : "")}}}""";

    /// <summary>A shipped example reform, read as the CLI reads it.</summary>
    public static Reform Shipped(string name)
    {
        var file = $"policies/reforms/{name}.yaml";
        var read = ReformReader.Read(file, PolicySource.EmbeddedReforms()[file]);
        Assert.True(read.Ok, string.Join("\n", read.Errors));
        return read.Reform!;
    }

    public static Reform Parse(string text, string file = "test-reform.yaml")
    {
        var read = ReformReader.Read(file, text);
        Assert.True(read.Ok, string.Join("\n", read.Errors));
        return read.Reform!;
    }

    /// <summary>The reform's faults (reading or applying it).</summary>
    public static IReadOnlyList<CatalogError> Faults(string text, string file = "test-reform.yaml")
    {
        var read = ReformReader.Read(file, text);
        if (!read.Ok)
        {
            return read.Errors;
        }

        return ReformApplier.Apply(PolicySource.Default(), read.Reform!).Errors;
    }

    public static SimulationReport Simulate(Reform reform, int year, params string[] lines)
    {
        var (simulation, errors) = ReformSimulation.Prepare(PolicySource.Default(), reform, year);
        Assert.True(simulation is not null, string.Join("\n", errors));
        simulation!.AddLines(lines, 1);
        return simulation.Report();
    }

    public static Amounts Of(this IReadOnlyList<KeyValuePair<string, Amounts>> rows, string key) =>
        rows.Single(kv => kv.Key == key).Value;
}

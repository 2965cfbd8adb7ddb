using System.Xml.Linq;

namespace Huiqi.Web.Tests;

/// <summary>
/// The projects reference one another only inwards (docs/architecture.md): the engine nothing, the domain never an
/// edge. Read from the project files themselves, so a reference added by hand or by an IDE is caught here.
/// </summary>
public class ArchitectureTests
{
    /// <summary>What each project under src/ may reference: the table of docs/architecture.md.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Huiqi.Engine"] = [],
        ["Huiqi.Policies"] = ["Huiqi.Engine"],
        ["Huiqi.Store"] = ["Huiqi.Engine"],
        ["Huiqi.Cases"] = ["Huiqi.Engine", "Huiqi.Policies", "Huiqi.Store"],
        ["Huiqi.Supervision"] = ["Huiqi.Engine", "Huiqi.Policies", "Huiqi.Store"],
        ["Huiqi.Simulation"] = ["Huiqi.Engine", "Huiqi.Policies", "Huiqi.Store"],
        ["Huiqi.Demo"] = ["Huiqi.Engine", "Huiqi.Store", "Huiqi.Cases", "Huiqi.Supervision"],
        ["Huiqi.Cli"] = ["Huiqi.Engine", "Huiqi.Policies", "Huiqi.Store", "Huiqi.Cases", "Huiqi.Supervision", "Huiqi.Simulation", "Huiqi.Demo"],
        ["Huiqi.Web"] = ["Huiqi.Engine", "Huiqi.Policies", "Huiqi.Store", "Huiqi.Cases", "Huiqi.Supervision", "Huiqi.Simulation", "Huiqi.Demo"],
    };

    /// <summary>Packages that reach a database, the web, spreadsheets, files of other formats or a scheduler: never in the engine.</summary>
    private static readonly string[] InputOutput = ["Microsoft.EntityFrameworkCore", "Npgsql", "Microsoft.Data.Sqlite", "SQLitePCLRaw", "Microsoft.AspNetCore", "MiniExcel", "CsvHelper", "Quartz", "System.Net.Http"];

    private static IEnumerable<string> References(string project, string kind) =>
        XDocument.Load(project).Descendants(kind)
            .Select(e => (string?)e.Attribute("Include") ?? "")
            .Select(i => kind == "ProjectReference" ? Path.GetFileNameWithoutExtension(i.Replace('\\', '/')) : i);

    private static IEnumerable<string> Projects(string folder) =>
        Directory.GetDirectories(Path.Combine(Repo.Root, folder)).Select(d => Path.Combine(d, Path.GetFileName(d) + ".csproj")).Where(File.Exists);

    [Fact]
    public void Every_project_references_only_what_the_architecture_allows()
    {
        var projects = Projects("src").ToList();
        Assert.Equal(Allowed.Keys.Order(StringComparer.Ordinal), projects.Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal));
        var wrong = projects
            .SelectMany(p => References(p, "ProjectReference").Where(r => !Allowed[Path.GetFileNameWithoutExtension(p)!].Contains(r)).Select(r => $"{Path.GetFileNameWithoutExtension(p)} → {r}"))
            .ToList();
        Assert.True(wrong.Count == 0, "references the architecture does not allow (docs/architecture.md): " + string.Join(", ", wrong));
    }

    [Fact]
    public void The_engine_takes_no_package_that_does_input_or_output()
    {
        var engine = Projects("src").Single(p => Path.GetFileNameWithoutExtension(p) == "Huiqi.Engine");
        var io = References(engine, "PackageReference").Where(p => InputOutput.Any(f => p.StartsWith(f, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(io.Count == 0, "the engine is pure, yet takes: " + string.Join(", ", io));
    }

    /// <summary>
    /// A reader who meets <c>rule: growth-steps</c> in a policy file finds <c>Engine/Blocks/GrowthStepsRule.cs</c>
    /// declaring <c>GrowthStepsRule</c>: the name in the catalogue, the file and the class are one.
    /// </summary>
    [Fact]
    public void Every_rule_named_in_the_catalogue_has_a_file_and_class_of_its_name()
    {
        var names = Huiqi.Engine.Catalog.RuleRegistry.Clauses.Keys.Concat(Huiqi.Engine.Catalog.RuleRegistry.Libraries.Keys).ToList();
        var blocks = Path.Combine(Repo.Root, "src", "Huiqi.Engine", "Blocks");
        var missing = names
            .Select(n => (Rule: n, Class: string.Concat(n.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..])) + "Rule"))
            .Where(r => !File.Exists(Path.Combine(blocks, r.Class + ".cs")) || !File.ReadAllText(Path.Combine(blocks, r.Class + ".cs")).Contains($"class {r.Class} "))
            .Select(r => $"rule: {r.Rule} → Blocks/{r.Class}.cs")
            .ToList();
        Assert.True(missing.Count == 0, "rules whose file or class is not named after them: " + string.Join(", ", missing));
        var strays = Directory.GetFiles(blocks, "*Rule*.cs").Select(Path.GetFileNameWithoutExtension)
            .Except(names.Select(n => string.Concat(n.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..])) + "Rule")).ToList();
        Assert.True(strays.Count == 0, "rule files the catalogue cannot name: " + string.Join(", ", strays));
    }

    [Fact]
    public void No_new_test_project_reaches_the_domain_through_the_command_line()
    {
        var throughCli = Projects("tests")
            .Where(p => References(p, "ProjectReference").Contains("Huiqi.Cli"))
            .Select(p => Path.GetFileNameWithoutExtension(p)!)
            .ToList();
        Assert.Equal(["Huiqi.Cli.Tests"], throughCli);
    }
}

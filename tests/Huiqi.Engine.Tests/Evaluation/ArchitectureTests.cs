namespace Huiqi.Engine.Tests.Evaluation;

/// <summary>The engine stays pure: the edges depend on it, never the reverse.</summary>
public sealed class ArchitectureTests
{
    [Fact]
    public void Engine_references_no_database_web_or_file_library()
    {
        var refs = typeof(Huiqi.Engine.Evaluation.Evaluator).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(refs, r => r.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
            || r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || r.StartsWith("Npgsql", StringComparison.Ordinal)
            || r.StartsWith("MiniExcel", StringComparison.Ordinal) || r.StartsWith("Huiqi.", StringComparison.Ordinal));
    }
}

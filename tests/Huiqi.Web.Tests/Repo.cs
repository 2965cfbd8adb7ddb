namespace Huiqi.Web.Tests;

/// <summary>Where the repository and the shared specification are, from the test binaries.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    /// <summary>The worked examples: <c>../shared/spec/examples</c> beside the repository, and the engine tests' copies.</summary>
    public static IReadOnlyList<string> ExampleFiles()
    {
        var folders = new[]
        {
            Path.GetFullPath(Path.Combine(Root, "..", "shared", "spec", "examples")),
            Path.Combine(Root, "tests", "Huiqi.Engine.Tests", "Examples"),
        };
        var files = folders.Where(Directory.Exists).SelectMany(f => Directory.GetFiles(f, "*.json")).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        return files;
    }

    /// <summary>Where the browser tests save their screenshots for review (gitignored).</summary>
    public static string Screenshots
    {
        get
        {
            var dir = Path.Combine(Root, "artifacts", "screenshots");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Huiqi.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Huiqi.slnx not found above " + AppContext.BaseDirectory);
    }
}

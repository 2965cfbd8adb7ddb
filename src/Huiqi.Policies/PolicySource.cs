using System.Reflection;
using Huiqi.Engine.Catalog;

namespace Huiqi.Policies;

/// <summary>
/// Where the catalogue comes from: the reviewed copy built into the application (the default), or a folder an
/// officer is editing (<c>--catalog DIR</c>, or <c>HUIQI_CATALOG</c>). The engine itself never touches the disk.
/// </summary>
public static class PolicySource
{
    /// <summary>The folder of reform files (<c>policies/reforms/</c>): changes to the catalogue, never policy files themselves.</summary>
    public const string ReformFolder = "reforms";

    private static readonly Lazy<IReadOnlyDictionary<string, string>> EmbeddedFiles = new(() => ReadEmbedded("policies/", ReformPrefix));

    private static readonly Lazy<IReadOnlyDictionary<string, string>> EmbeddedReformFiles = new(() => ReadEmbedded(ReformPrefix, null));

    private const string ReformPrefix = "policies/" + ReformFolder + "/";

    /// <summary>The policy files built into this version, by their path in the repository (<c>policies/zz2023-23.yaml</c>).</summary>
    public static IReadOnlyDictionary<string, string> Embedded() => EmbeddedFiles.Value;

    /// <summary>The example reforms shipped with this version, by their path (<c>policies/reforms/split-60-40.yaml</c>).</summary>
    public static IReadOnlyDictionary<string, string> EmbeddedReforms() => EmbeddedReformFiles.Value;

    /// <summary>The policy files of a folder laid out like <c>policies/</c>.</summary>
    public static IReadOnlyDictionary<string, string> Directory(string path)
    {
        var root = Path.GetFullPath(path);
        if (!System.IO.Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"政策目录不存在 / catalogue folder not found: {root}");
        }

        // Reform files sit beside the policies (policies/reforms/) but are changes to them, not documents.
        var reforms = Path.Combine(root, ReformFolder) + Path.DirectorySeparatorChar;
        return System.IO.Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".txt", StringComparison.Ordinal))
            .Where(f => !f.StartsWith(reforms, StringComparison.Ordinal))
            .ToDictionary(f => Path.Combine(path, Path.GetRelativePath(root, f)).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);
    }

    /// <summary>The environment variable naming a catalogue folder to use instead of the embedded one.</summary>
    public const string FolderVariable = "HUIQI_CATALOG";

    /// <summary>The policy files of the folder named (else of <c>HUIQI_CATALOG</c>'s), or the embedded ones.</summary>
    public static IReadOnlyDictionary<string, string> Files(string? directory = null)
    {
        directory ??= Environment.GetEnvironmentVariable(FolderVariable);
        return directory is null ? Embedded() : Directory(directory);
    }

    /// <summary>Loads the catalogue from a folder when one is named, else the embedded one.</summary>
    public static CatalogLoadResult Load(string? directory = null, IReadOnlyDictionary<string, string>? readings = null) =>
        CatalogLoader.Load(Files(directory), readings);

    /// <summary>The embedded catalogue, which is checked by the tests and so always loads.</summary>
    public static PolicyCatalog Default() => DefaultCatalog.Value;

    private static readonly Lazy<PolicyCatalog> DefaultCatalog = new(() =>
    {
        var result = CatalogLoader.Load(Embedded());
        return result.Catalog ?? throw new InvalidOperationException("内置政策目录有错误 / the built-in catalogue has errors:\n" + string.Join("\n", result.Errors));
    });

    private static IReadOnlyDictionary<string, string> ReadEmbedded(string prefix, string? except)
    {
        var asm = Assembly.GetExecutingAssembly();
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && (except is null || !n.StartsWith(except, StringComparison.Ordinal))))
        {
            using var stream = asm.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            files[name] = reader.ReadToEnd();
        }

        return files;
    }
}

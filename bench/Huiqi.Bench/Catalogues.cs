using Huiqi.Engine.Catalog;
using Huiqi.Policies;

namespace Huiqi.Bench;

/// <summary>The catalogues the benchmark evaluates: the full embedded one, and the subset of five clauses all three implementations share.</summary>
public static class Catalogues
{
    /// <summary>The clauses of the side-by-side comparison, in the order results are kept.</summary>
    public static readonly string[] Subset = ["zz2023-23/5", "zz2023-23/7", "zz2023-23/9", "zz2023-23/20", "zzw2022-155/2"];

    /// <summary>Index of a subset clause in <see cref="Subset"/>, or −1.</summary>
    public static int IndexOf(string clause) => clause switch
    {
        "zz2023-23/5" => 0,
        "zz2023-23/7" => 1,
        "zz2023-23/9" => 2,
        "zz2023-23/20" => 3,
        "zzw2022-155/2" => 4,
        _ => -1,
    };

    /// <summary>Whether the stand-in file for zzw2022-155 had to be used (the reviewed file was not embedded).</summary>
    public static bool UsedStandIn { get; private set; }

    /// <summary>
    /// The embedded catalogue (what <c>huiqi evaluate</c> uses). While policies/zzw2022-155.yaml is still being written and not
    /// embedded, a stand-in holding clause /2 as interpretation.md reads it is added, so the subset can be compared at all.
    /// </summary>
    public static PolicyCatalog Full()
    {
        var files = new Dictionary<string, string>(PolicySource.Embedded(), StringComparer.Ordinal);
        if (!files.ContainsKey("policies/zzw2022-155.yaml"))
        {
            files["policies/zzw2022-155.yaml"] = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "StandIn", "zzw2022-155.yaml"));
            UsedStandIn = true;
        }

        var result = CatalogLoader.Load(files);
        return result.Catalog ?? throw new InvalidOperationException("catalogue has errors:\n" + string.Join("\n", result.Errors));
    }
}

namespace Huiqi.Simulation.Runs;

/// <summary>
/// A stored simulation run (测算记录): the reform as it was written, the award year, who ran it and when, the population
/// it ran on as a snapshot (the dossiers as gzipped JSONL, with their count and SHA-256) and the report. With the
/// snapshot a run can be reproduced long after the registry has changed, and its detail exported again.
/// </summary>
public sealed class SimulationRunRow
{
    public int Id { get; set; }

    /// <summary>The reform's id (<c>extend-zz2023-23</c>).</summary>
    public string ReformId { get; set; } = "";

    public string ReformTitle { get; set; } = "";

    /// <summary>Where the reform came from: a shipped file (<c>policies/reforms/…</c>), an uploaded file's name, or pasted text.</summary>
    public string ReformFile { get; set; } = "";

    /// <summary>The full reform text, exactly as run.</summary>
    public string ReformText { get; set; } = "";

    public int Year { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>Dossiers in the snapshot.</summary>
    public long Dossiers { get; set; }

    /// <summary>SHA-256 (hex) of the snapshot's JSONL, uncompressed: two runs on the same population carry the same.</summary>
    public string PopulationSha256 { get; set; } = "";

    /// <summary>The population's dossiers as contract JSONL, one per line in registry order, gzipped.</summary>
    public byte[] Population { get; set; } = [];

    /// <summary>SHA-256 (hex) of the catalogue's policy files the run used: a reproduction under another catalogue says so.</summary>
    public string CatalogSha256 { get; set; } = "";

    /// <summary>The report as <c>huiqi simulate --json</c> prints it.</summary>
    public string ReportJson { get; set; } = "";

    /// <summary>Total cost under the catalogue as it is (现行), in yuan: for the list of runs.</summary>
    public decimal Baseline { get; set; }

    /// <summary>Total cost under the reform (调整后), in yuan.</summary>
    public decimal Reform { get; set; }

    /// <summary>Changes of the reform that altered no enterprise's answer.</summary>
    public int NoEffect { get; set; }

    /// <summary>How long reading the registry and simulating took, in milliseconds.</summary>
    public long ElapsedMs { get; set; }
}

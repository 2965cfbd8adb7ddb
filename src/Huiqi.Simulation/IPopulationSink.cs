using Huiqi.Engine.Input;
using Huiqi.Engine.Model;

namespace Huiqi.Simulation;

/// <summary>
/// What a streamed population is handed to, chunk by chunk: JSONL lines (parsed by the sink, in parallel, bad lines
/// reported and skipped) or dossiers already read (the registry). The caller does the reading; the sink keeps sums only.
/// </summary>
public interface IPopulationSink
{
    /// <summary>A chunk of JSONL lines; <paramref name="firstLine"/> is the 1-based number of the first.</summary>
    void AddLines(IReadOnlyList<string> lines, long firstLine);

    /// <summary>A chunk of JSONL lines kept as UTF-8; a sink that reads strings takes them as text.</summary>
    void AddLines(LineChunk chunk) => AddLines(chunk.Texts(), chunk.FirstLine);

    /// <summary>A chunk of dossiers.</summary>
    void AddDossiers(IReadOnlyList<Dossier> dossiers);
}

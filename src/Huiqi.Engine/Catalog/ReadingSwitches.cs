namespace Huiqi.Engine.Catalog;

/// <summary>
/// A reading switch (解读口径): where the text admits two readings, the catalogue names the choice, holds its default,
/// and lets a bureau or a simulation choose the other (interpretation.md, general rule 12).
/// </summary>
public sealed record ReadingSwitch(string Name, string Clause, string Param, string Value, IReadOnlyList<string> Readings, string File, int Line);

/// <summary>The switches met while loading, and the readings a caller chose before loading.</summary>
public sealed class ReadingSwitches
{
    private readonly Dictionary<string, string> _chosen;
    private readonly List<ReadingSwitch> _met = [];

    public ReadingSwitches(IReadOnlyDictionary<string, string>? chosen = null) =>
        _chosen = chosen is null ? new(StringComparer.Ordinal) : new(chosen, StringComparer.Ordinal);

    /// <summary>The clause being read, so each switch knows where it stands.</summary>
    public string? CurrentClause { get; set; }

    public IReadOnlyList<ReadingSwitch> Met => _met;

    public IReadOnlyDictionary<string, string> ChosenReadings => _chosen;

    public string? Chosen(string name) => _chosen.TryGetValue(name, out var v) ? v : null;

    internal void Record(ReadingSwitch s) => _met.Add(s);
}

namespace Huiqi.Engine.Catalog;

/// <summary>
/// A reading switch (解读口径): where the text admits two readings, the catalogue names the choice, holds its default,
/// and lets a bureau or a simulation choose the other (interpretation.md, general rule 12).
/// </summary>
/// <param name="Name">The switch's name, shared by every clause that reads the same sentence the same way (e.g. <c>chain-base</c>).</param>
/// <param name="Clause">The clause whose parameter it sets.</param>
/// <param name="Param">The parameter it sets.</param>
/// <param name="Value">The reading in effect: the one chosen, or else the catalogue's default.</param>
/// <param name="Default">The reading the catalogue writes.</param>
/// <param name="Readings">The readings it may take.</param>
/// <param name="File">The policy file.</param>
/// <param name="Line">The line of the parameter.</param>
public sealed record ReadingSwitch(string Name, string Clause, string Param, string Value, string Default, IReadOnlyList<string> Readings, string File, int Line);

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

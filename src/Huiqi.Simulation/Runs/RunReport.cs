using System.Text.Json;

namespace Huiqi.Simulation.Runs;

/// <summary>A line of a gainer's or loser's answer that the reform changes, and why (the reform's sentence or why it is not paid).</summary>
public sealed record MovedLine(string Clause, string? Item, Amounts Amount, string Because);

/// <summary>One of the largest gains or losses: the enterprise, its totals and the lines that moved.</summary>
public sealed record MovedEnterprise(string Uscc, string Name, string District, Amounts Total, IReadOnlyList<MovedLine> Lines);

/// <summary>A change of the reform, where it is written, and how many enterprises it altered.</summary>
public sealed record ChangeLine(int Number, string File, int Line, string Change, long Affected);

/// <summary>
/// A simulation report as a stored run keeps it: read back from the JSON <c>huiqi simulate --json</c> prints
/// (<see cref="SimulationJson"/>), so a fresh run and one opened a year later are shown from the same text.
/// </summary>
public sealed record RunReport
{
    public required string ReformId { get; init; }
    public required string Title { get; init; }
    public required int Year { get; init; }
    public required long Dossiers { get; init; }
    public required Amounts Total { get; init; }
    public required IReadOnlyList<KeyValuePair<string, Amounts>> ByClause { get; init; }
    public required IReadOnlyList<KeyValuePair<string, Amounts>> ByDistrict { get; init; }
    public required IReadOnlyList<KeyValuePair<string, Amounts>> ByPayer { get; init; }
    public required IReadOnlyList<KeyValuePair<string, Amounts>> DistrictShares { get; init; }
    public required long Gainers { get; init; }
    public required long Losers { get; init; }
    public required long Unchanged { get; init; }
    public required IReadOnlyList<MovedEnterprise> TopGainers { get; init; }
    public required IReadOnlyList<MovedEnterprise> TopLosers { get; init; }
    public required IReadOnlyList<ChangeLine> Changes { get; init; }

    /// <summary>The changes that altered no enterprise's answer on this population.</summary>
    public IReadOnlyList<ChangeLine> NoEffect => [.. Changes.Where(c => c.Affected == 0)];

    /// <summary>Whether no change of the reform altered anything: the reform changes nothing for this population.</summary>
    public bool ChangesNothing => Changes.Count > 0 && NoEffect.Count == Changes.Count;

    public static RunReport Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var r = doc.RootElement;
        return new RunReport
        {
            ReformId = r.GetProperty("reformId").GetString()!,
            Title = r.GetProperty("title").GetString()!,
            Year = r.GetProperty("year").GetInt32(),
            Dossiers = r.GetProperty("dossiers").GetInt64(),
            Total = new Amounts(r.GetProperty("baseline").GetDecimal(), r.GetProperty("reform").GetDecimal()),
            ByClause = Table(r.GetProperty("byClause")),
            ByDistrict = Table(r.GetProperty("byDistrict")),
            ByPayer = Table(r.GetProperty("byPayer")),
            DistrictShares = Table(r.GetProperty("districtShares")),
            Gainers = r.GetProperty("gainers").GetInt64(),
            Losers = r.GetProperty("losers").GetInt64(),
            Unchanged = r.GetProperty("unchanged").GetInt64(),
            TopGainers = Movers(r.GetProperty("topGainers")),
            TopLosers = Movers(r.GetProperty("topLosers")),
            Changes = [.. r.GetProperty("changes").EnumerateArray().Select(c => new ChangeLine(
                c.GetProperty("index").GetInt32(), c.GetProperty("file").GetString()!, c.GetProperty("line").GetInt32(),
                c.GetProperty("change").GetString()!, c.GetProperty("affected").GetInt64()))],
        };
    }

    private static Amounts Amounts(JsonElement e) => new(e.GetProperty("baseline").GetDecimal(), e.GetProperty("reform").GetDecimal());

    private static List<KeyValuePair<string, Amounts>> Table(JsonElement e) =>
        [.. e.EnumerateObject().Select(p => new KeyValuePair<string, Amounts>(p.Name, Amounts(p.Value)))];

    private static List<MovedEnterprise> Movers(JsonElement e) =>
        [.. e.EnumerateArray().Select(m => new MovedEnterprise(
            m.GetProperty("uscc").GetString()!, m.GetProperty("name").GetString()!, m.GetProperty("district").GetString()!, Amounts(m),
            [.. m.GetProperty("lines").EnumerateArray().Select(l => new MovedLine(
                l.GetProperty("clause").GetString()!, l.TryGetProperty("item", out var item) ? item.GetString() : null, Amounts(l), l.GetProperty("because").GetString()!))]))];
}

namespace Huiqi.Supervision.Tasks;

/// <summary>
/// How far a caller of the supervision ledger reaches: the whole city, or one district. The web maps its accounts'
/// scope onto this and every ledger query applies it in the database, so another district's rows are never loaded.
/// </summary>
public sealed record LedgerScope
{
    private LedgerScope(string? district) => District = district;

    /// <summary>The whole city (city bureaus, administrator, command line).</summary>
    public static LedgerScope City { get; } = new((string?)null);

    /// <summary>The district, or null for the whole city.</summary>
    public string? District { get; }

    public bool IsCity => District is null;

    public static LedgerScope Of(string district)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(district);
        return new LedgerScope(district);
    }

    /// <summary>Whether an enterprise or unit of this district is within reach (a city unit, district null, only for the city).</summary>
    public bool Reaches(string? district) => IsCity || district == District;
}

/// <summary>A refusal of the ledger the user can act on, in Chinese (shown on the page, a 400 in the API).</summary>
public sealed class LedgerException(string message) : Exception(message);

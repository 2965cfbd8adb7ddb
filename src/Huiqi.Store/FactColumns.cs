using Huiqi.Engine.Model;

namespace Huiqi.Store;

/// <summary>
/// Where the registry keeps each field of the contract's table (<see cref="FactFields"/>): in the row of its section,
/// in the property of the same name in PascalCase, but for the few named here. The row mapping and the tables'
/// configuration both ask here.
/// </summary>
public static class FactColumns
{
    private static readonly Dictionary<(string Section, string Field), string> Renamed = new()
    {
        // A row's Id is its surrogate key: the dossier's ids are codes.
        [("projects", "id")] = nameof(ProjectRow.Code),
        [("patentProducts", "id")] = nameof(PatentProductRow.Code),

        // The award year a case's payment settles (null for lines of the old ledgers).
        [("grants", "year")] = nameof(GrantRow.AwardYear),
    };

    /// <summary>The row property that holds a field.</summary>
    public static string Property(FactSection section, FactField field) =>
        Renamed.TryGetValue((section.Name, field.Name), out var name) ? name : char.ToUpperInvariant(field.Name[0]) + field.Name[1..];
}

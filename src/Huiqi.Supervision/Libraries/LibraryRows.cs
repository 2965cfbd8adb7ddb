namespace Huiqi.Supervision.Libraries;

/// <summary>
/// An enterprise's place in a cultivation library (入库记录): one row per library and enterprise, kept after it leaves
/// so a later return continues the same history. The name and district are copied from the registry at each selection,
/// so lists filter and scope on them without joining another context's tables.
/// </summary>
public sealed class LibraryMembershipRow
{
    public int Id { get; set; }

    /// <summary>The library (<see cref="LibraryDefinitions"/>): <c>zjtx</c>, <c>sangao</c> ….</summary>
    public string Library { get; set; } = "";

    public string Uscc { get; set; } = "";

    public string Name { get; set; } = "";

    public string District { get; set; } = "";

    /// <summary>The ZJTX tier (层级): <c>upgrade</c>, <c>cultivate</c>, <c>reserve</c>; null for a library without tiers.</summary>
    public string? Tier { get; set; }

    /// <summary>In the library now (在库).</summary>
    public bool Active { get; set; }

    /// <summary>Put in by hand (人工入库): a selection never takes it out, only a removal by hand does.</summary>
    public bool Manual { get; set; }

    /// <summary>The selection year of the current (or last) spell in the library.</summary>
    public int SinceYear { get; set; }

    public int? LeftYear { get; set; }

    /// <summary>A removal by hand holds against the selections up to this year (the district's decision stands that year).</summary>
    public int? HeldOutYear { get; set; }

    /// <summary>Why it is in the library now, or why it left.</summary>
    public string Reason { get; set; } = "";

    public List<LibraryEventRow> Events { get; set; } = [];
}

/// <summary>One step of a membership's history (入库、层级调整、出库), with the year, who and why.</summary>
public sealed class LibraryEventRow
{
    public const string Entered = "entered";
    public const string TierChanged = "tier";
    public const string Left = "left";

    /// <summary>Who acts when the yearly selection decides.</summary>
    public const string BySelection = "年度遴选";

    public int Id { get; set; }

    public int MembershipId { get; set; }

    public LibraryMembershipRow? Membership { get; set; }

    /// <summary>The selection year the step belongs to.</summary>
    public int Year { get; set; }

    /// <summary>When it was recorded (UTC).</summary>
    public DateTime At { get; set; }

    /// <summary><see cref="Entered"/>, <see cref="TierChanged"/> or <see cref="Left"/>.</summary>
    public string Kind { get; set; } = "";

    public string? FromTier { get; set; }

    public string? Tier { get; set; }

    public string Reason { get; set; } = "";

    /// <summary><see cref="BySelection"/>, or the user who added or removed it by hand.</summary>
    public string By { get; set; } = "";

    public bool Manual { get; set; }

    /// <summary>The step in Chinese: 入库 / 层级调整 / 出库.</summary>
    public string KindName => Kind switch
    {
        Entered => "入库",
        TierChanged => "层级调整",
        Left => "出库",
        _ => Kind,
    };
}

/// <summary>A yearly selection that has been run (遴选记录): when, by whom, and what it changed.</summary>
public sealed class LibrarySelectionRow
{
    public int Year { get; set; }

    public DateTime At { get; set; }

    public string By { get; set; } = "";

    public int Entered { get; set; }

    public int TierChanged { get; set; }

    public int Left { get; set; }
}

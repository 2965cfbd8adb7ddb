namespace Huiqi.Engine.Model;

/// <summary>
/// What is known about one enterprise (一企一档): the question put to the engine, as dossier.md fixes it.
/// Immutable; built by <see cref="Huiqi.Engine.Input.DossierReader"/> after every field has been checked.
/// </summary>
public sealed record Dossier
{
    /// <summary>统一社会信用代码, 18 characters, checked (GB 32100-2015 and GB 11714).</summary>
    public required string Uscc { get; init; }

    public required string Name { get; init; }

    /// <summary>One of the 16 districts of zzb2020-19 Annex 1 (<see cref="Vocabulary.Districts"/>).</summary>
    public required string District { get; init; }

    public IReadOnlySet<string> Traits { get; init; } = EmptySet;

    public IReadOnlyList<string> Sectors { get; init; } = [];

    /// <summary>The day the whole enterprise moved into the city (整体迁入), for zzb2022-zjtx/3.</summary>
    public DateOnly? RelocatedOn { get; init; }

    public FigureTable Figures { get; init; } = FigureTable.Empty;

    public IReadOnlyList<Ranking> Rankings { get; init; } = [];

    public IReadOnlyList<Honor> Honors { get; init; } = [];

    public IReadOnlyList<Project> Projects { get; init; } = [];

    public IReadOnlyList<Spending> Spending { get; init; } = [];

    public IReadOnlyList<Procurement> Procurement { get; init; } = [];

    public IReadOnlyList<PatentProduct> PatentProducts { get; init; } = [];

    public IReadOnlyList<Premises> Premises { get; init; } = [];

    public IReadOnlyList<Training> Training { get; init; } = [];

    /// <summary>The ledger (已兑付): awards already paid, which make once-only, ladders and caps hold across years.</summary>
    public IReadOnlyList<Grant> Grants { get; init; } = [];

    public bool Has(string trait) => Traits.Contains(trait);

    private static readonly IReadOnlySet<string> EmptySet = new HashSet<string>();
}

/// <summary>A place on a published list (榜单): <c>china-500</c> or <c>china-manufacturing-500</c>; rank 1 is best.</summary>
public sealed record Ranking(string List, int Year, int Rank, DateOnly Date);

/// <summary>A title or recognition (称号/认定) of a kind in <see cref="Vocabulary.HonorKinds"/>, dated the day it was granted.</summary>
public sealed record Honor(string Kind, DateOnly Date)
{
    /// <summary>The product, certificate, list or route the honor names, where its clause pays per item.</summary>
    public string? Item { get; init; }

    /// <summary>上云星级, for <c>cloud-star</c>.</summary>
    public int? Stars { get; init; }

    /// <summary>省补助资金, for <c>provincial-innovation-center</c> (zz2023-23/22 matches it 1:1).</summary>
    public decimal? ProvincialFunding { get; init; }

    /// <summary>The product's actual sales over the period the award counts, for <c>first-of-kind</c>.</summary>
    public decimal? Sales { get; init; }
}

/// <summary>An investment project (项目) of a kind in <see cref="Vocabulary.ProjectKinds"/>.</summary>
public sealed record Project(string Id, string Kind)
{
    /// <summary>A strategic-emerging-industry project (战略性新兴产业项目).</summary>
    public bool Sei { get; init; }

    /// <summary>重大工业项目: decided case by case (一事一议), zz2023-23/8.</summary>
    public bool Major { get; init; }

    public decimal? TotalInvestment { get; init; }

    /// <summary>The investment base the clause names: production and technical equipment, smart equipment and software, or equipment and software.</summary>
    public decimal? EquipmentInvestment { get; init; }

    /// <summary>For <c>green</c>: the measured saving after reaching design output, 0.12 = 12 %.</summary>
    public decimal? BenefitRate { get; init; }

    public DateOnly? CompletedOn { get; init; }

    /// <summary>For <c>green</c>: the day the project reached its design output (达产).</summary>
    public DateOnly? ReachedOutputOn { get; init; }

    /// <summary>For <c>fixed-asset</c>: the day the project entered the fixed-asset investment library (入库).</summary>
    public DateOnly? EnteredLibraryOn { get; init; }

    /// <summary>For <c>fixed-asset</c>: cumulative investment by period (累计投资).</summary>
    public IReadOnlyDictionary<Period, decimal> CumulativeInvestment { get; init; } = NoInvestment;

    // Shared and immutable: a fresh dictionary per project, overwritten by every reader, was most of a project's cost.
    private static readonly IReadOnlyDictionary<Period, decimal> NoInvestment = System.Collections.Frozen.FrozenDictionary<Period, decimal>.Empty;

    public DateOnly? SignedOn { get; init; }

    public DateOnly? StartedOn { get; init; }

    public decimal? ContractInvestment { get; init; }
}

/// <summary>Spending of a year (费用) of a kind in <see cref="Vocabulary.SpendingKinds"/>.</summary>
public sealed record Spending(string Kind, int Year, decimal Amount);

/// <summary>A chain leader's purchases or contracted processing from one supplier in a year (采购或委托加工额).</summary>
public sealed record Procurement(int Year, string Supplier, decimal Amount, string Chain);

/// <summary>An invention patent (发明专利) and its product's yearly sales.</summary>
public sealed record PatentProduct(string Id, DateOnly GrantedOn, IReadOnlyDictionary<int, decimal> Sales);

/// <summary>Industrial-building space leased or bought (工业楼宇), for zzw2022-155/10.</summary>
public sealed record Premises(string Kind, decimal Area, DateOnly Since, DateOnly Date);

/// <summary>People a training institution trained in a year (zzb2022-zjtx/27).</summary>
public sealed record Training(string Kind, int Year, int Count);

/// <summary>An award already paid (the ledger, 兑付台账).</summary>
/// <param name="Clause">The clause it was paid under, e.g. <c>zz2023-23/15</c>.</param>
/// <param name="Item">The title, project, product or part it paid, when the line says.</param>
/// <param name="Amount">Yuan paid.</param>
/// <param name="Date">The day it was paid.</param>
public sealed record Grant(string Clause, string? Item, decimal Amount, DateOnly Date)
{
    /// <summary>The award year the payment settles (所属年度): a January payment often settles the year before. Defaults to the year of <see cref="Date"/>.</summary>
    public int Year { get; init; } = Date.Year;
}

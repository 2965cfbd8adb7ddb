using System.Globalization;

namespace Huiqi.Store;

/// <summary>
/// An enterprise (企业) of the registry: the head of its dossier. One row per USCC; the district bureau that keeps
/// it is its <see cref="District"/>.
/// </summary>
public sealed class EnterpriseRow
{
    public int Id { get; set; }

    /// <summary>统一社会信用代码, checked before it is stored; unique.</summary>
    public string Uscc { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>所属区县（市）: one of the 16 of <see cref="Huiqi.Engine.Model.Vocabulary.Districts"/>.</summary>
    public string District { get; set; } = "";

    /// <summary>The dossier's traits, comma-separated English codes in the order given.</summary>
    public string Traits { get; set; } = "";

    /// <summary>The dossier's sectors (zz2023-23/7), comma-separated English codes.</summary>
    public string Sectors { get; set; } = "";

    public DateOnly? RelocatedOn { get; set; }
}

/// <summary>
/// One fact of an enterprise's dossier, in one table per kind. Every fact has a natural key within its enterprise
/// (<see cref="NaturalKey"/>: metric and period, kind and date, …), stored in <see cref="Key"/> with a unique index, so
/// that importing the same sheet twice updates rather than duplicates, and every audit entry names what it changed.
/// </summary>
public abstract class FactRow
{
    public long Id { get; set; }

    public int EnterpriseId { get; set; }

    /// <summary>The enterprise, when it is tracked: the audit log reads its USCC from here.</summary>
    public EnterpriseRow? Enterprise { get; set; }

    /// <summary>The natural key, kept equal to <see cref="NaturalKey"/> by the context on every save.</summary>
    public string Key { get; set; } = "";

    /// <summary>What identifies this fact within its enterprise, e.g. <c>mainRevenue|2024</c>.</summary>
    public abstract string NaturalKey();

    protected static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected static string Join(params object?[] parts) =>
        string.Join('|', parts.Select(p => p switch
        {
            DateOnly d => Day(d),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => p?.ToString() ?? "",
        }));
}

/// <summary>A figure (指标数据): metric, period, value. Money in yuan, electricity in kWh, a margin as a rate.</summary>
public sealed class FigureRow : FactRow
{
    public string Metric { get; set; } = "";

    /// <summary>The period as dossier.md writes it: 2024, 2024H1, 2024Q1, 2024-03.</summary>
    public string Period { get; set; } = "";

    public decimal Value { get; set; }

    public override string NaturalKey() => Join(Metric, Period);
}

/// <summary>A place on a published list (榜单排名).</summary>
public sealed class RankingRow : FactRow
{
    public string List { get; set; } = "";

    public int Year { get; set; }

    public int Rank { get; set; }

    public DateOnly Date { get; set; }

    public override string NaturalKey() => Join(List, Year);
}

/// <summary>A title or recognition (荣誉称号/认定).</summary>
public sealed class HonorRow : FactRow
{
    public string Kind { get; set; } = "";

    public DateOnly Date { get; set; }

    public string? Item { get; set; }

    public int? Stars { get; set; }

    public decimal? ProvincialFunding { get; set; }

    public decimal? Sales { get; set; }

    public override string NaturalKey() => Join(Kind, Item, Date);
}

/// <summary>An investment project (项目).</summary>
public sealed class ProjectRow : FactRow
{
    /// <summary>The project's id in the dossier (项目编号), unique within the enterprise.</summary>
    public string Code { get; set; } = "";

    public string Kind { get; set; } = "";

    public bool Sei { get; set; }

    public bool Major { get; set; }

    public decimal? TotalInvestment { get; set; }

    public decimal? EquipmentInvestment { get; set; }

    public decimal? BenefitRate { get; set; }

    public DateOnly? CompletedOn { get; set; }

    public DateOnly? ReachedOutputOn { get; set; }

    public DateOnly? EnteredLibraryOn { get; set; }

    public DateOnly? SignedOn { get; set; }

    public DateOnly? StartedOn { get; set; }

    public decimal? ContractInvestment { get; set; }

    public override string NaturalKey() => Code;
}

/// <summary>A fixed-asset project's cumulative investment at the end of a period (累计完成投资).</summary>
public sealed class ProjectInvestmentRow : FactRow
{
    public string ProjectCode { get; set; } = "";

    public string Period { get; set; } = "";

    public decimal Value { get; set; }

    public override string NaturalKey() => Join(ProjectCode, Period);
}

/// <summary>Spending of a year (费用), the year's total per kind.</summary>
public sealed class SpendingRow : FactRow
{
    public string Kind { get; set; } = "";

    public int Year { get; set; }

    public decimal Amount { get; set; }

    public override string NaturalKey() => Join(Kind, Year);
}

/// <summary>A chain leader's purchases from one supplier in a year (采购额), per supply chain.</summary>
public sealed class ProcurementRow : FactRow
{
    public int Year { get; set; }

    public string Supplier { get; set; } = "";

    public string Chain { get; set; } = "";

    public decimal Amount { get; set; }

    public override string NaturalKey() => Join(Year, Supplier, Chain);
}

/// <summary>An invention patent whose product sells (专利产品).</summary>
public sealed class PatentProductRow : FactRow
{
    public string Code { get; set; } = "";

    public DateOnly GrantedOn { get; set; }

    public override string NaturalKey() => Code;
}

/// <summary>A patent product's sales in one year (专利产品年度销售收入).</summary>
public sealed class PatentSalesRow : FactRow
{
    public string PatentCode { get; set; } = "";

    public int Year { get; set; }

    public decimal Sales { get; set; }

    public override string NaturalKey() => Join(PatentCode, Year);
}

/// <summary>Industrial-building space leased or bought (工业楼宇).</summary>
public sealed class PremisesRow : FactRow
{
    public string Kind { get; set; } = "";

    public decimal Area { get; set; }

    public DateOnly Since { get; set; }

    public DateOnly Date { get; set; }

    public override string NaturalKey() => Join(Kind, Since, Date);
}

/// <summary>People a training institution trained in a year (技能人才培养).</summary>
public sealed class TrainingRow : FactRow
{
    public string Kind { get; set; } = "";

    public int Year { get; set; }

    public int Count { get; set; }

    public override string NaturalKey() => Join(Kind, Year);
}

/// <summary>An award paid (兑付台账): the ledger that makes once-only, ladders and caps hold across years.</summary>
public sealed class GrantRow : FactRow
{
    public string Clause { get; set; } = "";

    public string? Item { get; set; }

    public decimal Amount { get; set; }

    public DateOnly Date { get; set; }

    /// <summary>
    /// The award year the payment settles (奖励年度), when the platform paid it through a case; null for lines imported
    /// from the bureaus' old ledgers. Part of the natural key only when present, so two award years of one clause paid
    /// on one day stay two lines, and keys of imported lines do not change.
    /// </summary>
    public int? AwardYear { get; set; }

    public override string NaturalKey() => AwardYear is { } year ? Join(Clause, Item, Date, year) : Join(Clause, Item, Date);
}

/// <summary>
/// One change to the facts or the ledger (变更记录): who, when, which row, the values before and after as JSON.
/// Written by <see cref="HuiqiDbContext"/> for every insert, update and delete, in the same transaction.
/// </summary>
public sealed class AuditRow
{
    public long Id { get; set; }

    /// <summary>When, in UTC.</summary>
    public DateTime At { get; set; }

    /// <summary>Who: the user or process that made the change (操作人).</summary>
    public string Actor { get; set; } = "";

    /// <summary>The table changed, e.g. <c>figures</c>.</summary>
    public string Table { get; set; } = "";

    /// <summary>The enterprise's USCC (or <c>#id</c> when it was not at hand).</summary>
    public string Enterprise { get; set; } = "";

    /// <summary>The natural key of the row changed (the USCC for an enterprise).</summary>
    public string Key { get; set; } = "";

    /// <summary><c>insert</c>, <c>update</c> or <c>delete</c>.</summary>
    public string Action { get; set; } = "";

    /// <summary>The changed values before, as a JSON object; null for an insert.</summary>
    public string? Old { get; set; }

    /// <summary>The changed values after, as a JSON object; null for a delete.</summary>
    public string? New { get; set; }
}

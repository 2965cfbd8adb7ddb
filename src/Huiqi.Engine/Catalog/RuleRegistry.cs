using Huiqi.Engine.Blocks;
using Huiqi.Engine.Evaluation;

namespace Huiqi.Engine.Catalog;

/// <summary>
/// The building blocks a policy file may name in <c>rule:</c>. One block serves every clause of its shape; adding a
/// block is adding a line here.
/// </summary>
public static class RuleRegistry
{
    public static readonly IReadOnlyDictionary<string, Func<ParamReader, IClauseRule>> Clauses = new Dictionary<string, Func<ParamReader, IClauseRule>>
    {
        ["titles"] = p => new TitlesRule(p),
        ["milestones"] = p => new MilestonesRule(p),
        ["growth-steps"] = p => new GrowthStepsRule(p),
        ["period-growth"] = p => new PeriodGrowthRule(p),
        ["project-share"] = p => new ProjectShareRule(p),
        ["spending-share"] = p => new SpendingShareRule(p),
        ["chain-purchases"] = p => new ChainPurchasesRule(p),
        ["patent-sales"] = p => new PatentSalesRule(p),
        ["ranking"] = p => new RankingRule(p),
        ["signed-project"] = p => new SignedProjectRule(p),
        ["premises"] = p => new PremisesRule(p),
        ["profit-margin"] = p => new ProfitMarginRule(p),
        ["fixed-asset"] = p => new FixedAssetRule(p),
        ["electricity"] = p => new ElectricityRule(p),
        ["training"] = p => new TrainingRule(p),
        ["relocation"] = p => new RelocationRule(p),
        ["referral"] = p => new ReferralRule(p),
    };

    public static readonly IReadOnlyDictionary<string, Func<ParamReader, ILibraryRule>> Libraries = new Dictionary<string, Func<ParamReader, ILibraryRule>>
    {
        ["holds-any"] = p => new HoldsAnyRule(p),
        ["sangao"] = p => new SangaoRule(p),
    };
}

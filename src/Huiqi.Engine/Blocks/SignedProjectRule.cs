using System.Text.Json.Nodes;
using Huiqi.Engine.Catalog;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Model;

namespace Huiqi.Engine.Blocks;

/// <summary>
/// zzw2022-155/5: industrial projects signed and started in a named quarter (一季度正式签约且开工建设), paid by the
/// highest tier of contract investment reached.
/// </summary>
public sealed class SignedProjectRule : IClauseRule, IHintingRule
{
    /// <summary>Paid on a project signed.</summary>
    public AwardBasis Basis => AwardBasis.Events;

    private readonly Period _period;
    private readonly TierTable _tiers;

    public SignedProjectRule(ParamReader p)
    {
        var text = p.String("period");
        _period = Period.TryParse(text, out var pp) ? pp : throw p.Error($"“{text}”不是期间 / '{text}' is not a period");
        _tiers = TierTable.Read(p, "tiers");
    }

    private bool InPeriod(DateOnly? d) => d is { } x && x >= _period.Start && x <= _period.End;

    public void Evaluate(RuleContext ctx)
    {
        foreach (var project in Items.Of(ctx.Dossier.Projects))
        {
            if (project.Kind != "signed" || project.StartedOn is not { } started || !ctx.InYear(started))
            {
                continue;
            }

            var inQuarter = InPeriod(project.SignedOn) && InPeriod(project.StartedOn);
            ctx.Check($"招商签约项目{project.Id}须于{_period.ToChinese()}签约（{project.SignedOn:yyyy-MM-dd}）且开工（{started:yyyy-MM-dd}）", inQuarter);
            if (!inQuarter || project.ContractInvestment is not { } invest)
            {
                continue;
            }

            var tier = _tiers.Reached(invest);
            ctx.Check($"合同投资额{Zh.Money(invest)}须≥{Zh.Money(_tiers.Tiers[0].AtLeast)}", tier is not null);
            if (tier is not null && !ctx.AlreadyPaid(project.Id, $"招商签约项目{project.Id}"))
            {
                ctx.Award(project.Id, tier.Pays, started, $"招商签约项目{project.Id}于{Zh.Date(project.SignedOn!.Value)}签约、{Zh.Date(started)}开工，合同投资额{Zh.Money(invest)}达到{Zh.Money(tier.AtLeast)}，给予开工奖励{Zh.Money(tier.Pays)}");
            }
        }
    }

    public void Hint(RuleContext ctx)
    {
        if (!ctx.Payable(_period.End) || _period.Year != ctx.Year)
        {
            return;
        }

        foreach (var project in Items.Of(ctx.Dossier.Projects))
        {
            if (project.Kind == "signed" && InPeriod(project.SignedOn) && InPeriod(project.StartedOn) && project.ContractInvestment is { } invest && _tiers.Next(invest) is { } next)
            {
                var now = _tiers.Reached(invest)?.Pays ?? 0m;
                ctx.Hint("contractInvestment", ctx.Year, next.AtLeast - invest, next.Pays - now,
                    $"招商签约项目{project.Id}合同投资额再增加{Zh.Money(next.AtLeast - invest)}（达到{Zh.Money(next.AtLeast)}），开工奖励可增加{Zh.Money(next.Pays - now)}");
            }
        }
    }

    #region 政策解读 (what the parameters say, in words)

    /// <inheritdoc/>
    public void Describe(ReadingDraft reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        reading.Qualifies($"{_period.ToChinese()}正式签约且开工建设的工业项目。");
        reading.Pays("按合同投资额给予开工奖励：" + Say.Tiers(_tiers, Zh.Money));
        reading.Limit("同一项目只奖励一次。");
        var tier = _tiers.Tiers[Math.Min(1, _tiers.Tiers.Count - 1)];
        var invest = tier.AtLeast + (tier.AtLeast / 5m);
        var signed = _period.Start.AddDays(14);
        var started = _period.Start.AddDays(45);
        var project = new JsonObject
        {
            ["id"] = "甲", ["kind"] = "signed", ["contractInvestment"] = invest,
            ["signedOn"] = signed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["startedOn"] = started.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        reading.Typical($"某项目{Zh.Date(signed)}签约、{Zh.Date(started)}开工，合同投资额{Zh.Money(invest)}", Say.Facts("projects", project), started.Year);
    }

    #endregion
}

using System.Text.Json.Nodes;
using Huiqi.Engine.Catalog;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Model;

namespace Huiqi.Engine.Blocks;

/// <summary>
/// zzw2022-155/4: projects in the fixed-asset investment library by cumulative investment at a quarter's end; a project
/// entered in the year with a larger investment is paid by the second, stepped scale instead. Per project the higher of
/// the two; the enterprise's total is capped (单户企业最高).
/// </summary>
public sealed class FixedAssetRule : IClauseRule
{
    /// <summary>Paid on investment completed in a period.</summary>
    public AwardBasis Basis => AwardBasis.Figures;

    private readonly Period _period;
    private readonly Tier _basic;
    private readonly int _enteredIn;
    private readonly decimal _entryAtLeast;
    private readonly decimal _entryPays;
    private readonly decimal _stepSize;
    private readonly decimal _stepPays;
    private readonly decimal? _cap;

    public FixedAssetRule(ParamReader p)
    {
        var text = p.String("period");
        _period = Period.TryParse(text, out var pp) ? pp : throw p.Error($"“{text}”不是期间 / '{text}' is not a period");
        var basic = p.Mapping("basic");
        _basic = new Tier(basic.Amount("atLeast"), basic.Amount("pays"));
        basic.Done();
        var entry = p.Mapping("newEntry");
        _enteredIn = entry.Int("enteredIn");
        _entryAtLeast = entry.Amount("atLeast");
        _entryPays = entry.Amount("pays");
        var step = entry.Mapping("step");
        _stepSize = step.Amount("size");
        _stepPays = step.Amount("pays");
        step.Done();
        entry.Done();
        _cap = p.Cap();
    }

    public void Evaluate(RuleContext ctx)
    {
        if (_period.End.Year != ctx.Year)
        {
            return;
        }

        // 单户企业最高: what the ledger already paid for the award year is part of the cap.
        var room = ctx.CapLeft(_cap, null, out var used);
        foreach (var project in Items.Of(ctx.Dossier.Projects))
        {
            if (project.Kind != "fixed-asset" || !project.CumulativeInvestment.TryGetValue(_period, out var invest))
            {
                continue;
            }

            decimal amount = 0;
            var because = "";
            if (invest >= _basic.AtLeast)
            {
                amount = _basic.Pays;
                because = $"固定资产投资库项目{project.Id}，{_period.ToChinese()}累计投资{Zh.Money(invest)}达到{Zh.Money(_basic.AtLeast)}，奖励{Zh.Money(_basic.Pays)}";
            }

            var newEntry = project.EnteredLibraryOn is { } on && on.Year == _enteredIn;
            if (newEntry && invest >= _entryAtLeast)
            {
                var steps = Money.Steps(invest - _entryAtLeast, _stepSize);
                var second = _entryPays + steps * _stepPays;
                if (second > amount)
                {
                    amount = second;
                    // The investment, its bar and the step it is counted in are worked together: one unit (万元).
                    var u = Zh.UnitOf(invest, _entryAtLeast, _stepSize);
                    because = $"固定资产投资库项目{project.Id}于{Zh.Date(project.EnteredLibraryOn!.Value)}新增入库，{_period.ToChinese()}累计投资{Zh.MoneyIn(invest, u)}达到{Zh.MoneyIn(_entryAtLeast, u)}，奖励{Zh.Money(_entryPays)}，超出部分每增加{Zh.MoneyIn(_stepSize, u)}奖励{Zh.Money(_stepPays)}，{Zh.Money(_entryPays)}+{steps}×{Zh.Money(_stepPays)}={Zh.Money(second)}";
                }
            }

            ctx.Check($"固定资产投资库项目{project.Id}，{_period.ToChinese()}累计投资{Zh.Money(invest)}须≥{Zh.Money(_basic.AtLeast)}", amount > 0);
            if (amount == 0 || ctx.AlreadyPaid(project.Id, $"固定资产投资库项目{project.Id}"))
            {
                continue;
            }

            var pay = room is { } left ? Math.Min(amount, left) : amount;
            if (pay < amount)
            {
                because += $"，单户企业最高{Zh.Money(_cap!.Value)}{used}，奖励{Zh.Money(pay)}";
                ctx.NotPaid(project.Id, $"超过单户企业最高奖励{Zh.Money(_cap.Value)}的部分{Zh.Money(amount - pay)}不予支付");
            }

            room -= pay;
            if (pay > 0)
            {
                ctx.Award(project.Id, pay, _period.End, because);
            }
        }
    }

    #region 政策解读 (what the parameters say, in words)

    /// <inheritdoc/>
    public void Describe(ReadingDraft reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        reading.Qualifies($"纳入固定资产投资项目库、截至{_period.ToChinese()}末累计完成投资{Say.AtLeast(Zh.Money(_basic.AtLeast))}的项目。");
        reading.Pays($"每个项目奖励{Zh.Money(_basic.Pays)}。");
        reading.Pays($"{_enteredIn}年新入库、累计完成投资{Say.AtLeast(Zh.Money(_entryAtLeast))}的项目，奖励{Zh.Money(_entryPays)}，超过{Zh.Money(_entryAtLeast)}的部分每{Zh.Money(_stepSize)}再奖励{Zh.Money(_stepPays)}（不足{Zh.Money(_stepSize)}的不计）；与上一款从高计算，不重复。");
        reading.Limit(Say.Cap(_cap, "单户企业"));
        reading.Limit("同一项目只奖励一次。");
        var year = _period.End.Year;
        var basic = _basic.AtLeast + 100_000_000m;
        reading.Typical($"某企业入库项目截至{_period.ToChinese()}末累计完成投资{Zh.Money(basic)}", Project(basic, $"{_enteredIn - 1}-06-01"), year);
        var entry = _entryAtLeast + (_stepSize * 5.5m);
        reading.Typical($"某企业{_enteredIn}年新入库项目截至{_period.ToChinese()}末累计完成投资{Zh.Money(entry)}", Project(entry, $"{_enteredIn}-01-15"), year);
    }

    private JsonObject Project(decimal investment, string entered) => Say.Facts("projects", new JsonObject
    {
        ["id"] = "甲",
        ["kind"] = "fixed-asset",
        ["enteredLibraryOn"] = entered,
        ["figures"] = new JsonObject { ["investment"] = new JsonObject { [_period.ToString()] = investment } },
    });

    #endregion
}

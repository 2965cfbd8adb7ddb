using System.Text.Json.Nodes;
using Huiqi.Engine.Catalog;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Model;

namespace Huiqi.Engine.Blocks;

/// <summary>zzb2022-zjtx/27: a training institution paid per person trained, by kind of training (按每人…元标准补贴).</summary>
public sealed class TrainingRule : IClauseRule
{
    /// <summary>Paid on the year's count of people trained.</summary>
    public AwardBasis Basis => AwardBasis.Figures;

    private readonly Requirements _requires;
    private readonly IReadOnlyList<KeyValuePair<string, decimal>> _perPerson;

    public TrainingRule(ParamReader p)
    {
        _requires = Requirements.Read(p);
        _perPerson = p.AmountTable("perPerson", Vocabulary.TrainingKinds);
    }

    public void Evaluate(RuleContext ctx)
    {
        if (ctx.Dossier.Training.Count == 0)
        {
            return;
        }

        var parts = new List<string>();
        var total = 0m;
        foreach (var (kind, each) in _perPerson)
        {
            var count = ctx.Dossier.Training.Where(t => t.Kind == kind && t.Year == ctx.Year).Sum(t => t.Count);
            if (count > 0)
            {
                parts.Add($"{Vocabulary.Chinese(kind)}{count}人×{Zh.Money(each)}={Zh.Money(count * each)}");
                total += count * each;
            }
        }

        if (total == 0 || !_requires.Check(ctx))
        {
            return;
        }

        var because = $"{ctx.Year}年{string.Join("，", parts)}" + (parts.Count > 1 ? $"，合计{Zh.Money(total)}" : "");
        var pay = ctx.LeftOfYear(total, null, null, ref because);
        if (pay > 0)
        {
            ctx.Award(null, pay, new DateOnly(ctx.Year, 12, 31), because);
        }
    }

    #region 政策解读 (what the parameters say, in words)

    /// <inheritdoc/>
    public void Describe(ReadingDraft reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        reading.Qualifies(Say.Requires(_requires) ?? "开展技能人才培训的机构。");
        reading.Pays("按当年培训合格人数补贴：" + string.Join("；", _perPerson.Select(t => $"{Say.Term(t.Key)}每人{Zh.Money(t.Value)}")) + "。");
        reading.Limit("不设上限，按人数累计。");
        var (kind, _) = _perPerson[0];
        reading.Typical($"某培养机构{reading.Year}年培训{Say.Term(kind)}20人", Say.Facts("training", new JsonObject { ["kind"] = kind, ["year"] = reading.Year, ["count"] = 20 }).With(_requires));
    }

    #endregion
}

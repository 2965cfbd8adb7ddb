using System.Text.Json.Nodes;
using Huiqi.Engine.Catalog;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Model;

namespace Huiqi.Engine.Blocks;

/// <summary>
/// zzb2022-zjtx/3: an enterprise of provincial 专精特新 rank or higher that moved in whole is paid as if newly recognized
/// for its highest title, once it has run normally for a year (event: the move's first anniversary).
/// </summary>
public sealed class RelocationRule : IClauseRule
{
    /// <summary>Paid on a move into the city.</summary>
    public AwardBasis Basis => AwardBasis.Events;

    private readonly IReadOnlyList<KeyValuePair<string, decimal>> _titles;
    private readonly IReadOnlyList<string> _ladderWith;

    public RelocationRule(ParamReader p)
    {
        _titles = p.AmountTable("titles", Vocabulary.HonorKinds);
        _ladderWith = p.OptionalStrings("ladderWith");
    }

    public void Evaluate(RuleContext ctx)
    {
        if (ctx.Dossier.RelocatedOn is not { } moved)
        {
            return;
        }

        var anniversary = moved.AddYears(1);
        if (!ctx.InYear(anniversary))
        {
            return;
        }

        (string Kind, decimal Amount)? best = null;
        foreach (var h in Items.Of(ctx.Dossier.Honors))
        {
            var amount = _titles.FirstOrDefault(t => t.Key == h.Kind);
            if (amount.Key is not null && h.Date <= anniversary && (best is null || amount.Value > best.Value.Amount))
            {
                best = (h.Kind, amount.Value);
            }
        }

        ctx.Check($"{moved:yyyy-MM-dd}整体迁入，须持有{string.Join("、", _titles.Select(t => Vocabulary.Chinese(t.Key)))}之一", best is not null);
        if (best is not { } b)
        {
            return;
        }

        var before = ctx.PaidOnLadder(_ladderWith).Sum(l => l.Amount);
        var pay = Math.Max(0, b.Amount - before);
        var name = Vocabulary.Chinese(b.Kind);
        if (pay == 0)
        {
            ctx.NotPaid(b.Kind, $"持有{name}称号，参照新认定标准{Zh.Money(b.Amount)}，已获同类奖励{Zh.Money(before)}，按“从高、不重复”原则无差额可奖励");
            return;
        }

        ctx.Award(b.Kind, pay, anniversary,
            $"{Zh.Date(moved)}整体迁入本市，正常经营满一年（{Zh.Date(anniversary)}），持有{name}称号，参照新认定补贴标准{Zh.Money(b.Amount)}" + (before > 0 ? $"，扣除已获{Zh.Money(before)}，奖励{Zh.Money(pay)}" : ""));
    }

    #region 政策解读 (what the parameters say, in words)

    /// <inheritdoc/>
    public void Describe(ReadingDraft reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        reading.Qualifies($"持有{Say.Terms(_titles.Select(t => t.Key), "或")}称号、整体迁入郑州市并正常经营满一年的企业。");
        reading.Pays("参照新认定标准，按所持最高称号奖励：" + string.Join("；", _titles.Select(t => $"{Say.Term(t.Key)}{Zh.Money(t.Value)}")) + "；迁入满一年时兑现。");
        reading.Limit("从高、不重复：已按同一级差兑付的金额予以扣除" + (_ladderWith.Count > 0 ? $"（与{string.Join("、", _ladderWith)}合并计算）" : "") + "。");
        var (top, _) = _titles.MaxBy(t => t.Value);
        var moved = new DateOnly(reading.Year - 1, 3, 1);
        var dossier = Say.Facts("honors", new JsonObject { ["kind"] = top, ["date"] = $"{moved.Year - 2}-09-01" });
        dossier["relocatedOn"] = moved.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        reading.Typical($"某{Say.Term(top)}于{Zh.Date(moved)}整体迁入郑州市，至{Zh.Date(moved.AddYears(1))}正常经营满一年", dossier);
    }

    #endregion
}

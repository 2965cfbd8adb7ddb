using System.Text.Json.Nodes;
using Huiqi.Engine.Catalog;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Model;

namespace Huiqi.Engine.Blocks;

/// <summary>
/// A clause whose amount no formula gives (一事一议, 按照相关政策给予支持, a separate policy's amounts): the engine names it in
/// <c>referrals</c> when a fact of the dossier touches it, so a person takes it from there.
/// </summary>
public sealed class ReferralRule : IClauseRule
{
    /// <summary>Paid on an event referred to 一事一议.</summary>
    public AwardBasis Basis => AwardBasis.Events;

    private readonly string _reason;
    private readonly IReadOnlyList<string> _honors;
    private readonly IReadOnlyList<string> _spending;
    private readonly bool _majorProjects;

    public ReferralRule(ParamReader p)
    {
        _reason = p.String("reason");
        _honors = p.Words("honors", Vocabulary.HonorKinds);
        _spending = p.Words("spending", Vocabulary.SpendingKinds);
        _majorProjects = p.Bool("majorProjects", false);
    }

    /// <summary>Whether any fact can touch this clause; a referral with no trigger is only listed in the catalogue.</summary>
    public bool HasTriggers => _honors.Count > 0 || _spending.Count > 0 || _majorProjects;

    public void Evaluate(RuleContext ctx)
    {
        var honors = _honors.Count == 0 ? [] : ctx.Dossier.Honors;
        for (var k = 0; k < honors.Count; k++)
        {
            var h = honors[k];
            if (_honors.Contains(h.Kind) && ctx.InYear(h.Date))
            {
                ctx.Refer(h.Item ?? h.Kind, $"{Vocabulary.Chinese(h.Kind)}{(h.Item is { } i ? $"“{i}”" : "")}：{_reason}", h.Date);
            }
        }

        var spending = _spending.Count == 0 ? [] : ctx.Dossier.Spending;
        for (var k = 0; k < spending.Count; k++)
        {
            var s = spending[k];
            if (_spending.Contains(s.Kind) && s.Year == ctx.Year)
            {
                ctx.Refer(s.Kind, $"{s.Year}年{Vocabulary.Chinese(s.Kind)}{Zh.Money(s.Amount)}：{_reason}", new DateOnly(s.Year, 12, 31));
            }
        }

        if (_majorProjects)
        {
            foreach (var p in Items.Of(ctx.Dossier.Projects))
            {
                var day = p.CompletedOn ?? p.StartedOn ?? p.SignedOn;
                if (p.Major && (day is null || ctx.InYear(day.Value)))
                {
                    ctx.Refer(p.Id, $"{Vocabulary.Chinese(p.Kind)}{p.Id}为重大工业项目：{_reason}", day);
                }
            }
        }
    }

    #region 政策解读 (what the parameters say, in words)

    /// <inheritdoc/>
    public void Describe(ReadingDraft reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var what = new List<string>();
        if (_honors.Count > 0)
        {
            what.Add($"获得{Say.Terms(_honors)}");
        }

        if (_spending.Count > 0)
        {
            what.Add($"发生{Say.Terms(_spending)}支出");
        }

        if (_majorProjects)
        {
            what.Add("实施重大工业项目");
        }

        reading.Qualifies(what.Count > 0 ? $"企业{string.Join("，或", what)}的，适用本条。" : "本条没有可由平台数据自动判断的条件，由主管部门受理。");
        reading.Pays($"本条没有计算公式，金额不由平台测算：{_reason}。");
                var year = reading.Year;
        if (_honors.Count > 0)
        {
            reading.Typical($"某企业{year}年获得{Say.Term(_honors[0])}", Say.Facts("honors", new JsonObject { ["kind"] = _honors[0], ["date"] = Say.MidYear(year) }));
        }
        else if (_spending.Count > 0)
        {
            reading.Typical($"某企业{year}年{Say.Term(_spending[0])}支出{Zh.Money(500_000m)}", Say.Facts("spending", new JsonObject { ["kind"] = _spending[0], ["year"] = year, ["amount"] = 500_000m }));
        }
    }

    #endregion
}

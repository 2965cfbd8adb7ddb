using System.Text.Json.Nodes;
using Huiqi.Engine.Catalog;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Model;

namespace Huiqi.Engine.Blocks;

/// <summary>
/// zz2023-23/1: entering a published list (进入中国500强) and climbing it (排名较历年最高位次每提高5位).
/// </summary>
/// <remarks>
/// Entry pays once per list; a later appearance pays per whole step its rank improves on the best earlier rank.
/// The yearly cap covers the whole clause, or only the manufacturing-500 part: the reading switch <c>ranking-cap-scope</c>.
/// </remarks>
public sealed class RankingRule : IClauseRule
{
    /// <summary>Paid on a place on a published ranking.</summary>
    public AwardBasis Basis => AwardBasis.Events;

    private sealed record ListTerms(string List, decimal Entry, int StepRanks, decimal StepPays, IReadOnlyList<string> Requires);

    private readonly IReadOnlyList<ListTerms> _lists;
    private readonly decimal? _cap;
    private readonly string _capScope;

    public RankingRule(ParamReader p)
    {
        _lists = p.List("lists").Select(l =>
        {
            var t = new ListTerms(l.Word("list", Vocabulary.RankingLists), l.Amount("entry"), l.Int("stepRanks"), l.Amount("stepPays"), l.Words("requires", Vocabulary.Traits));
            l.Done();
            return t;
        }).ToList();
        _cap = p.Cap();
        _capScope = p.Switch("capScope", "whole-clause", "manufacturing-500");
    }

    public void Evaluate(RuleContext ctx)
    {
        if (ctx.Dossier.Rankings.Count == 0)
        {
            return;
        }

        var lines = new List<(ListTerms Terms, Ranking Ranking, decimal Amount, string Because)>();
        foreach (var terms in _lists)
        {
            foreach (var r in Items.Of(ctx.Dossier.Rankings))
            {
                if (r.List != terms.List || !ctx.InYear(r.Date))
                {
                    continue;
                }

                var listName = Vocabulary.Chinese(terms.List);
                if (!ctx.HasAll(terms.Requires))
                {
                    ctx.Check($"进入{listName}须为{string.Join("、", terms.Requires.Select(Vocabulary.Chinese))}", false);
                    continue;
                }

                int? best = null;
                foreach (var e in Items.Of(ctx.Dossier.Rankings))
                {
                    if (e.List == r.List && e.Date < r.Date)
                    {
                        best = best is { } b ? Math.Min(b, e.Rank) : e.Rank;
                    }
                }

                if (best is null)
                {
                    if (ctx.Paid(terms.List) > 0)
                    {
                        ctx.NotPaid(terms.List, $"进入{listName}的一次性奖励已支付");
                        continue;
                    }

                    lines.Add((terms, r, terms.Entry, $"{r.Year}年首次进入{listName}（第{r.Rank}位），给予{Zh.Money(terms.Entry)}一次性奖励"));
                    continue;
                }

                // One appearance a year: a ledger line of this list for the award year already paid it.
                if (ctx.Grants().Any(g => g.Item == terms.List && g.Year == ctx.Year))
                {
                    ctx.NotPaid(terms.List, $"{ctx.Year}年{listName}排名奖励已支付，不重复支付");
                    continue;
                }

                var improvement = best.Value - r.Rank;
                var steps = improvement > 0 ? improvement / terms.StepRanks : 0;
                ctx.Check($"{listName}排名由历年最高第{best}位到第{r.Rank}位，提高{Math.Max(0, improvement)}位，计{steps}个{terms.StepRanks}位", steps > 0);
                if (steps > 0)
                {
                    var amount = steps * terms.StepPays;
                    lines.Add((terms, r, amount, $"{r.Year}年{listName}排名由历年最高第{best}位提高到第{r.Rank}位，提高{improvement}位，每提高{terms.StepRanks}位奖励{Zh.Money(terms.StepPays)}，{steps}×{Zh.Money(terms.StepPays)}={Zh.Money(amount)}"));
                }
            }
        }

        // The cap covers the award year, ledger included (interpretation.md rule 7).
        var room = ctx.CapLeft(_cap, _capScope == "whole-clause" ? null : "china-manufacturing-500", out var used);
        foreach (var (terms, r, amount, because) in lines)
        {
            var capped = _capScope == "whole-clause" || terms.List == "china-manufacturing-500";
            var pay = capped && room is { } left ? Math.Min(amount, left) : amount;
            var text = because;
            if (pay < amount)
            {
                text += used.Length > 0 ? $"{used}，奖励{Zh.Money(pay)}" : $"，同一企业每年最高{Zh.Money(_cap!.Value)}，奖励{Zh.Money(pay)}";
                ctx.NotPaid(terms.List, $"超过每年最高奖励{Zh.Money(_cap!.Value)}的部分{Zh.Money(amount - pay)}不予支付{used}");
            }

            if (capped && room is not null)
            {
                room -= pay;
            }

            if (pay > 0)
            {
                ctx.Award(terms.List, pay, r.Date, text);
            }
        }
    }

    #region 政策解读 (what the parameters say, in words)

    /// <inheritdoc/>
    public void Describe(ReadingDraft reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        foreach (var l in _lists)
        {
            var who = l.Requires.Count > 0 ? $"（须为{Say.Terms(l.Requires)}）" : "";
            reading.Pays($"首次进入{Say.Term(l.List)}{who}的，一次性奖励{Zh.Money(l.Entry)}；此后排名较历年最高位次每提高{l.StepRanks}位，奖励{Zh.Money(l.StepPays)}（不足{l.StepRanks}位的不计）。");
        }

        reading.Qualifies($"进入{Say.Terms(_lists.Select(l => l.List), "或")}的企业。");
        reading.Limit(Say.Cap(_cap, _capScope == "whole-clause" ? "每家企业每年（本条合计）" : $"每家企业每年（{Say.Term("china-manufacturing-500")}部分）"));
        reading.Limit("进入同一榜单的奖励只给一次。");
        var year = reading.Year;
        var first = _lists[0];
        var requires = first.Requires.Count > 0 ? new JsonArray([.. first.Requires.Select(t => (JsonNode)t)]) : null;
        var entry = Say.Facts("rankings", Ranked(first.List, year, 480));
        if (requires is not null)
        {
            entry["traits"] = requires;
        }

        reading.Typical($"某企业{year}年首次进入{Say.Term(first.List)}，位列第480位", entry);
        var last = _lists[^1];
        var climb = Say.Facts("rankings", Ranked(last.List, year - 1, 200), Ranked(last.List, year, 200 - (2 * last.StepRanks) - 1));
        if (last.Requires.Count > 0)
        {
            climb["traits"] = new JsonArray([.. last.Requires.Select(t => (JsonNode)t)]);
        }

        reading.Typical($"某企业{year - 1}年进入{Say.Term(last.List)}第200位，{year}年升至第{200 - (2 * last.StepRanks) - 1}位", climb);
    }

    private static JsonObject Ranked(string list, int year, int rank) =>
        new() { ["list"] = list, ["year"] = year, ["rank"] = rank, ["date"] = $"{year}-09-10" };

    #endregion
}

using System.Text.Json.Nodes;
using Huiqi.Engine.Catalog;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Model;

namespace Huiqi.Engine.Blocks;

/// <summary>
/// Awards for titles and recognitions (称号、认定): a fixed amount per honor kind, or one matched to provincial
/// funding, or a share of a product's sales. Serves zz2023-23/2, /4, /15–/19, /22, zzb2022-zjtx/2, zzw2022-155/3
/// and sj-sangao's title awards.
/// </summary>
/// <remarks>
/// <c>mode</c> says how several titles combine: <c>each</c> pays each title once; <c>ladder</c> (级差, 从高不重复)
/// pays a title its amount minus everything already paid under the clause; <c>highest</c> (就高) pays only the
/// highest title of one award year. <c>once</c> says what "一次性" counts: each <c>kind</c>, each <c>item</c>
/// (a product category), or the whole <c>clause</c> once per enterprise.
/// </remarks>
public sealed class TitlesRule : IClauseRule
{
    /// <summary>Paid on a title awarded.</summary>
    public AwardBasis Basis => AwardBasis.Events;

    private readonly IReadOnlyList<KeyValuePair<string, decimal>> _titles;
    private readonly Requirements _requires;
    private readonly string _mode;
    private readonly string _once;
    private readonly DateRange? _datedIn;
    private readonly bool _matchFunding;
    private readonly decimal? _salesRate;
    private readonly decimal? _cap;
    private readonly IReadOnlyList<string> _ladderWith;
    private readonly string _ladderBase;

    public TitlesRule(ParamReader p)
    {
        _matchFunding = p.Bool("matchFunding", false);
        _salesRate = p.OptionalRate("salesRate");
        _titles = p.AmountTable("titles", Vocabulary.HonorKinds);
        _requires = Requirements.Read(p);
        _mode = p.Has("mode") ? p.Switch("mode", "each", "ladder", "highest") : "each";
        _once = p.Has("once") ? p.Switch("once", "kind", "item", "clause") : "kind";
        var from = p.OptionalDate("datedFrom");
        var to = p.OptionalDate("datedTo");
        _datedIn = from is not null || to is not null ? new DateRange(from ?? DateOnly.MinValue, to ?? DateOnly.MaxValue) : null;
        _cap = p.OptionalAmount("cap");

        // The clauses that form one ladder with this one (zzb2022-zjtx/2 with /3), and whether a lower title held earlier
        // counts as paid when the ledger lacks it (the reading switch ladder-base).
        _ladderWith = p.OptionalStrings("ladderWith");
        _ladderBase = p.Has("ladderBase") ? p.Switch("ladderBase", "titles-held", "ledger-only") : "ledger-only";
    }

    public void Evaluate(RuleContext ctx)
    {
        List<(Honor Honor, decimal Amount)>? held = null;
        var honors = ctx.Dossier.Honors;
        for (var i = 0; i < honors.Count; i++)
        {
            var h = honors[i];
            if (!ctx.InYear(h.Date) || Amount(h.Kind) is not { } table)
            {
                continue;
            }

            if (_datedIn is { } d && !d.Contains(h.Date))
            {
                ctx.Check($"{Vocabulary.Chinese(h.Kind)}认定日期{h.Date:yyyy-MM-dd}须在{d.From:yyyy-MM-dd}至{d.To:yyyy-MM-dd}之间", false);
                continue;
            }

            (held ??= []).Add((h, table));
        }

        if (held is null || !_requires.Check(ctx))
        {
            return;
        }

        held.Sort((a, b) => a.Honor.Date != b.Honor.Date ? a.Honor.Date.CompareTo(b.Honor.Date) : a.Amount.CompareTo(b.Amount));
        var paidThisYear = new List<(string Name, decimal Amount)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var payable = new List<(Honor Honor, decimal Amount, string Because)>();
        Honor? first = null;

        foreach (var (h, table) in held)
        {
            var item = ItemOf(h);
            var name = NameOf(h);
            if (!seen.Add(_once == "clause" ? "" : _once == "item" ? h.Kind + "|" + h.Item : h.Kind))
            {
                // A reviewer sees why the second certificate of a once-per-enterprise clause (zz2023-23/19) pays nothing.
                var why = _once == "clause"
                    ? $"{Event(h, name)}：本条为一次性奖励，同一企业只奖励一次，本年度已有{NameOf(first!)}，不再奖励"
                    : $"{Event(h, name)}：同一称号在本年度重复出现，只计一次";
                ctx.Check(why, false);
                ctx.NotPaid(item ?? h.Kind, why);
                continue;
            }

            first ??= h;

            // A line without item under a clause of one title can only have paid that title (interpretation.md rule 7).
            if (_mode != "ladder" && ctx.AlreadyPaid(item ?? h.Kind, name, soleItem: _titles.Count == 1 && _once == "kind", wholeClause: _once == "clause"))
            {
                continue;
            }

            if (!Worth(ctx, h, table, name, out var amount, out var because))
            {
                continue;
            }

            if (_mode == "ladder")
            {
                // The same title paid before is not a step of the ladder but a payment already made.
                if (ctx.TitlePaid(item ?? h.Kind, _ladderWith, out var paidSum) is { } grant)
                {
                    var twice = $"{name}：该称号已于{Zh.Date(grant.Date)}{(grant.Clause == ctx.Clause.Id ? "" : $"按{ctx.ArticleOf(grant.Clause)}")}兑付{Zh.Money(paidSum)}，不再重复奖励";
                    ctx.Check(twice, false);
                    ctx.NotPaid(item, twice);
                    continue;
                }

                var before = LadderBefore(ctx, h, paidThisYear, out var heldNote);
                var pay = Math.Max(0m, amount - before.Sum(b => b.Amount));
                // The clause's own principle in its own words: 级差 (zz2023-23/15), or 从高、不重复 (zzb2022-zjtx/2).
                var highest = ctx.Clause.Text.Any(t => t.Contains("从高、不重复", StringComparison.Ordinal));
                var deduct = (before.Count == 0 ? "" : $"，按{(highest ? "“从高、不重复”原则" : "级差")}扣除已获{string.Join("、", before.Select(b => b.Name + Zh.Money(b.Amount)))}") + heldNote;
                // The first title of the ladder reads as any title; a higher one gives the deduction. Under 级差 with a
                // deduction the sentence is the spec's worked example 02, which names no date.
                var sentence = before.Count == 0
                    ? $"{Event(h, name)}，给予{Zh.Money(amount)}一次性奖励"
                    : highest ? $"{Event(h, name)}（{Zh.Money(amount)}）{deduct}，奖励{Zh.Money(pay)}" : $"{name}{Zh.Money(amount)}{deduct}，奖励{Zh.Money(pay)}";
                if (pay == 0)
                {
                    var nothing = highest ? $"{Event(h, name)}（{Zh.Money(amount)}）{deduct}，无差额可奖励" : $"{name}{Zh.Money(amount)}{deduct}，无差额可奖励";
                    ctx.Check(nothing, false);
                    ctx.NotPaid(item, nothing);
                    continue;
                }

                ctx.Check(sentence, true);
                ctx.Award(item, pay, h.Date, sentence);
                // Only what this clause will pay is paid on the ladder: not a title outside the window, nor one another document
                // pays instead (zzb2022-zjtx/2's 单项冠军 from 2023-11-27).
                if (ctx.Payable(h.Date) && !ctx.Superseded(item, h.Date))
                {
                    paidThisYear.Add((name, pay));
                }
                continue;
            }

            ctx.Check(because, true);
            payable.Add((h, amount, because));
        }

        // 就高: a title of this part the ledger already paid for the award year is the one award of that year so far.
        var already = _mode == "highest" && payable.Count > 0
            ? ctx.Grants().Where(g => g.Year == ctx.Year && (g.Item is null || Amount(g.Item) is not null)).Sum(g => g.Amount)
            : 0m;
        if (_mode == "highest" && (payable.Count > 1 || already > 0))
        {
            var top = payable.MaxBy(x => x.Amount);
            foreach (var x in payable.Where(x => !ReferenceEquals(x.Honor, top.Honor)))
            {
                ctx.NotPaid(ItemOf(x.Honor), $"同一申报年度获得多项称号，按就高原则只享受一项：已按{NameOf(top.Honor)}奖励{Zh.Money(top.Amount)}，{NameOf(x.Honor)}{Zh.Money(x.Amount)}不再奖励");
            }

            var pay = Math.Max(0m, top.Amount - already);
            var ledger = already > 0 ? $"，台账显示{ctx.Year}年已兑付同类称号{Zh.Money(already)}，补差{Zh.Money(pay)}" : "";
            if (pay == 0)
            {
                ctx.NotPaid(ItemOf(top.Honor), $"同一申报年度获得多项称号，按就高原则只享受一项：{NameOf(top.Honor)}{Zh.Money(top.Amount)}{ledger}，无差额可奖励");
                return;
            }

            ctx.Award(ItemOf(top.Honor), pay, top.Honor.Date, $"{top.Because}（同一申报年度获得多项称号，按就高原则只享受一项）{ledger}");
            return;
        }

        foreach (var (h, amount, because) in payable)
        {
            ctx.Award(ItemOf(h), amount, h.Date, because);
        }
    }

    private decimal? Amount(string kind)
    {
        for (var i = 0; i < _titles.Count; i++)
        {
            if (_titles[i].Key == kind)
            {
                return _titles[i].Value;
            }
        }

        return null;
    }

    private string? ItemOf(Honor h) => _once == "item" || _salesRate is not null ? h.Item ?? h.Kind : h.Kind;

    /// <summary>
    /// The day and how the enterprise came by the title, in the texts' verbs: 取得 a certificate, 新投产入库, 被认定为 what
    /// a bureau recognises, 获评 the rest (2024年4月1日获评省级智能车间).
    /// </summary>
    private static string Event(Honor h, string name)
    {
        var day = Zh.Date(h.Date);
        return h.Kind switch
        {
            "food-safety-cert" => $"{day}取得{name}",
            "new-production-entry" => $"{day}新投产入库",
            "sei-report-library" or "above-scale-entry" => $"{day}{name}",
            "provincial-quality-benchmark" => $"{day}被省级工信部门认定为质量标杆企业",
            "champion-enterprise" or "champion-product" or "national-industrial-demo-base" or "provincial-industrial-demo-base"
                or "provincial-innovation-center" or "provincial-zjtx" or "national-xiaojuren" => $"{day}被认定为{name}",
            _ => $"{day}获评{name}",
        };
    }

    private static string NameOf(Honor h) => Vocabulary.Chinese(h.Kind) + (h.Item is { } i ? $"“{i}”" : "");

    /// <summary>The amount a title is worth: the table's, or matched to provincial funding, or a share of sales.</summary>
    private bool Worth(RuleContext ctx, Honor h, decimal table, string name, out decimal amount, out string because)
    {
        if (_matchFunding)
        {
            if (h.ProvincialFunding is not { } f)
            {
                ctx.NotPaid(h.Kind, $"{name}缺少省补助资金金额（provincialFunding），无法按1:1配套计算");
                amount = 0;
                because = "";
                return false;
            }

            amount = Money.Min(f, _cap);
            because = $"{Event(h, name)}，按省补助资金{Zh.Money(f)}给予1:1配套支持，计{Zh.Money(amount)}";
            return amount > 0;
        }

        if (_salesRate is { } rate)
        {
            if (h.Sales is not { } s)
            {
                ctx.NotPaid(ItemOf(h), $"{name}缺少实际销售额（sales），无法计算");
                amount = 0;
                because = "";
                return false;
            }

            var raw = Money.FloorYuan(s * rate);
            amount = Money.Min(raw, _cap);
            because = $"{name}实际销售总额{Zh.Money(s)}×{Zh.Percent(rate)}={Zh.Money(raw)}" + (_cap is { } c ? (raw > c ? $"，超过{Zh.Money(c)}上限，按上限奖励{Zh.Money(c)}" : $"，未超过{Zh.Money(c)}上限") : "");
            return amount > 0;
        }

        amount = table;
        because = $"{Event(h, name)}，给予{Zh.Money(table)}一次性奖励";
        return amount > 0;
    }

    /// <summary>
    /// Everything already paid on the ladder (the ledger of this clause and of the clauses it forms one ladder with,
    /// then this year's lower titles), for 级差. Under <c>ladder-base: titles-held</c> a title of the ladder held in an
    /// earlier year inside the window counts as paid at its amount when the ledger shows less: the ladder then never
    /// pays more in total than its top title. <paramref name="held"/> names such a title, or is empty.
    /// </summary>
    private List<(string Name, decimal Amount)> LadderBefore(RuleContext ctx, Honor now, List<(string Name, decimal Amount)> thisYear, out string held)
    {
        var ledger = ctx.PaidOnLadder(_ladderWith);
        var before = ledger.Select(l => (l.Name, l.Amount)).ToList();
        held = "";
        if (_ladderBase == "titles-held")
        {
            Honor? top = null;
            var topAmount = 0m;
            foreach (var h in Items.Of(ctx.Dossier.Honors))
            {
                if (h.Date.Year < ctx.Year && h.Date < now.Date && Amount(h.Kind) is { } a && a > topAmount && ctx.Payable(h.Date))
                {
                    top = h;
                    topAmount = a;
                }
            }

            // The ledger's payments for titles up to the held one are part of what it stands for (the ladder had paid its
            // amount once it was reached): it replaces them. Payments for higher titles, or naming none, come on top.
            bool Subsumed((string Name, decimal Amount, string? Item) l) => l.Item is { } i && Amount(i) is { } a && a <= topAmount;
            if (top is not null && topAmount > ledger.Where(Subsumed).Sum(l => l.Amount))
            {
                held = $"（其中{top.Date.Year}年{NameOf(top)}台账未载，按已获称号视同已兑付）";
                before = [($"{top.Date.Year}年{NameOf(top)}", topAmount), .. ledger.Where(l => !Subsumed(l)).Select(l => (l.Name, l.Amount))];
            }
        }

        before.AddRange(thisYear);
        return before;
    }

    #region 政策解读 (what the parameters say, in words)

    /// <inheritdoc/>
    public void Describe(ReadingDraft reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var names = Say.Terms(_titles.Select(t => t.Key));
        var dated = _datedIn is { } d ? $"（认定日期在{Dated(d.From)}至{Dated(d.To)}之间）" : "";
        reading.Qualifies($"获得{names}的企业{dated}。");
        reading.Requires(_requires);

        if (_matchFunding)
        {
            reading.Pays($"获得{names}并取得省级补助资金的，按省级补助资金1:1给予配套支持。");
        }
        else if (_salesRate is { } rate)
        {
            reading.Pays($"获得{names}的产品，按其实际销售总额的{Zh.Percent(rate)}给予奖励（按元向下取整）。");
        }
        else
        {
            reading.Pays(string.Join("；", _titles.Select(t => $"获评{Say.Term(t.Key)}的，一次性奖励{Zh.Money(t.Value)}")) + "。");
        }

        if (_cap is { } cap)
        {
            reading.Limit(Say.Cap(cap, "每项"));
        }

        reading.Limit(_once switch
        {
            "item" => "每个产品（项目）只奖励一次。",
            "clause" => "每家企业只奖励一次。",
            _ => "同一称号只奖励一次。",
        });
        if (_mode == "ladder")
        {
            reading.Limit($"从高、不重复：获得更高层级称号的，按级差奖励，扣除已按本条{(_ladderWith.Count > 0 ? "及" + string.Join("、", _ladderWith) : "")}兑付的金额后补足差额。");
        }
        else if (_mode == "highest")
        {
            reading.Limit("同一申报年度获得多项称号的，按就高原则只享受一项。");
        }

        var year = reading.Year;
        var (topKind, topAmount) = _titles.MaxBy(t => t.Value);
        var day = _datedIn is { } w && !w.Contains(new DateOnly(year, 6, 30)) ? w.From : new DateOnly(year, 6, 30);
        var top = Honor(topKind, day);
        var facts = $"某企业{Dated(day)}获评{Say.Term(topKind)}";
        if (_matchFunding)
        {
            top["provincialFunding"] = 5_000_000m;
            facts += $"，取得省级补助资金{Zh.Money(5_000_000m)}";
        }
        else if (_salesRate is { } r)
        {
            var sales = _cap is { } c ? Say.Round(c / r / 2m) : 10_000_000m;
            top["item"] = "某产品";
            top["sales"] = sales;
            facts += $"，产品实际销售总额{Zh.Money(sales)}";
        }

        reading.Typical(facts, Say.Facts("honors", top).With(_requires), day.Year);

        // Ladders and 就高 show the second title: a lower one paid the year before, or two of one year.
        var lower = _titles.Where(t => t.Value > 0 && t.Value < topAmount).OrderBy(t => t.Value).FirstOrDefault();
        if (lower.Key is null)
        {
            return;
        }

        if (_mode == "ladder")
        {
            var earlier = day.AddYears(-1);
            var dossier = Say.Facts("honors", Honor(lower.Key, earlier), Honor(topKind, day)).With(_requires);
            dossier["grants"] = new JsonArray(new JsonObject { ["clause"] = reading.ClauseId, ["item"] = lower.Key, ["amount"] = lower.Value, ["date"] = $"{earlier.Year}-09-30" });
            reading.Typical($"某企业{Dated(earlier)}获评{Say.Term(lower.Key)}并已兑付{Zh.Money(lower.Value)}，{Dated(day)}又获评{Say.Term(topKind)}", dossier, day.Year);
        }
        else if (_mode == "highest")
        {
            reading.Typical($"某企业{day.Year}年同时获评{Say.Term(lower.Key)}和{Say.Term(topKind)}", Say.Facts("honors", Honor(lower.Key, day), Honor(topKind, day)).With(_requires), day.Year);
        }
    }

    private static JsonObject Honor(string kind, DateOnly day) => new() { ["kind"] = kind, ["date"] = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) };

    private static string Dated(DateOnly day) => Zh.Date(day);

    #endregion
}

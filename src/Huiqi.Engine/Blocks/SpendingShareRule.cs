using System.Text.Json.Nodes;
using Huiqi.Engine.Catalog;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Model;

namespace Huiqi.Engine.Blocks;

/// <summary>
/// A share of a year's spending of one kind, capped per year: zz2023-23/20 (展会 70%, 中央媒体广告 5%) and
/// zzw2022-155/6 (新品发布会 50%).
/// </summary>
/// <remarks>
/// <c>over</c> is a bar the year's spending must pass (每年超过20万元). Whether the share is of all the spending or only
/// of the part above the bar is the reading switch <c>exhibition-base</c>.
/// </remarks>
public sealed class SpendingShareRule : IClauseRule, IHintingRule
{
    /// <summary>Paid on a year's spending.</summary>
    public AwardBasis Basis => AwardBasis.Figures;

    private readonly string _kind;
    private readonly Requirements _requires;
    private readonly decimal? _over;
    private readonly string _base;
    private readonly decimal _rate;
    private readonly decimal? _cap;
    private readonly int? _onlyYear;

    public SpendingShareRule(ParamReader p)
    {
        _kind = p.Word("kind", Vocabulary.SpendingKinds);
        _requires = Requirements.Read(p);
        _over = p.OptionalAmount("over");
        _base = p.Has("base") ? p.Switch("base", "all", "above-threshold") : "all";
        _rate = p.Rate("rate");
        _cap = p.Cap();
        _onlyYear = p.OptionalInt("year");

        // The parts of the award sentence that are the clause's own parameters, written once.
        _name = Vocabulary.Chinese(_kind);
        _rateText = Zh.Percent(_rate);
        _overText = _over is { } o ? $"，超过{Zh.Money(o)}" : "";
        _capUnder = _cap is { } c ? $"，未超过每年最高{Zh.Money(c)}" : "";
        _capOver = _cap is { } c2 ? $"，超过每年最高{Zh.Money(c2)}，补贴{Zh.Money(c2)}" : "";
    }

    private readonly string _name;
    private readonly string _rateText;
    private readonly string _overText;
    private readonly string _capUnder;
    private readonly string _capOver;

    private decimal Spent(RuleContext ctx)
    {
        var sum = 0m;
        foreach (var s in Items.Of(ctx.Dossier.Spending))
        {
            if (s.Kind == _kind && s.Year == ctx.Year)
            {
                sum += s.Amount;
            }
        }

        return sum;
    }

    public void Evaluate(RuleContext ctx)
    {
        if (_onlyYear is { } y && y != ctx.Year)
        {
            return;
        }

        var spent = Spent(ctx);
        if (spent <= 0 || !_requires.Check(ctx))
        {
            return;
        }

        var name = Vocabulary.Chinese(_kind);
        var baseAmount = spent;
        if (_over is { } over)
        {
            var ok = spent > over;
            ctx.Check($"{ctx.Year}年{name}{Zh.Money(spent)}须超过{Zh.Money(over)}", ok);
            if (!ok)
            {
                return;
            }

            if (_base == "above-threshold")
            {
                baseAmount = spent - over;
            }
        }

        var raw = Money.FloorYuan(baseAmount * _rate);
        var pay = Money.Min(raw, _cap);
        if (_cap is { } cap && raw > cap)
        {
            ctx.NotPaid(null, $"超过每年最高补贴{Zh.Money(cap)}的部分{Zh.Money(raw - cap)}不予支付");
        }

        if (pay <= 0 && !ctx.Tracing)
        {
            return;
        }

        // The sentence is written once, when it is needed: the spending, the bar, the share, the cap.
        var overText = _over is not null && _base == "above-threshold" ? $"{_overText}，超出部分{Zh.Money(baseAmount)}" : _overText;
        var capText = _cap is { } c ? raw > c ? _capOver : _capUnder : "";
        var text = $"{ctx.Year}年{_name}{Zh.Money(spent)}{overText}，按{_rateText}补贴{Zh.Money(raw)}{capText}";
        pay = ctx.LeftOfYear(pay, _cap, null, ref text);
        ctx.Check(text, pay > 0);
        if (pay > 0)
        {
            ctx.Award(null, pay, new DateOnly(ctx.Year, 12, 31), text);
        }
    }

    public void Hint(RuleContext ctx)
    {
        if (_over is not { } over || (_onlyYear is { } y && y != ctx.Year) || !ctx.Payable(new DateOnly(ctx.Year, 12, 31)) || !ctx.HasAll(_requires.All))
        {
            return;
        }

        var spent = Spent(ctx);
        if (spent <= 0 || spent > over)
        {
            return;
        }

        var needed = over - spent + 1;
        var reach = over + 1;
        var wouldPay = ctx.MoreAfterLedger(0m, Money.Min(Money.FloorYuan((_base == "all" ? reach : reach - over) * _rate), _cap));
        ctx.Hint(_kind, ctx.Year, needed, wouldPay, $"{ctx.Year}年{Vocabulary.Chinese(_kind)}再增加{Zh.Money(needed)}（超过{Zh.Money(over)}），可获补贴{Zh.Money(wouldPay)}");
    }

    #region 政策解读 (what the parameters say, in words)

    /// <inheritdoc/>
    public void Describe(ReadingDraft reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        reading.Requires(_requires);

        var year = _onlyYear is { } y ? $"{y}年" : "每年";
        var bar = _over is { } o ? $"{year}{_name}须{Say.Over(Zh.Money(o))}，" : year;
        var basis = _over is not null && _base == "above-threshold" ? $"超出{Zh.Money(_over.Value)}的部分" : $"全年{_name}";
        reading.Pays($"{bar}按{basis}的{_rateText}给予补贴（按元向下取整）。");
        reading.Limit(Say.Cap(_cap, "每年"));

        var caseYear = _onlyYear ?? reading.Year;
        var spent = _cap is { } c ? Say.Round(c / _rate * 1.5m) + (_base == "above-threshold" ? _over ?? 0m : 0m) : Math.Max(1_000_000m, (_over ?? 0m) * 2);
        spent = Math.Max(spent, (_over ?? 0m) + 1_000_000m);
        reading.Typical($"某企业{caseYear}年{_name}{Zh.Money(spent)}", Spending(caseYear, spent), caseYear);
        var small = (_over ?? 0m) + 100_000m;
        if (Money.Min(Money.FloorYuan((_base == "above-threshold" ? small - (_over ?? 0m) : small) * _rate), _cap) < spent * _rate)
        {
            reading.Typical($"某企业{caseYear}年{_name}{Zh.Money(small)}", Spending(caseYear, small), caseYear);
        }
    }

    private JsonObject Spending(int year, decimal amount) =>
        Say.Facts("spending", new JsonObject { ["kind"] = _kind, ["year"] = year, ["amount"] = amount }).With(_requires);

    #endregion
}

using System.Text.Json.Nodes;
using Huiqi.Engine.Catalog;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Model;

namespace Huiqi.Engine.Blocks;

/// <summary>
/// A share of a project's investment base with a cap per project (按照不超过…投资额的N%给予奖励，最高不超过…):
/// zz2023-23/8 (新建), /9 (技术改造), /10 (智能化), /11 (绿色化, paid after design output) and sj-sangao/5.1 (平台).
/// </summary>
/// <remarks>
/// "不超过" gives a maximum: the engine proposes it and a reviewer may lower it. A major project (重大工业项目) is
/// decided case by case and paid by no formula here (<c>skipMajor</c>).
/// </remarks>
public sealed class ProjectShareRule : IClauseRule
{
    /// <summary>Paid on a project completed.</summary>
    public AwardBasis Basis => AwardBasis.Events;

    private readonly string _kind;
    private readonly bool _seiOnly;
    private readonly decimal? _minTotal;
    private readonly decimal _rate;
    private readonly decimal? _seiRate;
    private readonly decimal? _cap;
    private readonly string _event;
    private readonly decimal? _minBenefit;
    private readonly bool _skipMajor;
    private readonly Requirements _requires;

    public ProjectShareRule(ParamReader p)
    {
        _kind = p.Word("kind", Vocabulary.ProjectKinds);
        _seiOnly = p.Bool("seiOnly", false);
        _minTotal = p.OptionalAmount("minTotalInvestment");
        _rate = p.Rate("rate");
        _seiRate = p.OptionalRate("seiRate");
        _cap = p.Cap();
        _event = p.Has("event") ? p.Switch("event", "completedOn", "reachedOutputOn") : "completedOn";
        _minBenefit = p.OptionalRate("minBenefitRate");
        _skipMajor = p.Bool("skipMajor", true);
        _requires = Requirements.Read(p);

        // The parts of the award sentence that are the clause's own parameters, written once.
        _kindText = Vocabulary.Chinese(_kind);
        _rateText = Zh.Percent(_rate);
        _seiRateText = _seiRate is { } sr ? Zh.Percent(sr) : _rateText;
    }

    private readonly string _kindText;
    private readonly string _rateText;
    private readonly string _seiRateText;

    /// <summary>
    /// The project as the sentence names it: 战略性新兴产业 only where the clause asks for it or pays it a rate of its
    /// own (/8, /9), not where it changes nothing (/10, /11).
    /// </summary>
    private string Name(Project project) => $"{_kindText}{project.Id}{(project.Sei && (_seiOnly || _seiRate is not null) ? " 战略性新兴产业" : "")}";

    public void Evaluate(RuleContext ctx)
    {
        var checkedTraits = false;
        foreach (var project in Items.Of(ctx.Dossier.Projects))
        {
            if (project.Kind != _kind)
            {
                continue;
            }

            var eventDate = _event == "reachedOutputOn" ? project.ReachedOutputOn : project.CompletedOn;
            if (eventDate is not { } day || !ctx.InYear(day))
            {
                continue;
            }

            if (!checkedTraits)
            {
                if (!_requires.Check(ctx))
                {
                    return;
                }

                checkedTraits = true;
            }

            if (_skipMajor && project.Major)
            {
                ctx.Check($"项目{project.Id}为重大工业项目，一事一议，不按比例计算", false);
                continue;
            }

            // A project paid once is not offered again, whatever the year (interpretation.md rule 7).
            if (ctx.AlreadyPaid(project.Id, Name(project)))
            {
                continue;
            }

            if (_seiOnly && !project.Sei)
            {
                ctx.Check($"{Name(project)}须为战略性新兴产业项目", false);
                continue;
            }

            if (_minTotal is { } min)
            {
                var ok = project.TotalInvestment is { } t && t >= min;
                ctx.Check($"{Name(project)} 总投资{(project.TotalInvestment is { } tt ? Zh.Money(tt) : "（缺）")}须≥{Zh.Money(min)}", ok);
                if (!ok)
                {
                    continue;
                }
            }

            if (_minBenefit is { } mb)
            {
                var ok = project.BenefitRate is { } br && br >= mb;
                ctx.Check($"{Name(project)} 达产后实际效益{(project.BenefitRate is { } b ? Zh.PercentAgainst(b, mb) : "（缺）")}须≥{Zh.Percent(mb)}", ok);
                if (!ok)
                {
                    continue;
                }
            }

            if (project.EquipmentInvestment is not { } equipment)
            {
                ctx.NotPaid(project.Id, $"{Name(project)}缺少设备投资额（equipmentInvestment），无法计算奖励");
                continue;
            }

            var rate = project.Sei && _seiRate is { } sr ? sr : _rate;
            var raw = Money.FloorYuan(equipment * rate);
            var pay = Money.Min(raw, _cap);
            if (raw > pay)
            {
                ctx.NotPaid(project.Id, $"{Name(project)}按比例计{Zh.Money(raw)}，超过每个项目最高{Zh.Money(_cap!.Value)}的部分{Zh.Money(raw - pay)}不予支付");
            }

            // The sentence is written only where it is read: the trace, or an award its window lets through (an award
            // outside the window becomes a not-paid line that gives the window, not this sentence).
            if (!ctx.Tracing && (pay <= 0 || !ctx.Payable(day)))
            {
                if (pay > 0)
                {
                    ctx.Award(project.Id, pay, day, "");
                }

                continue;
            }

            // One unit for every figure of the sentence (设备投资16000万元×15%=2400万元, not 1.6亿元×15%=2400万元).
            var u = Zh.UnitOf(equipment, raw, _cap ?? raw, project.TotalInvestment ?? raw, _minTotal ?? raw);
            var text = Name(project)
                + (_minTotal is { } mt ? $" 总投资{Zh.MoneyIn(project.TotalInvestment!.Value, u)}≥{Zh.MoneyIn(mt, u)}" : "")
                + (_minBenefit is { } mbr ? $" {Zh.Date(day)}达产，实际效益{Zh.PercentAgainst(project.BenefitRate!.Value, mbr)}≥{Zh.Percent(mbr)}" : "");
            var capText = _cap is { } cap ? raw > cap ? $"，超过{Zh.MoneyIn(cap, u)}上限，按上限奖励{Zh.MoneyIn(cap, u)}" : $"，未超过{Zh.MoneyIn(cap, u)}上限" : "";
            var computed = $"{text}，设备投资{Zh.MoneyIn(equipment, u)}×{(project.Sei && _seiRate is not null ? _seiRateText : _rateText)}={Zh.MoneyIn(raw, u)}";
            ctx.Check(computed, pay > 0);
            if (pay > 0)
            {
                ctx.Award(project.Id, pay, day, computed + capText);
            }
        }
    }

    #region 政策解读 (what the parameters say, in words)

    /// <inheritdoc/>
    public void Describe(ReadingDraft reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var project = $"{_kindText}{(_seiOnly ? "（须为战略性新兴产业项目）" : "")}";
        reading.Qualifies(_minTotal is { } min ? $"总投资{Say.AtLeast(Zh.Money(min))}的{project}。" : $"{project}。");
        reading.Requires(_requires);

        var when = _event == "reachedOutputOn" ? "项目达产后" : "项目竣工后";
        var rates = _seiRate is { } sr ? $"战略性新兴产业项目按{Zh.Percent(sr)}、其他项目按{_rateText}" : $"按{_rateText}";
        reading.Pays($"{when}，以项目设备投资额为基数，{rates}计算奖励（不超过该比例，按元向下取整）。");
        if (_minBenefit is { } mb)
        {
            reading.Pays($"项目达产后实际效益须{Say.AtLeast(Zh.Percent(mb))}。");
        }

        reading.Limit(Say.Cap(_cap, "每个项目"));
        reading.Limit("同一项目只奖励一次。");
        if (_skipMajor)
        {
            reading.Limit("重大工业项目一事一议，不按比例计算。");
        }

        // Over the cap where there is one (设备投资 × 比例 > 上限), then well under it at the other rate.
        var over = _cap is { } c ? Say.Round(c / _rate * 1.2m) : 20_000_000m;
        reading.Typical($"某企业{Typical(reading.Year, over, sei: false, out var d1)}", d1);
        if (_seiRate is { } seiRate)
        {
            var under = _cap is { } c2 ? Say.Round(c2 / seiRate / 4m) : 10_000_000m;
            reading.Typical($"某企业{Typical(reading.Year, under, sei: true, out var d2)}", d2);
        }
    }

    /// <summary>A typical project of the clause and its dossier: completed (or reaching output) in the award year.</summary>
    private string Typical(int year, decimal equipment, bool sei, out JsonObject dossier)
    {
        var total = Math.Max(Say.Round(equipment * 1.25m), _minTotal ?? 0m);
        var project = new JsonObject
        {
            ["id"] = "甲",
            ["kind"] = _kind,
            ["sei"] = sei || _seiOnly,
            ["totalInvestment"] = total,
            ["equipmentInvestment"] = equipment,
            ["completedOn"] = _event == "reachedOutputOn" ? $"{year - 1}-12-31" : Say.MidYear(year),
        };
        if (_event == "reachedOutputOn")
        {
            project["reachedOutputOn"] = Say.MidYear(year);
        }

        if (_minBenefit is { } mb)
        {
            project["benefitRate"] = mb + 0.02m;
        }

        dossier = Say.Facts("projects", project).With(_requires);
        return $"{year}年{(_event == "reachedOutputOn" ? "达产" : "竣工")}一个{(sei || _seiOnly ? "战略性新兴产业" : "")}{_kindText}，总投资{Zh.Money(total)}，设备投资{Zh.Money(equipment)}"
            + (_minBenefit is { } b ? $"，达产后实际效益{Zh.Percent(b + 0.02m)}" : "");
    }

    #endregion
}

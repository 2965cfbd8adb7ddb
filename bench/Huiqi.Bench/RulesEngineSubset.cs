using System.Text.Json;
using System.Text.Json.Serialization;
using Huiqi.Engine.Model;
using RulesEngine.Models;

namespace Huiqi.Bench;

/// <summary>The flat input a RulesEngine workflow reads: one enterprise for one award year, mapped from the dossier.</summary>
public sealed class RuleFacts
{
    public int Year { get; set; }
    public bool Industrial { get; set; }
    public bool Manufacturing { get; set; }
    public bool AboveScale { get; set; }
    public bool InLibrary { get; set; }
    public List<string> Sectors { get; set; } = [];
    public bool HasMainRevenue { get; set; }
    public decimal MainRevenue { get; set; }
    public bool HasPreviousMainRevenue { get; set; }
    public decimal PreviousMainRevenue { get; set; }
    public bool HasEarlierMainRevenue { get; set; }
    public decimal EarlierMainRevenueMax { get; set; }
    public bool HasOperatingRevenue2022Q1 { get; set; }
    public decimal OperatingRevenue2022Q1 { get; set; }
    public bool HasOperatingRevenue2023Q1 { get; set; }
    public decimal OperatingRevenue2023Q1 { get; set; }
    public List<ProjectFacts> Projects { get; set; } = [];
    public List<SpendingFacts> Spending { get; set; } = [];
}

public sealed class ProjectFacts
{
    public string Kind { get; set; } = "";
    public bool Sei { get; set; }
    public bool Major { get; set; }
    public bool HasTotalInvestment { get; set; }
    public decimal TotalInvestment { get; set; }
    public bool HasEquipmentInvestment { get; set; }
    public decimal EquipmentInvestment { get; set; }
    public bool HasCompletedOn { get; set; }
    public DateTime CompletedOn { get; set; }
}

public sealed class SpendingFacts
{
    public string Kind { get; set; } = "";
    public int Year { get; set; }
    public decimal Amount { get; set; }
}

/// <summary>
/// The five clauses in Microsoft RulesEngine, as a .NET team would write them: the rules in a JSON workflow
/// (Rules/subset.json, one workflow per document, one rule per clause part, amounts by OutputExpression), the dossier
/// mapped to a flat input, the 1:1 split of zzw2022-155 applied by the caller. No ledger: the population has none.
/// </summary>
public sealed class RulesEngineSubset
{
    private readonly RulesEngine.RulesEngine _engine;

    public RulesEngineSubset()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Rules", "subset.json"));
        var options = new JsonSerializerOptions { Converters = { new JsonStringEnumConverter() } };
        var workflows = JsonSerializer.Deserialize<Workflow[]>(json, options) ?? throw new InvalidOperationException("no workflows");
        _engine = new RulesEngine.RulesEngine(workflows, new ReSettings());
    }

    public static RuleFacts Facts(Dossier d, int year)
    {
        var f = new RuleFacts
        {
            Year = year,
            Industrial = d.Has("industrial"),
            Manufacturing = d.Has("manufacturing"),
            AboveScale = d.Has("above-scale"),
            InLibrary = d.Has("in-library"),
            Sectors = [.. d.Sectors],
        };
        if (d.Figures.Get("mainRevenue", Period.OfYear(year)) is { } main)
        {
            f.HasMainRevenue = true;
            f.MainRevenue = main;
        }

        if (d.Figures.Get("mainRevenue", Period.OfYear(year - 1)) is { } previous)
        {
            f.HasPreviousMainRevenue = true;
            f.PreviousMainRevenue = previous;
        }

        foreach (var (period, value) in d.Figures.Series("mainRevenue"))
        {
            if (period.Kind == PeriodKind.Year && period.Year < year && (!f.HasEarlierMainRevenue || value > f.EarlierMainRevenueMax))
            {
                f.HasEarlierMainRevenue = true;
                f.EarlierMainRevenueMax = value;
            }
        }

        if (d.Figures.Get("operatingRevenue", Period.OfQuarter(2022, 1)) is { } q22)
        {
            f.HasOperatingRevenue2022Q1 = true;
            f.OperatingRevenue2022Q1 = q22;
        }

        if (d.Figures.Get("operatingRevenue", Period.OfQuarter(2023, 1)) is { } q23)
        {
            f.HasOperatingRevenue2023Q1 = true;
            f.OperatingRevenue2023Q1 = q23;
        }

        foreach (var p in d.Projects)
        {
            f.Projects.Add(new ProjectFacts
            {
                Kind = p.Kind,
                Sei = p.Sei,
                Major = p.Major,
                HasTotalInvestment = p.TotalInvestment is not null,
                TotalInvestment = p.TotalInvestment ?? 0,
                HasEquipmentInvestment = p.EquipmentInvestment is not null,
                EquipmentInvestment = p.EquipmentInvestment ?? 0,
                HasCompletedOn = p.CompletedOn is not null,
                CompletedOn = p.CompletedOn?.ToDateTime(TimeOnly.MinValue) ?? default,
            });
        }

        foreach (var s in d.Spending)
        {
            f.Spending.Add(new SpendingFacts { Kind = s.Kind, Year = s.Year, Amount = s.Amount });
        }

        return f;
    }

    public void Evaluate(Dossier d, int year, ref SubsetAmounts result)
    {
        result = default;
        var input = new RuleParameter("facts", Facts(d, year));
        Collect(_engine.ExecuteAllRulesAsync("zz2023-23", input).AsTask().GetAwaiter().GetResult(), split: false, ref result);
        Collect(_engine.ExecuteAllRulesAsync("zzw2022-155", input).AsTask().GetAwaiter().GetResult(), split: true, ref result);
    }

    private static void Collect(List<RuleResultTree> results, bool split, ref SubsetAmounts result)
    {
        foreach (var r in results)
        {
            if (!r.IsSuccess)
            {
                if (!string.IsNullOrEmpty(r.ExceptionMessage))
                {
                    throw new InvalidOperationException($"{r.Rule.RuleName}: {r.ExceptionMessage}");
                }

                continue;
            }

            if (r.ActionResult?.Exception is { } e)
            {
                throw new InvalidOperationException($"{r.Rule.RuleName}: {e.Message}", e);
            }

            if (r.ActionResult?.Output is not { } output)
            {
                continue;
            }

            var amount = Convert.ToDecimal(output, System.Globalization.CultureInfo.InvariantCulture);
            if (amount <= 0)
            {
                continue;
            }

            var clause = Catalogues.IndexOf(r.Rule.SuccessEvent);
            result.Add(clause, amount, split ? decimal.Floor(amount / 2) : amount);
        }
    }
}

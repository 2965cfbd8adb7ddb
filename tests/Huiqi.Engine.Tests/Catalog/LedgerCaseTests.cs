using System.Text.Json.Nodes;
using Huiqi.Engine.Catalog;
using Huiqi.Policies;

namespace Huiqi.Engine.Tests.Catalog;

/// <summary>
/// The ledger reaches every clause that pays (interpretation.md rule 7): each paying clause of the catalogue carries a
/// case whose ledger line changes the amount — the same case without its <c>grants</c> pays something else. A clause
/// that stops reading the ledger, or a case list that loses its ledger case, fails here by name.
/// </summary>
public sealed class LedgerCaseTests
{
    /// <summary>
    /// Clauses that pay nothing in any of their cases have no amount a ledger could change: zzw2022-155/9 always yields
    /// to zz2023-23/21 (从高不重复), its ledger case checks the not-paid line instead.
    /// </summary>
    private static bool Pays(Clause c) => !c.IsReferral && c.Tests.Any(t => t.Amount > 0);

    public static TheoryData<string> PayingClauses()
    {
        var data = new TheoryData<string>();
        foreach (var c in PolicySource.Default().Clauses.Where(Pays))
        {
            data.Add(c.Id);
        }

        return data;
    }

    [Fact]
    public void Every_clause_with_a_yearly_cap_or_a_once_only_item_is_among_the_paying_clauses()
    {
        // The clauses the issue and interpretation.md rules 6–7 name: if one of them stopped paying in its cases, the
        // theory below would silently skip it.
        string[] named =
        [
            "zz2023-23/1", "zz2023-23/2", "zz2023-23/4", "zz2023-23/5", "zz2023-23/7", "zz2023-23/8", "zz2023-23/9", "zz2023-23/10",
            "zz2023-23/11", "zz2023-23/13", "zz2023-23/15", "zz2023-23/16", "zz2023-23/17", "zz2023-23/18", "zz2023-23/19",
            "zz2023-23/20", "zz2023-23/21", "zz2023-23/22", "zzw2022-155/1", "zzw2022-155/2", "zzw2022-155/3", "zzw2022-155/4",
            "zzw2022-155/5", "zzw2022-155/6", "zzw2022-155/7", "zzw2022-155/10", "zzb2022-zjtx/2", "zzb2022-zjtx/3",
        ];
        var paying = PolicySource.Default().Clauses.Where(Pays).Select(c => c.Id).ToHashSet();
        var missing = named.Where(n => !paying.Contains(n)).ToList();
        Assert.True(missing.Count == 0, "not paying in any case: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(PayingClauses))]
    public void A_case_of_the_clause_has_a_ledger_line_that_changes_the_amount(string clause)
    {
        var catalog = PolicySource.Default();
        var c = catalog.ClausesById[clause];
        var withLedger = c.Tests.Where(t => JsonNode.Parse(t.DossierJson)!["grants"] is JsonArray { Count: > 0 }).ToList();
        Assert.True(withLedger.Count > 0, $"{clause}: no case carries a ledger line (grants)");

        var changed = withLedger.Where(t =>
        {
            var node = JsonNode.Parse(t.DossierJson)!.AsObject();
            node.Remove("grants");

            // The same case without its ledger, asked only for the amount: it must then fail.
            var bare = t with { DossierJson = node.ToJsonString(), NotPaidContains = null, BecauseContains = null, ExpectReferral = false };
            return ClauseTestRunner.Run(catalog, c, t).Passed && !ClauseTestRunner.Run(catalog, c, bare).Passed;
        }).ToList();
        Assert.True(changed.Count > 0, $"{clause}: no case whose ledger line changes the amount (cases with grants: {string.Join("; ", withLedger.Select(t => t.Name))})");
    }
}

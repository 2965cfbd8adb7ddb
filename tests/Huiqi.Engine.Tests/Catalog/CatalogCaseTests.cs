using Huiqi.Engine.Catalog;
using Huiqi.Policies;

namespace Huiqi.Engine.Tests.Catalog;

/// <summary>Every case written next to a clause in policies/*.yaml runs here, reported by clause id and name.</summary>
public sealed class CatalogCaseTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in PolicySource.Default().Clauses)
        {
            foreach (var t in c.Tests)
            {
                data.Add(c.Id, t.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Clause_case_pays_what_the_text_says(string clause, string name)
    {
        var catalog = PolicySource.Default();
        var c = catalog.ClausesById[clause];
        var test = c.Tests.Single(t => t.Name == name);
        var result = ClauseTestRunner.Run(catalog, c, test);
        Assert.True(result.Passed, result.ToString());
    }

    [Fact]
    public void The_embedded_catalogue_loads_without_errors()
    {
        var result = PolicySource.Load();
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Every_monetary_clause_of_the_award_documents_is_in_the_catalogue()
    {
        var ids = PolicySource.Default().ClausesById.Keys.ToHashSet();
        string[] expected =
        [
            "zz2023-23/1", "zz2023-23/2", "zz2023-23/4", "zz2023-23/5", "zz2023-23/6", "zz2023-23/7", "zz2023-23/8", "zz2023-23/9",
            "zz2023-23/10", "zz2023-23/11", "zz2023-23/13", "zz2023-23/15", "zz2023-23/16", "zz2023-23/17", "zz2023-23/18",
            "zz2023-23/19", "zz2023-23/20", "zz2023-23/21", "zz2023-23/22",
            "zz2023-23/3", "zz2023-23/12", "zz2023-23/14", "zz2023-23/26",
            "zzw2022-155/1", "zzw2022-155/2", "zzw2022-155/3", "zzw2022-155/4", "zzw2022-155/5", "zzw2022-155/6", "zzw2022-155/7",
            "zzw2022-155/9", "zzw2022-155/10", "zzw2022-155/12", "zzw2022-155/19",
            "zzb2022-zjtx/2", "zzb2022-zjtx/3", "zzb2022-zjtx/27",
            "zzb2022-zjtx/4", "zzb2022-zjtx/6", "zzb2022-zjtx/13", "zzb2022-zjtx/15", "zzb2022-zjtx/17", "zzb2022-zjtx/19",
            "zzb2022-zjtx/21", "zzb2022-zjtx/22", "zzb2022-zjtx/23", "zzb2022-zjtx/25",
            "sj-sangao/2.2", "sj-sangao/3.4", "sj-sangao/4.3", "sj-sangao/5.1", "sj-sangao/5.2",
        ];
        var missing = expected.Where(e => !ids.Contains(e)).ToList();
        Assert.True(missing.Count == 0, "missing: " + string.Join(", ", missing));
    }
}

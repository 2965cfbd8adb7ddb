using Huiqi.Engine.Catalog;
using Huiqi.Policies;

namespace Huiqi.Engine.Tests.Catalog;

/// <summary>Clauses are named as the bureaus cite them: the document's 文号 (or title) and the article in Chinese.</summary>
public sealed class ClauseNameTests
{
    private static readonly PolicyCatalog Catalog = PolicySource.Default();

    [Theory]
    [InlineData(1, "一")]
    [InlineData(9, "九")]
    [InlineData(10, "十")]
    [InlineData(15, "十五")]
    [InlineData(20, "二十")]
    [InlineData(26, "二十六")]
    public void Articles_are_numbered_in_Chinese(int n, string numeral) => Assert.Equal(numeral, ClauseNames.Numeral(n));

    [Theory]
    [InlineData("zz2023-23/9", "郑政〔2023〕23号第九条", "23号文第九条")]
    [InlineData("zz2023-23/8-major", "郑政〔2023〕23号第八条", "23号文第八条")]
    [InlineData("zzw2022-155/12", "郑政文〔2022〕155号第十二条", "155号文第十二条")]
    [InlineData("zzb2022-zjtx/27", "《关于支持“专精特新”中小企业高质量发展的实施意见》第二十七条", "专精特新实施意见第二十七条")]
    [InlineData("sj-sangao/3.4", "《郑州市上街区关于支持高技术高成长高附加值企业高质量发展的工作方案》（征求意见稿）（三）第4项", "上街区“三高”方案（三）第4项")]
    public void A_clause_is_cited_by_document_and_article(string id, string article, string shortName)
    {
        var clause = Catalog.ClausesById[id];
        Assert.Equal(article, clause.ArticleName);
        Assert.Equal(shortName, clause.ShortName);
        Assert.Equal($"{article}“{clause.Title}”", clause.Name);
    }

    [Fact]
    public void The_technology_reform_article_reads_as_the_issue_of_record_writes_it() =>
        Assert.Equal("郑政〔2023〕23号第九条“支持企业技术改造升级”", Catalog.ClausesById["zz2023-23/9"].Name);
}

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

    [Theory]
    [InlineData("zz2023-23/9", "郑政〔2023〕23号第九条“支持企业技术改造升级”", "23号文第九条")]
    [InlineData("zzb2020-19/31", "郑政办〔2020〕19号第三十一条", "19号文第三十一条")] // a task, numbered like an article
    [InlineData("zz2023-23", "郑政〔2023〕23号", "23号文")]
    [InlineData("no-such/1", "no-such/1", "no-such/1")]
    public void Any_id_of_the_catalogue_is_cited_by_name(string id, string name, string shortName)
    {
        Assert.Equal(name, Catalog.NameOf(id));
        Assert.Equal(shortName, Catalog.ShortNameOf(id));
    }

    [Theory]
    [InlineData("依据 zzb2022-zjtx/13、sj-sangao 三（一）1）", "依据 专精特新实施意见第十三条、上街区“三高”方案 三（一）1）")]
    [InlineData("zzb2022-zjtx/二", "专精特新实施意见第二部分")]
    [InlineData("zzb2020-19/附件1", "19号文附件1")]
    public void Ids_in_a_text_are_spelled_as_names(string text, string spelled) => Assert.Equal(spelled, Catalog.Spell(text));

    [Theory]
    [InlineData("china-manufacturing-500", "中国制造业500强")]
    [InlineData("lease", "租赁")]
    [InlineData("launch-event", "新品发布会等场地租赁及会场搭建费")]
    [InlineData("2023H1", "2023年上半年")]
    [InlineData("P1", "项目P1")]
    [InlineData("智能传感器", "智能传感器")]
    public void An_item_reads_in_Chinese(string code, string chinese) => Assert.Equal(chinese, Huiqi.Engine.Model.Vocabulary.Item(code));
}

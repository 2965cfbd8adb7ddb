using Huiqi.Engine.Catalog;
using Huiqi.Policies;

namespace Huiqi.Engine.Tests.Catalog;

/// <summary>
/// A document's status is its window read against today, not a word in its file: 郑政〔2023〕23号 ("自公布之日起实施，
/// 有效期三年", window 2023-11-27 to 2026-11-26) is 有效 on its last day and 已失效 the day after.
/// </summary>
public class DocumentStatusTests
{
    private static readonly PolicyCatalog Catalog = PolicySource.Default();

    private static PolicyDocument Document(string id) => Catalog.Documents.Single(d => d.Id == id);

    [Fact]
    public void Zz2023_23_expires_after_its_third_year()
    {
        var doc = Document("zz2023-23");
        Assert.Equal(DocumentStatus.InForce, doc.StatusOn(new DateOnly(2026, 11, 26)));
        Assert.Equal(DocumentStatus.Expired, doc.StatusOn(new DateOnly(2026, 11, 27)));
    }

    /// <summary>
    /// Applications for an expired document's awards are accepted until the 31 March after its window ends
    /// (zzw2022-155/17: "2023年3月31日前按程序应拨尽拨"): for zz2023-23, 2027-03-31.
    /// </summary>
    [Fact]
    public void An_expired_document_accepts_applications_until_the_next_31_March()
    {
        var doc = Document("zz2023-23");
        Assert.Equal(new DateOnly(2027, 3, 31), doc.ApplicationsUntil);
        Assert.True(doc.AcceptsApplicationsOn(new DateOnly(2027, 3, 31)));
        Assert.False(doc.AcceptsApplicationsOn(new DateOnly(2027, 4, 1)));
        Assert.Equal("已失效（2026-11-26到期；期内发生的事项受理申请至2027-03-31）", doc.Explained(new DateOnly(2026, 12, 6)));
        Assert.Equal("已失效（2026-11-26到期，已停止受理申请）", doc.Explained(new DateOnly(2027, 4, 1)));
    }

    [Fact]
    public void A_document_without_an_end_stays_in_force_and_a_draft_stays_a_draft()
    {
        Assert.Equal(DocumentStatus.InForce, Document("zzb2022-zjtx").StatusOn(new DateOnly(2030, 1, 1)));
        Assert.Equal(DocumentStatus.Draft, Document("sj-sangao").StatusOn(new DateOnly(2026, 12, 6)));
        Assert.Equal(DocumentStatus.Expired, Document("zzw2022-155").StatusOn(new DateOnly(2024, 1, 1)));
    }
}

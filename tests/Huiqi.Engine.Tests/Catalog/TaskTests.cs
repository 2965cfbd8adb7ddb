using Huiqi.Policies;

namespace Huiqi.Engine.Tests.Catalog;

/// <summary>The task ledger's tasks, read from the documents with their lead and responsible units.</summary>
public sealed class TaskTests
{
    private static IReadOnlyList<Huiqi.Engine.Catalog.PolicyTask> TasksOf(string document) =>
        PolicySource.Default().Document(document)!.Tasks;

    [Fact]
    public void Zzb2020_19_has_its_49_tasks_in_order()
    {
        var tasks = TasksOf("zzb2020-19");
        Assert.Equal(Enumerable.Range(1, 49).Select(i => $"zzb2020-19/{i}"), tasks.Select(t => t.Id));
        var t2 = tasks[1];
        Assert.Equal("强化目标跟踪管理", t2.Title);
        Assert.Contains("以月保季、以季保年", t2.Text, StringComparison.Ordinal);
        // "责任单位：市工信局、市发展改革委、市商务局，各开发区管委会和县（市、区）政府": the first named leads.
        Assert.Equal(["市工信局"], t2.Lead);
        Assert.Equal(["市工信局", "市发展改革委", "市商务局", "各开发区管委会和县（市、区）政府"], t2.Responsible);
    }

    [Fact]
    public void Zjtx_has_its_33_items()
    {
        var tasks = TasksOf("zzb2022-zjtx");
        Assert.Equal(Enumerable.Range(1, 33).Select(i => $"zzb2022-zjtx/{i}"), tasks.Select(t => t.Id));
        Assert.Equal("建立企业培育库", tasks[0].Title);
        Assert.Equal(["市工信局", "各开发区管委会", "区县（市）人民政府"], tasks[0].Responsible);
    }

    [Fact]
    public void Sangao_tasks_are_named_by_action_and_place_with_lead_units()
    {
        var tasks = TasksOf("sj-sangao");
        var byId = tasks.ToDictionary(t => t.Id);
        // 三(二) 2nd item: the profit-margin award (sj-sangao/2.2 in the catalogue), led by 区科工信局 and 区发改委.
        Assert.Contains("营业收入利润率", byId["sj-sangao/2.2"].Text, StringComparison.Ordinal);
        Assert.Equal(["区科工信局", "区发改委"], byId["sj-sangao/2.2"].Lead);
        Assert.Equal(["区财政局"], byId["sj-sangao/2.2"].Responsible);
        // 三(三) 4th item: "三首", with its units in brackets at the end of the paragraph.
        Assert.Contains("三首", byId["sj-sangao/3.4"].Title, StringComparison.Ordinal);
        Assert.Equal(["区科工信局"], byId["sj-sangao/3.4"].Lead);
        Assert.Contains("人工智能创新标杆企业", byId["sj-sangao/5.2"].Text, StringComparison.Ordinal);
        Assert.All(tasks, t => Assert.NotEmpty(t.Lead));
    }
}

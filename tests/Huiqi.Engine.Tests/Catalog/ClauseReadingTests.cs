using Huiqi.Engine.Catalog;
using Huiqi.Engine.Evaluation;
using Huiqi.Policies;
using YamlDotNet.RepresentationModel;

namespace Huiqi.Engine.Tests.Catalog;

/// <summary>
/// The plain-language reading of a clause (政策解读) says what its parameters say, and its typical cases (典型情形) are
/// the engine's answers: a reviewer who recomputes them by hand gets the platform's figures.
/// </summary>
public sealed class ClauseReadingTests
{
    private static readonly PolicyCatalog Catalog = PolicySource.Default();

    /// <summary>A day after zz2023-23 and zzw2022-155 expired (applications for zz2023-23 still open).</summary>
    private static readonly DateOnly Today = new(2026, 12, 6);

    private static ClauseReading Read(string id) => ClauseReading.Of(Catalog, Catalog.ClausesById[id], Today);

    public static TheoryData<string> MonetaryClauses() => [.. Catalog.Clauses.Where(c => !c.IsReferral).Select(c => c.Id)];

    [Theory]
    [MemberData(nameof(MonetaryClauses))]
    public void The_reading_mentions_every_amount_rate_cap_and_threshold_its_parameters_give(string id)
    {
        var clause = Catalog.ClausesById[id];
        var text = Read(id).Text;
        foreach (var figure in Figures(clause.ParamsText))
        {
            Assert.True(text.Contains(figure, StringComparison.Ordinal), $"{id}: the reading does not mention {figure}:\n{text}");
        }
    }

    [Theory]
    [MemberData(nameof(MonetaryClauses))]
    public void Every_monetary_clause_has_a_typical_case_the_engine_pays(string id)
    {
        var reading = Read(id);
        Assert.NotEmpty(reading.Cases);
        Assert.Contains(reading.Cases, c => c.Amount > 0);
    }

    [Theory]
    [MemberData(nameof(MonetaryClauses))]
    public void A_typical_cases_amount_is_what_the_engine_pays_for_it(string id)
    {
        // The clause on its own: precedence over other clauses (从高不重复) is read in its own row, not in the cases.
        var alone = Catalog.Only([id]);
        var clause = alone.ClausesById[id];
        foreach (var k in Read(id).Cases)
        {
            var answer = ClauseTestRunner.Evaluate(alone, clause, k.DossierJson, k.Year, clause.Document.Adopted ? null : new DateOnly(k.Year, 1, 1), null);
            Assert.Equal(answer.Awards.Where(a => a.Clause == id).Sum(a => a.Amount), k.Amount);
            if (k.Referred.Count == 0)
            {
                Assert.Contains($"合计奖励{Zh.Money(k.Amount)}", k.Sentence, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Technology_reform_is_worked_as_the_text_writes_it()
    {
        // zz2023-23/9: 分别按照不超过项目生产和技术设备投资额的15%、10%给予奖励，最高奖励不超过1000万元.
        var cases = Read("zz2023-23/9").Cases;
        // An ordinary project: 设备投资1.2亿元 (12000万元, one unit in the sentence) × 10% = 1200万元 > 1000万元, so the cap: 1000万元.
        Assert.Equal(10_000_000m, cases[0].Amount);
        Assert.Contains("12000万元×10%=1200万元", cases[0].Sentence, StringComparison.Ordinal);
        // A strategic emerging one: 1600万元 × 15% = 240万元, under the cap.
        Assert.Equal(2_400_000m, cases[1].Amount);
        Assert.Contains("1600万元×15%=240万元", cases[1].Sentence, StringComparison.Ordinal);
        var text = Read("zz2023-23/9").Text;
        Assert.Contains("总投资达到1000万元以上", text, StringComparison.Ordinal);
        Assert.Contains("每个项目最高奖励1000万元", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Exhibitions_say_over_for_a_strict_bar_and_are_worked_by_hand()
    {
        // zz2023-23/20: 场地租赁费、布展费每年超过20万元的，给予70%补贴，同一企业每年最高补贴不超过100万元.
        var reading = Read("zz2023-23/20");
        Assert.Contains("超过20万元", reading.Text, StringComparison.Ordinal);
        // 210万元 × 70% = 147万元 > 100万元: 100万元.
        var exhibition = Assert.Single(reading.Cases, c => c.Facts.Contains("展销会", StringComparison.Ordinal));
        Assert.Equal(1_000_000m, exhibition.Amount);
        Assert.Contains("210万元", exhibition.Sentence, StringComparison.Ordinal);
        // The second part has its own case: 广告费6000万元 × 5% = 300万元 > 200万元 (每年最高补贴不超过200万元): 200万元.
        var ads = Assert.Single(reading.Cases, c => c.Facts.Contains("6000万元", StringComparison.Ordinal));
        Assert.Equal(2_000_000m, ads.Amount);
    }

    [Fact]
    public void A_ladder_pays_the_difference_to_a_higher_title()
    {
        // zzb2022-zjtx/2 (从高、不重复): 省级专精特新50万元 paid, then 单项冠军 500万元: 500万元 − 50万元 = 450万元.
        var reading = Read("zzb2022-zjtx/2");
        Assert.Contains("从高、不重复", reading.Text, StringComparison.Ordinal);
        Assert.Contains(reading.Cases, c => c.Amount == 4_500_000m);
    }

    [Fact]
    public void The_first_crossing_of_a_threshold_is_said_as_over()
    {
        // zz2023-23/5: 年主营业务收入首次超过50亿元 … 给予200万元; 45亿元 → 52亿元 crosses 50亿元: 200万元.
        var reading = Read("zz2023-23/5");
        Assert.Contains("首次超过50亿元的，奖励200万元", reading.Text, StringComparison.Ordinal);
        Assert.Equal(2_000_000m, reading.Cases[0].Amount);
    }

    [Fact]
    public void The_reading_says_who_pays_and_until_when_applications_are_accepted()
    {
        var city = Read("zz2023-23/9");
        Assert.Contains("市级财政全额承担", city.Payer, StringComparison.Ordinal);
        // zz2023-23 ran to 2026-11-26; applications by default until the 31 March after.
        Assert.Contains("本文件已于2026年11月26日到期，期内发生的事项受理申请至2027年3月31日", city.Window, StringComparison.Ordinal);
        Assert.Contains("市、区按1:1分担", Read("zzw2022-155/2").Payer, StringComparison.Ordinal);
        Assert.Contains("免申即享", city.Way, StringComparison.Ordinal);
    }

    [Fact]
    public void A_referral_says_what_is_referred_and_to_whom()
    {
        var reading = Read("zz2023-23/12");
        Assert.Contains("三首", reading.Text, StringComparison.Ordinal);
        Assert.Contains("市工信局", reading.Way, StringComparison.Ordinal);
        Assert.All(reading.Cases, c => Assert.NotEmpty(c.Referred));
    }

    [Fact]
    public void Each_item_of_a_clause_that_pays_several_is_read_in_its_own_words()
    {
        // zzw2022-155/6 pays exhibitions (referred), launch events (50%, 100万 a year) and export growth (5万 a point):
        // the export thresholds are the export item's, not the launch events'.
        var six = Read("zzw2022-155/6").Text;
        Assert.Contains("出口额：须2022年出口额超过1亿元", six, StringComparison.Ordinal);
        Assert.Contains("新品发布会等场地租赁及会场搭建费：每年最高奖励100万元", six, StringComparison.Ordinal);
        // zz2023-23/21's new suppliers are 新增配套 in the text, not a project's 新建项目.
        var chain = Read("zz2023-23/21").Text;
        Assert.Contains("新增配套：按年采购额达到200万元以上", chain, StringComparison.Ordinal);
        Assert.DoesNotContain("新建项目", chain, StringComparison.Ordinal);
        // zzb2022-zjtx sets no end date: it is read as lasting, not as running to the year 9999.
        Assert.Contains("自2022年4月12日起发生的事项给予奖励（长期有效）", Read("zzb2022-zjtx/2").Window, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_rate_changes_the_sentence_and_the_typical_case()
    {
        var changed = Changed("zz2023-23/9", "      rate: 10%", "      rate: 12%");
        var text = ClauseReading.Of(changed, changed.ClausesById["zz2023-23/9"], Today).Text;
        Assert.Contains("其他项目按12%", text, StringComparison.Ordinal);
        Assert.DoesNotContain("10%", text, StringComparison.Ordinal);
        // The over-the-cap case follows the rate: 1000万元 ÷ 12% × 1.2 = 1亿元, × 12% = 1200万元 > 1000万元.
        Assert.Contains("10000万元×12%=1200万元", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_cap_and_threshold_change_the_sentence()
    {
        var changed = Changed("zz2023-23/20", "          over: 20万", "          over: 25万");
        changed = Changed("zz2023-23/20", "          cap: 100万", "          cap: 80万", changed.Sources);
        var text = ClauseReading.Of(changed, changed.ClausesById["zz2023-23/20"], Today).Text;
        Assert.Contains("超过25万元", text, StringComparison.Ordinal);
        Assert.DoesNotContain("20万元", text, StringComparison.Ordinal);
        Assert.Contains("每年最高奖励80万元", text, StringComparison.Ordinal);
        Assert.DoesNotContain("100万元", text, StringComparison.Ordinal);
    }

    /// <summary>The catalogue with one line of a clause's block in its policy file replaced (the first after the clause's id).</summary>
    private static PolicyCatalog Changed(string id, string line, string replacement, IReadOnlyDictionary<string, string>? sources = null)
    {
        var files = new Dictionary<string, string>(sources ?? PolicySource.Embedded());
        var file = files.Keys.Single(k => files[k].Contains($"- id: {id}\n", StringComparison.Ordinal));
        var text = files[file];
        var at = text.IndexOf($"- id: {id}\n", StringComparison.Ordinal);
        var found = text.IndexOf(line + "\n", at, StringComparison.Ordinal);
        Assert.True(found > at, $"“{line}” not in {id}");
        files[file] = text[..found] + replacement + text[(found + line.Length)..];
        var result = CatalogLoader.Load(files);
        return result.Catalog ?? throw new InvalidOperationException(string.Join("\n", result.Errors));
    }

    /// <summary>
    /// The amounts and rates a clause's parameters write with their unit (1000万, 50亿, 15%), as the reading writes
    /// them (1000万元, 50亿元, 15%); a zero stands for "no fixed amount" and is left out.
    /// </summary>
    private static IEnumerable<string> Figures(string paramsText)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(paramsText));
        var scalars = yaml.Documents.SelectMany(d => d.AllNodes).OfType<YamlScalarNode>().Select(s => s.Value ?? "");
        foreach (var v in scalars)
        {
            if (v.EndsWith('%') && ParamReader.TryParseRate(v, out var rate))
            {
                yield return Zh.Percent(rate);
            }
            else if ((v.EndsWith('万') || v.EndsWith('亿')) && ParamReader.TryParseAmount(v, out var amount) && amount != 0)
            {
                yield return Zh.Money(amount);
            }
        }
    }
}

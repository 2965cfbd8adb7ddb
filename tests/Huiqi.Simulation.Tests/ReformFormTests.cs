using Huiqi.Demo;
using Huiqi.Policies;
using Huiqi.Store.Import;
using static Huiqi.Simulation.Tests.Population;

namespace Huiqi.Simulation.Tests;

/// <summary>
/// The reform form builds the reform its YAML would be: the same changes, so the same costs; its faults name the field;
/// the parameters it offers are named in the bureau's words with their current values. The forecast tables read from
/// the xlsx templates with Chinese headers, and a wrong cell is named by row and column.
/// </summary>
public sealed class ReformFormTests
{
    [Fact]
    public void The_form_for_raising_the_tech_reform_cap_builds_the_shipped_reform()
    {
        var catalog = PolicySource.Default();
        var (yaml, errors) = new ReformForm { Parameter = "zz2023-23/9||cap", Value = "1500", Unit = "万元", From = "2025-01-01" }.Build(catalog);
        Assert.Empty(errors);
        var built = Parse(yaml!, ReformForm.File);
        var shipped = Shipped("tech-reform-cap-1500");
        var (b, s) = (Assert.IsType<ParamChange>(Assert.Single(built.Changes)), Assert.IsType<ParamChange>(Assert.Single(shipped.Changes)));
        Assert.Equal((s.Clause, s.Part, s.Param, s.From), (b.Clause, b.Part, b.Param, b.From));
        Assert.Equal("1500万", ((YamlDotNet.RepresentationModel.YamlScalarNode)b.Value).Value);

        // The same costs on the demo city in 2025 (the shipped reform's own test works the amount out by hand).
        var city = DemoCity.Generate(600).ToList();
        SimulationReport Run(Reform r)
        {
            var (simulation, faults) = ReformSimulation.Prepare(catalog, r, 2025);
            Assert.True(simulation is not null, string.Join("\n", faults));
            simulation.AddDossiers(city);
            return simulation.Report();
        }

        Assert.Equal(Run(shipped).Total, Run(built).Total);
        Assert.Equal("郑政〔2023〕23号第九条“支持企业技术改造升级”最高奖励（上限）由1000万元改为1500万元（自2025年1月1日起的事项适用）", ReformWords.Describe(b, catalog));
    }

    [Fact]
    public void The_parameters_offered_are_named_in_chinese_with_their_values()
    {
        var catalog = PolicySource.Default();
        var nine = ClauseParameters.Of(catalog.ClausesById["zz2023-23/9"]);
        Assert.Contains(nine, p => p is { Path: "cap", Label: "最高奖励（上限）", Kind: ParameterKind.Amount, Current: 10_000_000m });
        Assert.Contains(nine, p => p is { Path: "seiRate", Kind: ParameterKind.Rate, Current: 0.15m });
        Assert.Contains(nine, p => p is { Path: "minTotalInvestment", Label: "项目总投资门槛", Current: 10_000_000m });
        var five = ClauseParameters.Of(catalog.ClausesById["zz2023-23/5"]);
        Assert.Contains(five, p => p is { Path: "thresholds[0].over", Label: "第1档门槛（超过）", Current: 5_000_000_000m });

        // Every label offered anywhere is Chinese: no parameter name of the policy files shows through.
        var labels = ReformForm.Offered(catalog).SelectMany(x => x.Parameters).Select(p => p.Label).ToList();
        Assert.NotEmpty(labels);
        Assert.All(labels, l => Assert.DoesNotMatch("[A-Za-z]{2,}", l));

        // Within a clause, no two parameters read alike: the bureau can tell which one it changes.
        Assert.All(ReformForm.Offered(catalog), x => Assert.Equal(x.Parameters.Count, x.Parameters.Select(p => p.Label).Distinct().Count()));
    }

    [Theory]
    [InlineData("zz2023-23/9||cap", "abc", "万元", "新值：“abc”不是数字（只填数字，单位另选）")]
    [InlineData("zz2023-23/9||cap", "1500", "%", "单位：最高奖励（上限）是金额，单位应为元或万元")]
    [InlineData("zz2023-23/9||rate", "150", "%", "新值：比例“150%”超过100%")]
    [InlineData("zz2023-23/9||nothing", "1", "万元", "条款及参数：请从列表中选择条款及其参数")]
    public void A_bad_form_value_is_a_chinese_fault_naming_its_field(string parameter, string value, string unit, string fault)
    {
        var (yaml, errors) = new ReformForm { Parameter = parameter, Value = value, Unit = unit }.Build(PolicySource.Default());
        Assert.Null(yaml);
        Assert.Equal(fault, Assert.Single(errors));
    }

    [Fact]
    public void The_growth_template_reads_back_and_a_wrong_cell_is_named_by_row_and_column()
    {
        using var template = new MemoryStream(ForecastTables.GrowthTemplate());
        var rows = SheetSource.Rows(template).ToList();
        Assert.Equal(["区县", "指标", "中值增长率", "低值增长率", "高值增长率"], rows[0].Cells.Select(Cells.Text));
        var (growth, errors) = GrowthAssumptions.FromRows("增长假设.xlsx", rows, 0.08m, 0.04m);
        Assert.Empty(errors);
        // Row 2: 郑州高新区's main revenue 12 % (8 % low, 16 % high); row 3: any district's operating revenue 6 % ± 4.
        Assert.Equal(0.08m, growth!.Rate("郑州高新区", "mainRevenue", Band.Low));
        Assert.Equal(0.10m, growth.Rate("金水区", "operatingRevenue", Band.High));

        rows[2].Cells[2] = "六个点";
        (growth, errors) = GrowthAssumptions.FromRows("增长假设.xlsx", rows, 0.08m, 0.04m);
        Assert.Null(growth);
        var e = Assert.Single(errors);
        Assert.Equal(3, e.Line);
        Assert.Contains("C列“中值增长率”", e.Message, StringComparison.Ordinal);
    }
}

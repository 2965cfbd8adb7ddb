using System.Text.Json;
using static Huiqi.Cli.Tests.CliRun;

namespace Huiqi.Cli.Tests;

/// <summary>The command line as a user runs it: exit codes, stdout, stderr.</summary>
public sealed class CliTests
{
    private const string Sensor = """{"uscc":"91410100MA3159566W","name":"郑州示例传感科技有限公司","district":"郑州高新区","traits":["industrial","manufacturing","above-scale","in-library"],"sectors":["sensor"],"figures":{"mainRevenue":{"2023":200000000,"2024":246000000}},"projects":[{"id":"P1","kind":"tech-reform","sei":true,"totalInvestment":30000000,"equipmentInvestment":24000000,"completedOn":"2024-05-31"}]}""";

    private static string Temp(string content, string ext = ".json")
    {
        var path = Path.Combine(Path.GetTempPath(), "huiqi-" + Guid.NewGuid().ToString("N") + ext);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task Evaluate_prints_awards_that_a_reviewer_can_recompute()
    {
        var (code, output, _) = await Run("evaluate", Temp(Sensor), "--year", "2024");
        Assert.Equal(ExitCode.Ok, code);
        using var answer = JsonDocument.Parse(output);
        var awards = answer.RootElement.GetProperty("awards").EnumerateArray().ToDictionary(a => a.GetProperty("clause").GetString()!);
        // /9: 战略性新兴产业技改，设备2400万元×15% = 360万元 (cap 1000万 not reached) — the dossier.md example.
        Assert.Equal(3_600_000m, awards["zz2023-23/9"].GetProperty("amount").GetDecimal());
        Assert.Equal("技术改造项目P1 战略性新兴产业 总投资3000万元≥1000万元，设备投资2400万元×15%=360万元，未超过1000万元上限", awards["zz2023-23/9"].GetProperty("because").GetString());
        // /7: 2亿→2.46亿 is 23 %, four whole 5-point steps × 10万 = 40万.
        Assert.Equal(400_000m, awards["zz2023-23/7"].GetProperty("amount").GetDecimal());
        Assert.Equal(4_000_000m, answer.RootElement.GetProperty("total").GetDecimal());
        Assert.False(answer.RootElement.TryGetProperty("hints", out _));
    }

    [Fact]
    public async Task Hints_and_trace_appear_only_when_asked()
    {
        var (code, output, _) = await Run("evaluate", Temp(Sensor), "--year", "2024", "--hints", "--trace");
        Assert.Equal(ExitCode.Ok, code);
        using var answer = JsonDocument.Parse(output);
        var hints = answer.RootElement.GetProperty("hints").EnumerateArray().ToList();
        Assert.Contains(hints, h => h.GetProperty("text").GetString() == "2024年主营业务收入再增加400万元（增速达到25%），可再获奖励10万元");
        var trace = answer.RootElement.GetProperty("trace").EnumerateArray().ToList();
        // The trace names the numbers compared, including conditions that failed.
        Assert.Contains(trace, t => t.GetProperty("clause").GetString() == "zz2023-23/9" && t.GetProperty("passed").GetBoolean());
        Assert.Contains(trace, t => t.GetProperty("clause").GetString() == "zz2023-23/7" && t.GetProperty("check").GetString()!.Contains("5000万元至5亿元", StringComparison.Ordinal));
        // Every clause of the catalogue was tried and says so, even when no fact touched it.
        var tried = trace.Select(t => t.GetProperty("clause").GetString()).ToHashSet();
        Assert.All(Huiqi.Policies.PolicySource.Default().Clauses, c => Assert.Contains(c.Id, tried));
    }

    [Fact]
    public async Task Bad_input_names_every_path_and_exits_2()
    {
        var bad = """{"uscc":"91410100MA3159566W","name":"x","district":"郑州市","traits":["industral"],"figures":{"mainRevenue":{"2024":-5}},"colour":"red"}""";
        var (code, output, err) = await Run("evaluate", Temp(bad), "--year", "2024");
        Assert.Equal(ExitCode.BadInput, code);
        Assert.Equal("", output);
        Assert.Contains("district:", err, StringComparison.Ordinal);
        Assert.Contains("traits[0]:", err, StringComparison.Ordinal);
        Assert.Contains("figures.mainRevenue.2024:", err, StringComparison.Ordinal);
        Assert.Contains("colour", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_answers_every_line_with_its_number_blank_lines_included()
    {
        var input = Temp(string.Join("\n", Sensor, "", "{not json", "   ", Sensor) + "\n", ".jsonl");
        var outFile = Path.ChangeExtension(input, ".out.jsonl");
        var (code, _, err) = await Run("evaluate", "--batch", input, "--year", "2024", "--out", outFile);
        Assert.Equal(ExitCode.BadInput, code); // the line that is not JSON; blank lines are no error
        var output = File.ReadAllLines(outFile).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        Assert.Equal([1, 2, 3, 4, 5], output.Select(o => o.GetProperty("line").GetInt32()));
        Assert.True(output[1].GetProperty("empty").GetBoolean());
        Assert.True(output[3].GetProperty("empty").GetBoolean());
        Assert.Equal("(root)", output[2].GetProperty("errors")[0].GetProperty("path").GetString());
        // /9 360万 + /7 40万 (see Evaluate_prints_awards_that_a_reviewer_can_recompute), on lines 1 and 5 alike.
        Assert.Equal(4_000_000m, output[0].GetProperty("total").GetDecimal());
        Assert.Equal(4_000_000m, output[4].GetProperty("total").GetDecimal());
        Assert.Contains("共 5 行，2 户已评估，1 行有误，2 行为空行", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_keeps_order_reports_a_bad_line_and_goes_on()
    {
        var lines = new List<string>();
        for (var i = 0; i < 9000; i++)
        {
            lines.Add(i == 4500 ? "{not json" : Sensor.Replace("246000000", (200_000_000 + i * 1000).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        var input = Temp(string.Join("\n", lines), ".jsonl");
        var outFile = Path.ChangeExtension(input, ".out.jsonl");
        var (code, _, err) = await Run("evaluate", "--batch", input, "--year", "2024", "--out", outFile);
        Assert.Equal(ExitCode.BadInput, code);
        var output = File.ReadAllLines(outFile);
        Assert.Equal(9000, output.Length);
        using (var bad = JsonDocument.Parse(output[4500]))
        {
            Assert.Equal(4501, bad.RootElement.GetProperty("line").GetInt32());
        }

        // Input order is kept: line i's /7 award follows its own revenue (2亿 + i×1000 元).
        for (var i = 0; i < 9000; i += 997)
        {
            if (i == 4500)
            {
                continue;
            }

            using var a = JsonDocument.Parse(output[i]);
            var growth = (decimal)(i * 1000) / 200_000_000m;
            var steps = decimal.Floor(growth / 0.05m);
            var seven = a.RootElement.GetProperty("awards").EnumerateArray().Where(x => x.GetProperty("clause").GetString() == "zz2023-23/7").Sum(x => x.GetProperty("amount").GetDecimal());
            Assert.Equal(steps * 100_000m, seven);
        }

        Assert.Contains("8999 户", err, StringComparison.Ordinal);
        Assert.Contains("1 行有误", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Catalog_list_has_a_line_per_clause_with_window_and_status()
    {
        var (code, output, _) = await Run("catalog", "list");
        Assert.Equal(ExitCode.Ok, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("zz2023-23/5\t支持大企业跃上新台阶\t2023-11-27..2026-11-26\t已失效", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("zzb2022-zjtx/2\t", StringComparison.Ordinal) && l.Contains("2022-04-12..长期", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("zz2023-23/12\t", StringComparison.Ordinal) && l.EndsWith("转人工", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Catalog_show_gives_the_text_and_parameters_behind_an_award()
    {
        var (code, output, _) = await Run("catalog", "show", "zz2023-23/9");
        Assert.Equal(ExitCode.Ok, code);
        Assert.Contains("分别按照不超过项目生产和技术设备投资额的15%、10%给予奖励", output, StringComparison.Ordinal);
        Assert.Contains("seiRate: 15%", output, StringComparison.Ordinal);
        Assert.Contains("cap: 1000万", output, StringComparison.Ordinal);
        Assert.Contains("市级全额", output, StringComparison.Ordinal);

        var missing = await Run("catalog", "show", "zz2023-23/99");
        Assert.Equal(ExitCode.BadInput, missing.Code);
    }

    [Fact]
    public async Task Catalog_check_fails_with_file_and_line_when_a_parameter_is_removed()
    {
        var dir = Path.Combine(Path.GetTempPath(), "huiqi-catalog-" + Guid.NewGuid().ToString("N"));
        foreach (var (path, text) in Huiqi.Policies.PolicySource.Embedded())
        {
            var target = Path.Combine(dir, path["policies/".Length..]);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, path.EndsWith("zz2023-23.yaml", StringComparison.Ordinal) ? text.Replace("      perStep: 10万\n", "", StringComparison.Ordinal) : text);
        }

        var ok = await Run("catalog", "check");
        Assert.Equal(ExitCode.Ok, ok.Code);
        var broken = await Run("catalog", "check", "--catalog", dir);
        Assert.Equal(ExitCode.Failure, broken.Code);
        Assert.Matches(@"zz2023-23\.yaml:\d+: 缺少参数“perStep”", broken.Err);
    }

    [Fact]
    public async Task Unknown_options_are_refused()
    {
        var (code, _, err) = await Run("evaluate", Temp(Sensor), "--year", "2024", "--hint");
        Assert.Equal(ExitCode.BadInput, code);
        Assert.Contains("--hint", err, StringComparison.Ordinal);
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Input;
using Huiqi.Engine.Model;
using Huiqi.Simulation;
using Huiqi.Simulation.Runs;
using Huiqi.Store;
using Huiqi.Store.Import;
using Huiqi.Web.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Huiqi.Web.Tests.Http;

/// <summary>
/// The simulation in the bureau's terms, over HTTP: the reform form costs what the same reform written in YAML costs;
/// a bad form value is a Chinese fault naming its field; forecast growth and budgets come as xlsx templates with Chinese
/// headers, filled and uploaded; a wrong row is named by row and column and nothing is forecast.
/// </summary>
public sealed class SimulationFormTests(Apps apps) : IClassFixture<Apps>
{
    public static TheoryData<Db> Engines => Apps.Engines();

    private const int Year = 2024;

    /// <summary>
    /// An enterprise of 金水区 whose strategic-emerging technical reform (total 2.2亿, equipment 1.6亿) was completed on
    /// 2024-08-15: zz2023-23/9 pays 15 % of the equipment, 1.6亿 × 15 % = 2400万, capped at 1000万; at a cap of 1500万 it
    /// is paid 1500万, 500万 more.
    /// </summary>
    private static readonly string Uscc = Engine.Input.Uscc.WithCheckCharacters("91410105MA900009");

    private static async Task AddTechReformAsync(IServiceProvider services)
    {
        var store = services.GetRequiredService<DossierStore>();
        if (await store.GetAsync(Uscc) is not null)
        {
            return;
        }

        var read = DossierReader.Read(
            "{\"uscc\":\"" + Uscc + "\",\"name\":\"郑州技改示例机械有限公司\",\"district\":\"金水区\",\"traits\":[\"industrial\",\"manufacturing\"]," +
            "\"projects\":[{\"id\":\"JG1\",\"kind\":\"tech-reform\",\"sei\":true,\"totalInvestment\":220000000,\"equipmentInvestment\":160000000,\"completedOn\":\"2024-08-15\"}]}");
        Assert.True(read.Ok, string.Join("; ", read.Errors));
        await store.PutAsync(read.Dossier!, "test");
    }

    private static async Task<SimulationRunRow> StoredAsync(HuiqiApp app, HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode} {WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync())}");
        var id = int.Parse(response.Headers.Location!.ToString().Split('/')[^1], CultureInfo.InvariantCulture);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SimulationRunsDbContext>>().CreateDbContextAsync();
        return await db.SimulationRuns.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task The_form_raising_the_tech_reform_cap_costs_what_the_same_yaml_costs(Db db)
    {
        var app = await apps.GetAsync(db);
        await AddTechReformAsync(app.Services);
        using var client = await app.SignedInAsync("city-finance");
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/simulation"));
        // The parameter is offered under the clause's name, in Chinese, with its current value.
        Assert.Contains("<optgroup label=\"郑政〔2023〕23号第九条“支持企业技术改造升级”\">", page, StringComparison.Ordinal);
        // 第九条's cap, 1000万元, as the pages write money (1,000万元).
        Assert.Contains($">23号文第九条 最高奖励（上限）（现为{Huiqi.Web.Pages.Show.Money(10_000_000m)}）<", page, StringComparison.Ordinal);

        var form = await StoredAsync(app, await Forms.PostAsync(client, "/simulation", "/simulation?handler=Form", new Dictionary<string, string>
        {
            ["Form.Parameter"] = "zz2023-23/9||cap", ["Form.Value"] = "1500", ["Form.Unit"] = "万元", ["Year"] = "2024",
        }));
        var yaml = await StoredAsync(app, await Forms.PostAsync(client, "/simulation", "/simulation", new Dictionary<string, string>
        {
            ["ReformYaml"] = "reform: { id: cap-1500, title: 技改上限1500万 }\nchanges:\n  - { clause: zz2023-23/9, param: cap, value: 1500万 }\n", ["Year"] = "2024",
        }));

        // Every zz2023-23/9 line the catalogue pays at the cap of 1000万 in 2024 gains min(E × 15 % or 10 %, 1500万) − 1000万,
        // E the project's equipment investment (floored to the yuan, as the clause's cases do); nothing else changes.
        // The enterprise added above alone gains 1500万 − 1000万 = 500万.
        var evaluator = new Evaluator(Huiqi.Policies.PolicySource.Default());
        var expected = 0m;
        await foreach (var d in app.Services.GetRequiredService<DossierStore>().StreamAsync())
        {
            foreach (var line in evaluator.Evaluate(d, Year).Awards.Where(l => l.Clause == "zz2023-23/9" && l.Amount == 10_000_000m))
            {
                var project = d.Projects.Single(p => p.Id == line.Item);
                expected += Math.Min(Math.Floor(project.EquipmentInvestment!.Value * (project.Sei ? 0.15m : 0.10m)), 15_000_000m) - 10_000_000m;
            }
        }

        Assert.True(expected >= 5_000_000m, $"{expected}");
        Assert.Equal(expected, form.Reform - form.Baseline);
        Assert.Equal((yaml.Baseline, yaml.Reform), (form.Baseline, form.Reform));

        // The form's reform is kept as the YAML it stands for, and the run says its change in the bureau's words.
        Assert.Contains("- {clause: zz2023-23/9, param: cap, value: 1500万}", form.ReformText, StringComparison.Ordinal);
        var run = WebUtility.HtmlDecode(await client.GetStringAsync($"/simulation/runs/{form.Id}"));
        Assert.Contains("郑政〔2023〕23号第九条“支持企业技术改造升级”最高奖励（上限）由1000万元改为1500万元", run, StringComparison.Ordinal);
        Assert.Contains($"id=\"total-delta\">{"+" + Show.Money(expected)}<", run, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_bad_form_value_is_a_chinese_fault_naming_the_field_and_nothing_runs(Db db)
    {
        var app = await apps.GetAsync(db);
        using var client = await app.SignedInAsync("city-review");
        await using var context = await app.Services.GetRequiredService<IDbContextFactory<SimulationRunsDbContext>>().CreateDbContextAsync();
        var before = await context.SimulationRuns.CountAsync();

        var response = await Forms.PostAsync(client, "/simulation", "/simulation?handler=Form", new Dictionary<string, string>
        {
            ["Form.Parameter"] = "zz2023-23/9||cap", ["Form.Value"] = "一千五百", ["Form.Unit"] = "万元",
            ["Form.SplitOf"] = "zzw2022-155", ["Form.City"] = "60", ["Form.District"] = "50", ["Year"] = "2024",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("新值：“一千五百”不是数字", html, StringComparison.Ordinal);
        Assert.Contains("市级承担比例、区县（市）承担比例：两者之和应为100%，现为110%", html, StringComparison.Ordinal);
        // What was typed stays in the form, to be corrected.
        Assert.Contains("value=\"一千五百\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await context.SimulationRuns.CountAsync());

        // 只生成调整方案: the YAML is shown, nothing is run.
        response = await Forms.PostAsync(client, "/simulation", "/simulation?handler=Form", new Dictionary<string, string>
        {
            ["Form.WindowOf"] = "zz2023-23", ["Form.WindowTo"] = "2029-11-26", ["Year"] = "2026", ["Preview"] = "true",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("- {document: zz2023-23, window: {to: 2029-11-26}}", html, StringComparison.Ordinal);
        Assert.Equal(before, await context.SimulationRuns.CountAsync());
    }

    private static async Task<HttpResponseMessage> ForecastAsync(HttpClient client, (string Field, string Name, byte[] Xlsx)? upload)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await Forms.TokenAsync(client, "/simulation/forecast")), "__RequestVerificationToken" },
            { new StringContent("2024"), "Year" }, { new StringContent("8%"), "Central" }, { new StringContent("4%"), "Spread" },
        };
        if (upload is { } u)
        {
            var file = new ByteArrayContent(u.Xlsx);
            file.Headers.ContentType = new MediaTypeHeaderValue(Workbooks.ContentType);
            form.Add(file, u.Field, u.Name);
        }

        return await client.PostAsync("/simulation/forecast", form);
    }

    private static byte[] Sheet(string sheet, params Dictionary<string, object?>[] rows)
    {
        using var buffer = new MemoryStream();
        buffer.SaveAs(rows.Select(r => (IDictionary<string, object?>)r), sheetName: sheet);
        return buffer.ToArray();
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Forecast_templates_download_with_chinese_headers_and_filled_ones_upload_and_forecast(Db db)
    {
        var app = await apps.GetAsync(db);
        using var client = await app.SignedInAsync("city-finance");

        // The templates: Chinese headers, example rows, no English.
        foreach (var (handler, headers) in new[]
                 {
                     ("GrowthTemplate", new[] { "区县", "指标", "中值增长率", "低值增长率", "高值增长率" }),
                     ("BudgetTemplate", new[] { "条款或文件", "年度", "预算金额（万元）" }),
                 })
        {
            var download = await client.GetAsync($"/simulation/forecast?handler={handler}");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            using var xlsx = new MemoryStream(await download.Content.ReadAsByteArrayAsync());
            var rows = MiniExcel.Query(xlsx, useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(headers, rows[0].Values.Select(v => v as string));
            Assert.True(rows.Count >= 3, $"{handler}: example rows");
            Assert.DoesNotMatch("[A-Za-z]{2,}", string.Join(",", rows.SelectMany(r => r.Values)));
        }

        // A filled growth sheet: 郑州高新区's main revenue 12 % (8 % low, 16 % high), the rest 8 % ± 4 points.
        var growth = Sheet("增长假设", new Dictionary<string, object?> { ["区县"] = "郑州高新区", ["指标"] = "主营业务收入", ["中值增长率"] = "12%", ["低值增长率"] = "8%", ["高值增长率"] = "16%" });
        var response = await ForecastAsync(client, ("GrowthUpload", "增长假设.xlsx", growth));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var direct = new Forecast(Scenario.Baseline(Huiqi.Policies.PolicySource.Default()),
            new GrowthAssumptions(0.08m, 0.04m, [new GrowthRule("郑州高新区", "mainRevenue", 0.12m, 0.08m, 0.16m, 2)]), 2024);
        var all = new List<Dossier>();
        await foreach (var d in app.Services.GetRequiredService<DossierStore>().StreamAsync())
        {
            all.Add(d);
        }

        direct.AddDossiers(all);
        var report = direct.Report();
        Assert.Contains($"id=\"forecast-central\">{Show.Money(report.Total.Central)}<", html, StringComparison.Ordinal);
        // Each band is explained: the growth assumed, the year's figures it starts from, what it yields.
        Assert.Contains($"低：以登记库{report.Dossiers:N0}家企业2024年的实际数据为基数，假设各项数据（收入、产值、纳税、各类费用和配套采购额）比2024年增长4%（中值8%减浮动4%），其中郑州高新区主营业务收入按8%，推算出2025年的数据，按现行政策逐家评估，预计2025年支出{Show.Money(report.Total.Low)}",
            html, StringComparison.Ordinal);

        // A filled budget sheet: 1万 for 郑政〔2023〕23号 in 2025 (its central forecast is far above it).
        var budget = Sheet("预算", new Dictionary<string, object?> { ["条款或文件"] = "郑政〔2023〕23号", ["年度"] = 2025, ["预算金额（万元）"] = 1 });
        response = await ForecastAsync(client, ("BudgetUpload", "预算.xlsx", budget));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("超出预算", html, StringComparison.Ordinal);
        Assert.Contains("<td>郑政〔2023〕23号</td><td class=\"num\">10,000</td>", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_bad_row_of_an_uploaded_budget_is_named_by_row_and_column_and_nothing_is_forecast(Db db)
    {
        var app = await apps.GetAsync(db);
        using var client = await app.SignedInAsync("city-finance");
        var budget = Sheet("预算",
            new Dictionary<string, object?> { ["条款或文件"] = "郑政〔2023〕23号第九条", ["年度"] = 2025, ["预算金额（万元）"] = 8000 },
            new Dictionary<string, object?> { ["条款或文件"] = "郑政〔2023〕23号", ["年度"] = "二〇二五", ["预算金额（万元）"] = 50000 },
            new Dictionary<string, object?> { ["条款或文件"] = "郑政〔2023〕99号", ["年度"] = 2025, ["预算金额（万元）"] = 100 });
        var response = await ForecastAsync(client, ("BudgetUpload", "预算.xlsx", budget));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        // Row 1 is the header: the bad year is on row 3, column B; the unknown document on row 4, column A.
        Assert.Contains("预算.xlsx 第 3 行：“二〇二五”不是数字（B列“年度”）", html, StringComparison.Ordinal);
        Assert.Contains("预算.xlsx 第 4 行：目录中没有条款或文件“郑政〔2023〕99号”", html, StringComparison.Ordinal);
        Assert.Contains("（A列“条款或文件”）", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"forecast-totals\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("is not", html, StringComparison.Ordinal);
    }
}

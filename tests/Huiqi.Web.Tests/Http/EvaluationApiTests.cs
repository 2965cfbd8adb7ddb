using System.Net;
using System.Text;
using System.Text.Json;
using Huiqi.Engine.Evaluation;
using Huiqi.Engine.Input;
using Huiqi.Engine.Output;
using Huiqi.Policies;

namespace Huiqi.Web.Tests.Http;

/// <summary>POST /api/evaluate and /api/evaluate/batch answer what the command line answers, on both databases.</summary>
public sealed class EvaluationApiTests(Apps apps) : IClassFixture<Apps>
{
    private const string Sensor = """{"uscc":"91410100MA3159566W","name":"郑州示例传感科技有限公司","district":"郑州高新区","traits":["industrial","manufacturing","above-scale","in-library"],"sectors":["sensor"],"figures":{"mainRevenue":{"2023":200000000,"2024":246000000}},"projects":[{"id":"P1","kind":"tech-reform","sei":true,"totalInvestment":30000000,"equipmentInvestment":24000000,"completedOn":"2024-05-31"}]}""";

    public static TheoryData<Db> Engines => Apps.Engines();

    /// <summary>
    /// What <c>huiqi evaluate FILE [--year Y] [--hints] [--trace]</c> prints, worked out as the command line works it
    /// out (the question read by DossierReader, the catalogue of PolicySource, the answer written indented, one error
    /// per line), from the engine itself: the command line's own output is held to the same examples in Huiqi.Cli.Tests.
    /// </summary>
    private static (bool Ok, string Out, string Err) Evaluate(string file, int? year = null, bool hints = false, bool trace = false)
    {
        var (read, questionYear, _) = DossierReader.ReadQuestion(File.ReadAllText(file), year);
        if (!read.Ok)
        {
            return (false, "", string.Concat(read.Errors.Select(e => e + "\n")));
        }

        var answer = new Evaluator(PolicySource.Load().Catalog!).Evaluate(read.Dossier!, questionYear!.Value, new EvaluationOptions { Hints = hints, Trace = trace });
        return (true, AnswerJson.ToJson(answer, indented: true) + "\n", "");
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Each_worked_example_is_answered_exactly_as_the_command_line_answers_it(Db db)
    {
        var app = await apps.GetAsync(db);
        using var client = app.Client();
        foreach (var file in Repo.ExampleFiles())
        {
            var (ok, output, error) = Evaluate(file);
            var response = await client.PostAsync("/api/evaluate", Json(await File.ReadAllTextAsync(file)));
            var body = await response.Content.ReadAsStringAsync();
            if (ok)
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{file}: {body}");
                Assert.Equal(output, body);
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{file}: {body}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                using var problem = JsonDocument.Parse(body);
                var lines = problem.RootElement.GetProperty("errors").EnumerateArray()
                    .Select(e => $"{e.GetProperty("path").GetString()}: {e.GetProperty("message").GetString()}").ToList();
                Assert.Equal(error.TrimEnd('\n').Split('\n'), lines);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_bad_dossier_is_a_400_problem_naming_every_path_in_chinese_and_english(Db db)
    {
        var app = await apps.GetAsync(db);
        using var client = app.Client();
        const string bad = """{"uscc":"91410100MA3159566W","name":"x","district":"郑州市","traits":["industral"],"figures":{"mainRevenue":{"2024":-5}},"colour":"red"}""";
        var response = await client.PostAsync("/api/evaluate?year=2024", Json(bad));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors").EnumerateArray().ToList();
        var paths = errors.Select(e => e.GetProperty("path").GetString()).ToList();
        Assert.Contains("district", paths);
        Assert.Contains("traits[0]", paths);
        Assert.Contains("figures.mainRevenue.2024", paths);
        Assert.All(errors, e =>
        {
            Assert.False(string.IsNullOrEmpty(e.GetProperty("chinese").GetString()));
            Assert.False(string.IsNullOrEmpty(e.GetProperty("english").GetString()));
        });

        // The same paths and messages as the command line prints on stderr.
        var file = Path.Combine(Path.GetTempPath(), $"huiqi-bad-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, bad);
        var (_, _, stderr) = Evaluate(file, 2024);
        Assert.Equal(stderr.TrimEnd('\n').Split('\n'), errors.Select(e => $"{e.GetProperty("path").GetString()}: {e.GetProperty("message").GetString()}"));

        var noYear = await client.PostAsync("/api/evaluate", Json(Sensor));
        Assert.Equal(HttpStatusCode.BadRequest, noYear.StatusCode);
        Assert.Contains("year", await noYear.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Hints_and_trace_are_query_options_as_on_the_command_line(Db db)
    {
        var app = await apps.GetAsync(db);
        using var client = app.Client();
        var file = Path.Combine(Path.GetTempPath(), $"huiqi-sensor-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, Sensor);
        var (_, plainCli, _) = Evaluate(file, 2024);
        var (_, fullCli, _) = Evaluate(file, 2024, hints: true, trace: true);

        var plain = await (await client.PostAsync("/api/evaluate?year=2024", Json(Sensor))).Content.ReadAsStringAsync();
        var full = await (await client.PostAsync("/api/evaluate?year=2024&hints=true&trace=true", Json(Sensor))).Content.ReadAsStringAsync();
        Assert.Equal(plainCli, plain);
        Assert.Equal(fullCli, full);
        Assert.DoesNotContain("\"hints\"", plain, StringComparison.Ordinal);
        Assert.Contains("再增加400万元", full, StringComparison.Ordinal);
        Assert.Contains("\"trace\"", full, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_batch_streams_one_answer_per_line_in_order_and_goes_on_past_a_bad_line(Db db)
    {
        var app = await apps.GetAsync(db);
        using var client = app.Client();
        var lines = Enumerable.Range(0, 600)
            .Select(i => i == 300 ? "{not json" : i == 301 ? "" : Sensor.Replace("246000000", (200_000_000 + (i * 100_000)).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
            .ToList();
        var content = new StringContent(string.Join("\n", lines), Encoding.UTF8, "application/x-ndjson");
        using var response = await client.PostAsync("/api/evaluate/batch?year=2024", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var answers = (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        Assert.Equal(600, answers.Length); // one line out for each line in, the blank one included
        using (var bad = JsonDocument.Parse(answers[300]))
        {
            Assert.Equal(301, bad.RootElement.GetProperty("line").GetInt32());
            Assert.Equal("(root)", bad.RootElement.GetProperty("errors")[0].GetProperty("path").GetString());
        }

        using (var blank = JsonDocument.Parse(answers[301]))
        {
            Assert.Equal(302, blank.RootElement.GetProperty("line").GetInt32());
            Assert.True(blank.RootElement.GetProperty("empty").GetBoolean());
        }

        // Each line is its number followed by the single answer of that dossier (written on one line), in input order.
        foreach (var i in new[] { 0, 1, 299, 302, 599 })
        {
            var single = await (await client.PostAsync("/api/evaluate?year=2024", Json(lines[i]))).Content.ReadAsStringAsync();
            using var expected = JsonDocument.Parse(single);
            var answer = System.Text.Json.Nodes.JsonNode.Parse(answers[i])!.AsObject();
            Assert.Equal(i + 1, (int)answer["line"]!);
            Assert.Equal("line", answer.First().Key);
            answer.Remove("line");
            Assert.Equal(JsonSerializer.Serialize(expected.RootElement), answer.ToJsonString());
        }

        var noYear = await client.PostAsync("/api/evaluate/batch", new StringContent(Sensor));
        Assert.Equal(HttpStatusCode.BadRequest, noYear.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Health_and_the_openapi_document_are_served(Db db)
    {
        var app = await apps.GetAsync(db);
        using var client = app.Client();
        var health = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());

        using var openapi = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var paths = openapi.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/evaluate", paths);
        Assert.Contains("/api/evaluate/batch", paths);
        Assert.Contains("/api/enterprises", paths);
        Assert.Contains("/api/enterprises/{uscc}", paths);
        Assert.Contains("/api/enterprises/{uscc}/evaluation", paths);
    }
}

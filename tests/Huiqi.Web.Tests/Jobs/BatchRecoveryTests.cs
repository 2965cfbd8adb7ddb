using System.Diagnostics;
using Huiqi.Cases;
using Huiqi.Demo;
using Huiqi.Engine.Evaluation;
using Huiqi.Policies;
using Huiqi.Store;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Huiqi.Web.Tests.Jobs;

/// <summary>
/// The no-application batch on Quartz.NET's persistent store survives its process: the real application runs in a
/// child process, is killed (SIGKILL, no shutdown) in the middle of a run, is started again, and the run completes with
/// every award line of the engine made into a case exactly once.
/// </summary>
public sealed class BatchRecoveryTests(ITestOutputHelper output)
{
    private const int Year = 2023;
    private const int Enterprises = 400;

    public static TheoryData<Db> Databases() => HuiqiApp.PostgresWanted ? new() { Db.Sqlite, Db.Postgres } : new() { Db.Sqlite };

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_batch_killed_mid_run_resumes_on_restart_and_makes_every_case_once(Db db)
    {
        await using var holder = db == Db.Sqlite ? HuiqiApp.Sqlite() : await HuiqiApp.PostgresAsync();
        var connection = holder.Connection;
        var registry = new HuiqiDatabase(connection);
        await registry.MigrateAsync();
        // Production needs the decision log's key from configuration: the test's own, given to both nodes below.
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(DecisionLogKey.MinBytes));
        var cases = new CasesDatabase(connection, DecisionLogKey.FromBase64(key, "test"));
        await cases.MigrateAsync();
        var store = new DossierStore(registry);
        await store.PutManyAsync(DemoCity.Generate(Enterprises), "test");

        // What the engine says on the same registry: the cases the batch must make, no more and no fewer.
        var catalog = PolicySource.Default();
        var evaluator = new Evaluator(catalog);
        var lines = 0;
        var total = 0m;
        await foreach (var d in store.StreamAsync())
        {
            foreach (var a in evaluator.Evaluate(d, Year, new EvaluationOptions()).Awards.Where(a => a.Amount > 0))
            {
                (lines, total) = (lines + 1, total + a.Amount);
            }
        }

        // The city starts the run (as the page or the command line does); the nodes pick its parts up from the store.
        var run = await new CaseBatch(cases, store, catalog, TimeProvider.System).StartAsync(Year, Actor.System("test"));

        var first = Node(connection, key);
        var killedAt = await WaitAsync(cases, run.Id, p => p.Evaluated > 0, first, TimeSpan.FromMinutes(3));
        first.Kill(entireProcessTree: true);
        await first.WaitForExitAsync();
        output.WriteLine($"killed after {killedAt} of {Enterprises} enterprises");
        await using (var ctx = cases.CreateDbContext())
        {
            Assert.Equal("running", (await ctx.BatchRuns.SingleAsync(r => r.Id == run.Id)).Status);
            Assert.True(killedAt < Enterprises, "the process must die in the middle of the run");
        }

        var second = Node(connection, key);
        try
        {
            await WaitAsync(cases, run.Id, p => p.Evaluated == Enterprises && p.Done, second, TimeSpan.FromMinutes(4));
        }
        finally
        {
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
        }

        await using var check = cases.CreateDbContext();
        var made = await check.Cases.Where(c => c.AwardYear == Year).Select(c => c.Proposed).ToListAsync();
        Assert.Equal(lines, made.Count);
        Assert.Equal(total, made.Sum());
        var parts = await check.BatchParts.Where(p => p.RunId == run.Id).ToListAsync();
        Assert.Equal(Enterprises, parts.Sum(p => p.Evaluated));
        Assert.Equal(lines, parts.Sum(p => p.CasesCreated));
        Assert.Equal(lines, await check.Decisions.CountAsync(d => d.Action == "push"));
        Assert.Null(await DecisionLog.VerifyAsync(check));
    }

    /// <summary>The application as a node: the built Huiqi.Web, on the given database, one batch thread, small chunks.</summary>
    private Process Node(string connection, string key)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(Repo.Root, "src", "Huiqi.Web", "bin", configuration, "net10.0", "Huiqi.Web.dll");
        Assert.True(File.Exists(dll), $"{dll} is not built");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["HUIQI_DB"] = connection;
        start.Environment["Huiqi__DecisionLogKey"] = key;
        start.Environment["Huiqi__Batch__ChunkSize"] = "5";
        start.Environment["Huiqi__Batch__Threads"] = "1";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Log(e.Data);
        process.ErrorDataReceived += (_, e) => Log(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Log(string? line)
    {
        if (line is not null)
        {
            try
            {
                output.WriteLine(line);
            }
            catch (InvalidOperationException)
            {
                // The test has ended; the child's last lines are not needed.
            }
        }
    }

    private static async Task<int> WaitAsync(CasesDatabase cases, long run, Func<(int Evaluated, bool Done), bool> until, Process node, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            Assert.False(node.HasExited, $"the node exited with {(node.HasExited ? node.ExitCode : 0)}");
            await using var ctx = cases.CreateDbContext();
            var evaluated = await ctx.BatchParts.Where(p => p.RunId == run).SumAsync(p => p.Evaluated);
            var done = await ctx.BatchRuns.Where(r => r.Id == run).Select(r => r.Status).SingleAsync() == "done";
            if (until((evaluated, done)))
            {
                return evaluated;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"the batch did not get there within {limit}");
    }
}

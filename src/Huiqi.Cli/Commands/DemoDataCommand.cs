using Huiqi.Demo;
using Huiqi.Engine.Output;

namespace Huiqi.Cli.Commands;

/// <summary>
/// <c>huiqi demo-data --enterprises N [--seed S] [--db …|--out FILE.jsonl]</c>: a deterministic synthetic Zhengzhou,
/// written into the registry (each enterprise replaced, so running it again changes nothing) or to a JSONL file.
/// </summary>
public sealed class DemoDataCommand : ICliCommand
{
    public string Name => "demo-data";

    public string Summary => "生成演示数据：demo-data --enterprises N [--seed S] [--db …|--out FILE.jsonl]";

    public async Task<int> RunAsync(Args args, CliIo io, CancellationToken cancel)
    {
        var count = args.IntOption("enterprises") ?? throw new UsageException("缺少 --enterprises N / --enterprises is required");
        var seed = args.IntOption("seed") ?? DemoCity.DefaultSeed;
        var outPath = args.Option("out");
        var db = StoreArgs.Db(args);
        args.EnsureAllRead();
        if (count <= 0)
        {
            throw new UsageException("--enterprises 应为正整数 / must be positive");
        }

        if (outPath is not null && args.Option("db") is not null)
        {
            throw new UsageException("--db 与 --out 只能选一个 / choose --db or --out");
        }

        if (outPath is not null)
        {
            await using var writer = new StreamWriter(outPath, false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
            foreach (var d in DemoCity.Generate(count, seed))
            {
                await writer.WriteLineAsync(DossierJson.ToJson(d));
            }

            await io.Out.WriteLineAsync($"已生成{count}家企业的演示档案：{outPath}（种子{seed}）");
            return ExitCode.Ok;
        }

        var store = await StoreArgs.OpenAsync(db, io, cancel);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var written = await store.PutManyAsync(DemoCity.Generate(count, seed), "demo-data", cancel);
        await io.Out.WriteLineAsync($"已写入{written}家企业的演示数据（种子{seed}），用时{started.Elapsed.TotalSeconds:0.0}秒");
        return ExitCode.Ok;
    }
}

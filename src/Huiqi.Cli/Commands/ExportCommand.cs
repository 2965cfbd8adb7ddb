using Huiqi.Engine.Model;
using Huiqi.Engine.Output;
using Huiqi.Store;
using Huiqi.Store.Import;

namespace Huiqi.Cli.Commands;

/// <summary>
/// <c>huiqi export [--db …] [--uscc U | --district D] [--out FILE.jsonl|FILE.xlsx] [--kind K,…]</c>: dossiers as
/// JSONL (the contract's format, one per line; to stdout without --out), or the fact tables as an xlsx workbook in
/// the templates' layout, which imports back as it is.
/// </summary>
public sealed class ExportCommand : ICliCommand
{
    public string Name => "export";

    public string Summary => "导出企业档案：export [--db …] [--uscc U | --district D] [--out FILE.jsonl|FILE.xlsx] [--kind K,…]";

    public async Task<int> RunAsync(Args args, CliIo io, CancellationToken cancel)
    {
        var uscc = args.Option("uscc");
        var district = args.Option("district");
        var outPath = args.Option("out");
        var kindList = args.Option("kind");
        var db = StoreArgs.Db(args);
        args.EnsureAllRead();
        if (args.Positional.Count > 0)
        {
            throw new UsageException("用法 / usage: huiqi export [--db …] [--uscc U | --district D] [--out FILE.jsonl|FILE.xlsx]");
        }

        if (district is not null && !Vocabulary.Districts.Contains(district))
        {
            throw new UsageException($"未知区县“{district}”，应为 / expected one of: {string.Join("、", Vocabulary.Districts)}");
        }

        var store = await StoreArgs.OpenAsync(db, io, cancel);
        if (outPath is not null && Path.GetExtension(outPath).Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            var kinds = kindList is null
                ? FactKind.All
                : kindList.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(k => FactKind.Find(k) ?? throw new UsageException($"未知的数据类型“{k}” / unknown kind '{k}'")).ToList();
            Sheets.WriteTables(outPath, () => Select(store, uscc, district, cancel).ToBlockingEnumerable(cancel), kinds);
            await io.Out.WriteLineAsync($"已导出：{outPath}（{string.Join("、", kinds.Select(k => k.Title))}）");
            return ExitCode.Ok;
        }

        var count = 0;
        await using var writer = outPath is null ? null : new StreamWriter(outPath, false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
        var target = writer ?? io.Out;
        await foreach (var d in Select(store, uscc, district, cancel))
        {
            await target.WriteLineAsync(DossierJson.ToJson(d));
            count++;
        }

        if (uscc is not null && count == 0)
        {
            await io.Error.WriteLineAsync($"企业库中没有统一社会信用代码为{uscc}的企业 / no enterprise {uscc}");
            return ExitCode.Failure;
        }

        await io.Error.WriteLineAsync($"exported {count} dossiers{(outPath is null ? "" : " to " + outPath)}");
        return ExitCode.Ok;
    }

    private static async IAsyncEnumerable<Dossier> Select(DossierStore store, string? uscc, string? district, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancel)
    {
        if (uscc is not null)
        {
            if (await store.GetAsync(uscc, cancel) is { } one)
            {
                yield return one;
            }

            yield break;
        }

        await foreach (var d in store.StreamAsync(district, cancel: cancel))
        {
            yield return d;
        }
    }
}

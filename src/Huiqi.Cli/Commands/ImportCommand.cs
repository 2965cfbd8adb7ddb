using Huiqi.Store.Import;

namespace Huiqi.Cli.Commands;

/// <summary>
/// <c>huiqi import FILE.xlsx|FILE.csv [--kind KIND] [--db …] [--dry-run] [--report ERRORS.xlsx|ERRORS.csv]</c>: a district bureau's
/// sheet into the registry, all or nothing; <c>huiqi import --template KIND|all [--out FILE.xlsx]</c>: the empty
/// template; <c>--template figures --sample N --out FILE.xlsx</c>: a benchmark sheet over the registry's enterprises.
/// </summary>
public sealed class ImportCommand : ICliCommand
{
    public string Name => "import";

    public string Summary => "导入企业数据表：import FILE.xlsx|FILE.csv [--kind K] [--db …] [--dry-run] [--report ERR.xlsx] | --template KIND|all [--out F.xlsx]";

    public async Task<int> RunAsync(Args args, CliIo io, CancellationToken cancel)
    {
        var template = args.Option("template");
        var sample = args.IntOption("sample");
        var outPath = args.Option("out");
        var kindName = args.Option("kind");
        var dryRun = args.Flag("dry-run");
        var reportPath = args.Option("report");
        var db = StoreArgs.Db(args);
        var actor = StoreArgs.Actor(args);
        args.EnsureAllRead();

        if (template is not null)
        {
            return await TemplateAsync(template, sample, outPath, db, io, cancel);
        }

        var file = args.Positional.Count == 1
            ? args.Positional[0]
            : throw new UsageException("用法 / usage: huiqi import FILE.xlsx|FILE.csv [--kind KIND] [--db …] [--dry-run] [--report ERRORS.xlsx|ERRORS.csv]；模板 / template: huiqi import --template KIND|all");
        var store = await StoreArgs.OpenAsync(db, io, cancel);
        var report = await new Importer(store.Database).ImportAsync(file, new ImportOptions { Kind = kindName, Actor = actor, DryRun = dryRun }, cancel);
        await io.Out.WriteAsync(report.ToText());
        if (reportPath is not null)
        {
            report.WriteErrors(reportPath);
            await io.Error.WriteLineAsync($"错误清单已写入 / errors written to {reportPath}");
        }

        return report.Ok ? ExitCode.Ok : ExitCode.BadInput;
    }

    private static async Task<int> TemplateAsync(string name, int? sample, string? outPath, string? db, CliIo io, CancellationToken cancel)
    {
        IReadOnlyList<FactKind> kinds = name == "all"
            ? FactKind.All
            : FactKind.Find(name) is { } k ? [k] : throw new UsageException($"未知的数据类型“{name}” / unknown kind; 可用 / one of: all, {string.Join(", ", FactKind.All.Select(x => x.ToString()))}");
        var path = outPath ?? (name == "all" ? "模板-全部.xlsx" : $"模板-{kinds[0].Title}.xlsx");
        if (sample is { } rows)
        {
            if (kinds is not [var only] || only != FactKind.Figures)
            {
                throw new UsageException("--sample 仅用于 --template figures / --sample works with --template figures only");
            }

            var store = await StoreArgs.OpenAsync(db, io, cancel);
            var usccs = new List<string>();
            await foreach (var d in store.StreamAsync(cancel: cancel))
            {
                usccs.Add(d.Uscc);
            }

            if (usccs.Count == 0)
            {
                await io.Error.WriteLineAsync("企业库为空：请先运行 huiqi demo-data / the registry is empty: run huiqi demo-data first");
                return ExitCode.Failure;
            }

            Sheets.WriteFigureSample(path, usccs, rows);
            await io.Out.WriteLineAsync($"已生成{rows}行指标数据样表：{path}");
            return ExitCode.Ok;
        }

        Sheets.WriteTemplate(path, kinds);
        await io.Out.WriteLineAsync($"模板已生成：{path}（{string.Join("、", kinds.Select(x => x.Title))}，另附“填写说明”）");
        return ExitCode.Ok;
    }
}

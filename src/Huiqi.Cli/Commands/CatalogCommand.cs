using System.Text;
using Huiqi.Engine.Catalog;
using Huiqi.Engine.Model;
using Huiqi.Policies;

namespace Huiqi.Cli.Commands;

/// <summary><c>huiqi catalog list|show ID|check</c>: the policy catalogue as an officer reads and checks it.</summary>
public sealed class CatalogCommand : ICliCommand
{
    public string Name => "catalog";

    public string Summary => "政策目录：list 列出条款，show ID 查看条款，check 校验目录 / the policy catalogue: list, show ID, check";

    public async Task<int> RunAsync(Args args, CliIo io, CancellationToken cancel)
    {
        var dir = args.Option("catalog");
        args.EnsureAllRead();
        var verb = args.Positional.Count > 0 ? args.Positional[0] : throw new UsageException("用法 / usage: huiqi catalog list | show ID | check [--catalog DIR]");
        var result = PolicySource.Load(dir);
        if (verb == "check")
        {
            return await CheckAsync(result, io);
        }

        if (result.Catalog is null)
        {
            await WriteErrorsAsync(result, io);
            return ExitCode.Failure;
        }

        switch (verb)
        {
            case "list":
                foreach (var c in result.Catalog.Clauses)
                {
                    await io.Out.WriteLineAsync($"{c.Id}\t{c.Title}\t{Window(c)}\t{c.Document.StatusOn(io.Clock.Today()).Chinese()}{(c.IsReferral ? "\t转人工" : "")}");
                }

                return ExitCode.Ok;
            case "show":
                var id = args.Positional.Count > 1 ? args.Positional[1] : throw new UsageException("用法 / usage: huiqi catalog show ID（例如 zz2023-23/5）");
                if (!result.Catalog.ClausesById.TryGetValue(id, out var clause))
                {
                    await io.Error.WriteLineAsync($"没有条款“{id}” / no clause '{id}'. 运行 huiqi catalog list 查看全部条款。");
                    return ExitCode.BadInput;
                }

                await io.Out.WriteAsync(Show(result.Catalog, clause, result.Switches, io.Clock.Today()));
                return ExitCode.Ok;
            default:
                throw new UsageException($"未知的子命令“{verb}” / unknown sub-command '{verb}': list, show ID, check");
        }
    }

    private static async Task<int> CheckAsync(CatalogLoadResult result, CliIo io)
    {
        if (result.Catalog is null)
        {
            await WriteErrorsAsync(result, io);
            return ExitCode.Failure;
        }

        var catalog = result.Catalog;
        var results = ClauseTestRunner.RunAll(catalog);
        var failed = results.Where(r => !r.Passed).ToList();
        foreach (var f in failed)
        {
            await io.Error.WriteLineAsync(f.ToString());
        }

        var summary = $"{catalog.Documents.Count} 个文件，{catalog.Clauses.Count} 条条款，{catalog.Libraries.Count} 个培育库规则，{result.Switches.Met.Count} 个解读口径开关，{results.Count} 个用例";
        if (failed.Count > 0)
        {
            await io.Error.WriteLineAsync($"目录检查未通过：{failed.Count} 个用例失败（{summary}） / catalogue check failed: {failed.Count} case(s)");
            return ExitCode.Failure;
        }

        await io.Out.WriteLineAsync($"目录检查通过：{summary} / catalogue check passed");
        return ExitCode.Ok;
    }

    private static async Task WriteErrorsAsync(CatalogLoadResult result, CliIo io)
    {
        foreach (var e in result.Errors)
        {
            await io.Error.WriteLineAsync(e.ToString());
        }

        await io.Error.WriteLineAsync($"政策目录有 {result.Errors.Count} 处错误 / the catalogue has {result.Errors.Count} error(s)");
    }

    private static string Window(Clause c) => c.EffectiveWindow is { } w
        ? $"{w.From:yyyy-MM-dd}..{(w.To == DateOnly.MaxValue ? "长期" : w.To.ToString("yyyy-MM-dd"))}"
        : c.Document.DurationYears is { } y ? $"生效后{y}年" : "未定";


    /// <summary>Everything a reviewer needs to recompute an award line by hand.</summary>
    internal static string Show(PolicyCatalog catalog, Clause c, ReadingSwitches switches, DateOnly today)
    {
        var d = c.Document;
        var sb = new StringBuilder();
        sb.AppendLine($"{c.Id}  {c.Title}");
        sb.AppendLine($"文件 / document: {d.FullName}");
        sb.AppendLine($"状态 / status: {d.Explained(today)}");
        sb.AppendLine($"有效期 / window: {Window(c)}{(c.OwnWindow is not null ? "（本条自定期间）" : "")}");
        sb.AppendLine($"资金分担 / who pays: {d.Split}");
        sb.AppendLine($"兑现方式 / way: {(c.Way == ClauseWay.NoApplication ? "免申即享" : "快申快享（需申请）")}{(c.IsReferral ? "，转人工（无公式金额）" : "")}");
        if (c.Library is not null)
        {
            sb.AppendLine($"适用范围 / only for members of: {c.Library}");
        }

        sb.AppendLine($"位置 / source: {c.File}:{c.Line}（原文 {d.TextFile}）");
        sb.AppendLine();
        sb.AppendLine("原文 / text:");
        foreach (var t in c.Text)
        {
            sb.AppendLine($"  “{t}”");
        }

        sb.AppendLine();
        sb.AppendLine("解读 / reading:");
        foreach (var line in ClauseReading.Of(catalog, c, today).Sentences)
        {
            sb.AppendLine("  " + line);
        }

        sb.AppendLine();
        foreach (var part in c.Parts)
        {
            sb.AppendLine($"规则 / rule: {part.RuleName}{(part.Item is not null ? $"（{part.Item}）" : "")}");
        }

        sb.AppendLine("参数 / parameters:");
        foreach (var line in c.ParamsText.Split('\n'))
        {
            sb.AppendLine("  " + line);
        }

        var mine = switches.Met.Where(s => s.Clause == c.Id).ToList();
        if (mine.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("解读口径 / reading switches:");
            foreach (var s in mine)
            {
                sb.AppendLine($"  {s.Name}: {s.Value}（默认 {s.Default}；可选 {string.Join(" / ", s.Readings)}）");
            }
        }

        var precedence = catalog.Precedence.Where(p => p switch
        {
            Supersedes s => s.By == c.Id || s.Over == c.Id,
            HighestOnly h => h.Clauses.Contains(c.Id),
            _ => false,
        }).ToList();
        if (precedence.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("优先规则 / precedence:");
            foreach (var p in precedence)
            {
                sb.AppendLine(p switch
                {
                    Supersedes s => $"  {s.From:yyyy-MM-dd}起，{s.Over} 的 {string.Join("、", s.Items)} 按 {s.By} 执行（“{string.Join("", s.Text)}”）",
                    HighestOnly h => $"  从高不重复：{string.Join("、", h.Clauses)}（“{string.Join("", h.Text)}”）",
                    _ => "",
                });
            }
        }

        if (c.Tests.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("用例 / cases:");
            foreach (var t in c.Tests)
            {
                sb.AppendLine($"  {t.Year}年 {t.Name} → {(t.ExpectReferral ? "转人工" : Engine.Evaluation.Zh.Money(t.Amount))}{(t.Boundary ? "（边界）" : "")}");
            }
        }

        return sb.ToString();
    }
}

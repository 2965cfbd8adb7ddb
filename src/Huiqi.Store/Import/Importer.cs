using System.Text.Json;
using Huiqi.Engine.Model;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Store.Import;

/// <summary>How to import a file.</summary>
public sealed record ImportOptions
{
    /// <summary>The kind of every sheet (<c>figures</c>, <c>荣誉称号</c>…); null to recognise each sheet by its name or headers.</summary>
    public string? Kind { get; init; }

    /// <summary>Who imports: recorded in the audit log.</summary>
    public string Actor { get; init; } = "import";

    /// <summary>Check only; write nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>The file's size cap and a sheet's row cap.</summary>
    public ImportLimits Limits { get; init; } = ImportLimits.Registry;
}

/// <summary>
/// Imports an xlsx workbook or a CSV file of facts into the registry, all or nothing. The file is read twice, row by
/// row: the first pass checks every row (by the dossier rules, against the registry's enterprises, and for repeats
/// within the file); only when no row is wrong does the second pass write, in one transaction, in batches of upserts
/// on USCC + natural key, so that importing the same file again changes nothing. Memory is bounded by the batch and the
/// duplicate index (8 bytes per fact), never by the sheet; <see cref="ImportLimits.Registry"/> bounds the file and the
/// rows of a sheet.
/// </summary>
public sealed class Importer(HuiqiDatabase database)
{
    /// <summary>Rows written per save; the change tracker is cleared after each.</summary>
    public const int BatchSize = 1000;

    private static readonly string[] InstructionSheets = ["填写说明", "说明", "使用说明", "instructions"];

    public async Task<ImportReport> ImportAsync(string path, ImportOptions? options = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new ImportOptions();
        var report = new ImportReport { File = path };
        var issues = report.Issues;
        var layouts = Layouts(path, options, issues);
        if (layouts.Count == 0)
        {
            if (issues.ErrorCount == 0)
            {
                issues.Error("", 0, "", Path.GetFileName(path), "文件中没有可导入的工作表（找不到含“统一社会信用代码”列的表头）");
            }

            return report;
        }

        await using (var db = database.CreateDbContext())
        {
            var known = await db.Enterprises.AsNoTracking().Select(e => e.Uscc).ToHashSetAsync(StringComparer.Ordinal, cancel);
            Check(path, layouts, known, options.Limits, report, cancel);
        }

        if (!report.Ok || options.DryRun)
        {
            return report;
        }

        await WriteAsync(path, layouts, options.Actor, report, cancel);
        return report;
    }

    private static List<SheetLayout> Layouts(string path, ImportOptions options, ImportIssues issues)
    {
        var file = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            issues.Error("", 0, "", path, "文件不存在");
            return [];
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension == ".xls")
        {
            issues.Error("", 0, "", file, "不支持旧版.xls格式：请在Excel中“另存为”Excel工作簿（.xlsx）后再导入");
            return [];
        }

        if (extension is not (".xlsx" or ".xlsm") && !SheetSource.IsCsv(path))
        {
            issues.Error("", 0, "", file, "只能导入.xlsx或.csv文件");
            return [];
        }

        if (new FileInfo(path).Length > options.Limits.MaxBytes)
        {
            issues.Error("", 0, "", file, options.Limits.TooLarge);
            return [];
        }

        FactKind? forced = null;
        if (options.Kind is not null && (forced = FactKind.Find(options.Kind)) is null)
        {
            issues.Error("", 0, "", options.Kind, $"未知的数据类型，应为以下之一：{string.Join("、", FactKind.All.Select(k => k.ToString()))}");
            return [];
        }

        var layouts = new List<SheetLayout>();
        try
        {
            foreach (var sheet in SheetSource.SheetNames(path))
            {
                if (InstructionSheets.Contains(sheet.Trim(), StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }

                var top = SheetSource.Rows(path, sheet).Take(SheetLayout.HeaderSearchRows).ToList();
                if (top.All(r => r.Cells.All(Cells.IsBlank)))
                {
                    continue;
                }

                if (SheetLayout.Detect(sheet, top, forced, issues) is { } layout)
                {
                    layouts.Add(layout);
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException or NotSupportedException)
        {
            issues.Error("", 0, "", file, $"无法读取文件：不是有效的{(SheetSource.IsCsv(path) ? "CSV" : "xlsx")}文件（{e.Message}）");
            return [];
        }

        // Enterprises first: a workbook's other sheets may name enterprises its 企业信息 sheet registers.
        return [.. layouts.OrderBy(l => l.Kind == FactKind.Enterprises ? 0 : 1)];
    }

    /// <summary>The first pass: every row checked, nothing written.</summary>
    private static void Check(string path, List<SheetLayout> layouts, HashSet<string> known, ImportLimits limits, ImportReport report, CancellationToken cancel)
    {
        var seen = new Dictionary<ulong, (string Sheet, int Row, ulong Content)>();
        foreach (var layout in layouts)
        {
            var reader = new RowReader(layout, report.Issues, known.Contains);
            int rows = 0, facts = 0;
            foreach (var (row, cells) in SheetSource.Rows(path, layout.Sheet))
            {
                if (row <= layout.HeaderRow)
                {
                    continue;
                }

                cancel.ThrowIfCancellationRequested();
                var dossier = reader.Read(row, cells, out var skipped);
                if (skipped)
                {
                    continue;
                }

                if (++rows > limits.MaxRows)
                {
                    report.Issues.Error(layout.Sheet, row, "", null, limits.TooManyRows);
                    break;
                }

                if (dossier is null)
                {
                    continue;
                }

                if (layout.Kind == FactKind.Enterprises)
                {
                    known.Add(dossier.Uscc);
                    facts++;
                    Unique(seen, layout, row, dossier.Uscc, "enterprise", dossier.Uscc, 0, allowSame: false, report.Issues);
                    continue;
                }

                foreach (var fact in FactMapper.ToRows(dossier))
                {
                    facts++;
                    var parent = fact is ProjectRow or PatentProductRow;
                    var content = parent ? Hash(JsonSerializer.Serialize(fact, fact.GetType())) : 0;
                    Unique(seen, layout, row, dossier.Uscc, fact.GetType().Name, fact.NaturalKey(), content, allowSame: parent, report.Issues);
                }
            }

            report.Sheets.Add(new SheetSummary(layout.Sheet, layout.Kind.ToString(), rows, facts));
        }
    }

    /// <summary>
    /// A fact may appear once per file (a project or patent may repeat on several rows, one per period of its series,
    /// but must then say the same each time). The index holds 64-bit hashes, not the keys, to stay small.
    /// </summary>
    private static void Unique(Dictionary<ulong, (string Sheet, int Row, ulong Content)> seen, SheetLayout layout, int row, string uscc, string type, string key, ulong content, bool allowSame, ImportIssues issues)
    {
        var hash = Hash($"{uscc}|{type}|{key}");
        if (!seen.TryGetValue(hash, out var first))
        {
            seen[hash] = (layout.Sheet, row, content);
            return;
        }

        if (allowSame && first.Content == content)
        {
            return;
        }

        var where = first.Sheet == layout.Sheet ? $"第{first.Row}行" : $"工作表“{first.Sheet}”第{first.Row}行";
        var what = string.Join("、", key.Split('|').Where(k => k.Length > 0).Select(Vocabulary.Chinese));
        issues.Error(layout.Sheet, row, layout["uscc"]!.Label, uscc, type == "enterprise"
            ? $"与{where}是同一家企业，每家企业只能填写一行"
            : allowSame
                ? $"与{where}是同一项（{what}），但其余各列不一致，请统一"
                : $"与{where}重复：同一企业的同一项（{what}）只能填写一次");
    }

    /// <summary>FNV-1a, 64 bits.</summary>
    private static ulong Hash(string text)
    {
        var h = 14695981039346656037UL;
        foreach (var c in text)
        {
            h = unchecked((h ^ c) * 1099511628211UL);
        }

        return h;
    }

    /// <summary>The second pass: the same rows, written in one transaction.</summary>
    private async Task WriteAsync(string path, List<SheetLayout> layouts, string actor, ImportReport report, CancellationToken cancel)
    {
        await using var db = database.CreateDbContext(actor);
        await using var tx = await db.Database.BeginTransactionAsync(cancel);
        var recheck = new ImportIssues();
        foreach (var layout in layouts)
        {
            var reader = new RowReader(layout, recheck, _ => true); // the first pass checked every enterprise
            var batch = new List<Dossier>(BatchSize);
            foreach (var (row, cells) in SheetSource.Rows(path, layout.Sheet))
            {
                if (row <= layout.HeaderRow)
                {
                    continue;
                }

                cancel.ThrowIfCancellationRequested();
                if (reader.Read(row, cells, out _) is { } dossier)
                {
                    batch.Add(dossier);
                }

                if (recheck.ErrorCount > 0)
                {
                    throw new InvalidOperationException($"{path} changed while it was imported (row {row} of {layout.Sheet} no longer reads); nothing was written");
                }

                if (batch.Count == BatchSize)
                {
                    await WriteBatchAsync(db, layout, batch, report, cancel);
                    batch.Clear();
                }
            }

            await WriteBatchAsync(db, layout, batch, report, cancel);
        }

        await tx.CommitAsync(cancel);
        report.Written = true;
    }

    private static async Task WriteBatchAsync(HuiqiDbContext db, SheetLayout layout, List<Dossier> batch, ImportReport report, CancellationToken cancel)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var heads = await DossierStore.HeadsAsync(db, batch.Select(d => d.Uscc), cancel);
        int total;
        if (layout.Kind == FactKind.Enterprises)
        {
            total = batch.Count;
            foreach (var d in batch)
            {
                if (!heads.TryGetValue(d.Uscc, out var head))
                {
                    heads[d.Uscc] = head = new EnterpriseRow { Uscc = d.Uscc };
                    db.Enterprises.Add(head);
                }

                // Only the columns the sheet has are written: a sheet without 企业特征 leaves the traits as they were.
                head.Name = d.Name;
                head.District = d.District;
                if (layout["traits"] is not null)
                {
                    head.Traits = string.Join(',', d.Traits);
                }

                if (layout["sectors"] is not null)
                {
                    head.Sectors = string.Join(',', d.Sectors);
                }

                if (layout["relocatedOn"] is not null)
                {
                    head.RelocatedOn = d.RelocatedOn;
                }
            }
        }
        else
        {
            var rows = new List<FactRow>();
            foreach (var d in batch)
            {
                foreach (var row in FactMapper.ToRows(d))
                {
                    row.Enterprise = heads[d.Uscc];
                    rows.Add(row);
                }
            }

            total = rows.Select(r => (r.Enterprise!.Id, r.GetType(), r.NaturalKey())).Distinct().Count();
            await FactWriter.UpsertAsync(db, rows, null, cancel);
        }

        db.ChangeTracker.DetectChanges();
        var added = db.ChangeTracker.Entries().Count(e => e.State == EntityState.Added && e.Entity is FactRow or EnterpriseRow);
        var modified = db.ChangeTracker.Entries().Count(e => e.State == EntityState.Modified && e.Entity is FactRow or EnterpriseRow);
        report.Inserted += added;
        report.Updated += modified;
        report.Unchanged += total - added - modified;
        await db.SaveChangesAsync(cancel);
        db.ChangeTracker.Clear();
    }
}

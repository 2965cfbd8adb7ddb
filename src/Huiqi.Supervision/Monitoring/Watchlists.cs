using System.Globalization;
using Huiqi.Store;
using Huiqi.Store.Import;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Supervision.Monitoring;

/// <summary>One monthly figure of a watched enterprise (a form field or a spreadsheet row).</summary>
public sealed record EnterpriseFigure(string Uscc, string Indicator, int Year, int Month, decimal Value);

/// <summary>
/// A watched enterprise's indicator that fell by more than the threshold (重点企业预警): its figure of
/// (Year, Month) against the earlier one, 环比 (month on month) or 同比 (year on year), the fall in percent of the
/// earlier figure, and the threshold it passed.
/// </summary>
public sealed record DropWarning(string Uscc, string Name, string District, string Indicator, int Year, int Month, string Basis, decimal Before, decimal Now, decimal DropPercent, decimal Threshold)
{
    public string Text => $"{District} {Name} {Indicator} {Year}年{Month}月 {Now:#,0.##} {Watchlists.Indicators.First(i => i.Indicator == Indicator).Unit}，{Basis}下降 {DropPercent:0.#}%（预警阈值 {Threshold:0.#}%）";
}

/// <summary>
/// Key-enterprise watchlists (重点企业监测): the city's leading enterprises and each district's 20–30 backbone
/// enterprises, added and removed with a reason; their monthly indicators from a form or an xlsx (all or nothing);
/// and a warning whenever an indicator falls month on month or year on year by more than the threshold the city sets.
/// A district's bureau manages its own list and its own enterprises only.
/// </summary>
public sealed class Watchlists(HuiqiDatabase registry, MonitoringDatabase monitoring, TimeProvider clock)
{
    /// <summary>The monthly indicators of a watched enterprise, each in 万元 or 万千瓦时 (the figure of that month).</summary>
    public static readonly IReadOnlyList<(string Indicator, string Unit)> Indicators =
        [("营业收入", "万元"), ("工业产值", "万元"), ("利润总额", "万元"), ("实缴税金", "万元"), ("用电量", "万千瓦时")];

    public static readonly string[] Columns = ["统一社会信用代码", "企业名称", "指标", "年度", "月份", "当月值"];

    /// <summary>The fall the city tolerates when it has set nothing: 20% (a fifth of a month's revenue is a signal worth a call).</summary>
    public const decimal DefaultThreshold = 20m;

    /// <summary>Adds an enterprise to a list; <paramref name="allowed"/> is the caller's district, or null for the city.</summary>
    public async Task<string?> AddAsync(string level, string uscc, string reason, string? allowed, string actor, CancellationToken cancel = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return "请填写纳入理由";
        }

        if (allowed is not null && level != allowed)
        {
            return $"只能管理本区县（{allowed}）的重点企业名单";
        }

        await using var store = registry.CreateDbContext();
        var e = await store.Enterprises.AsNoTracking().SingleOrDefaultAsync(x => x.Uscc == uscc.Trim().ToUpperInvariant(), cancel);
        if (e is null || (allowed is not null && e.District != allowed))
        {
            return $"登记库中没有统一社会信用代码为 {uscc} 的{(allowed is null ? "" : "本区县")}企业";
        }

        if (level != WatchEntryRow.CityLevel && e.District != level)
        {
            return $"{e.Name}属于{e.District}，不能列入{level}的名单";
        }

        await using var db = monitoring.CreateDbContext(actor);
        if (await db.Watchlist.AnyAsync(w => w.Level == level && w.Uscc == e.Uscc && w.RemovedAt == null, cancel))
        {
            return $"{e.Name}已在名单中";
        }

        db.Watchlist.Add(new WatchEntryRow { Level = level, Uscc = e.Uscc, Name = e.Name, District = e.District, Reason = reason.Trim(), AddedBy = actor, AddedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancel);
        return null;
    }

    /// <summary>Takes an enterprise off a list, keeping the entry with the reason.</summary>
    public async Task<string?> RemoveAsync(long id, string reason, string? allowed, string actor, CancellationToken cancel = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return "请填写移出理由";
        }

        await using var db = monitoring.CreateDbContext(actor);
        var entry = await db.Watchlist.SingleOrDefaultAsync(w => w.Id == id && w.RemovedAt == null && (allowed == null || w.Level == allowed), cancel);
        if (entry is null)
        {
            return "名单中没有这家企业";
        }

        entry.RemovedAt = clock.GetUtcNow().UtcDateTime;
        entry.RemovedBy = actor;
        entry.RemovalReason = reason.Trim();
        await db.SaveChangesAsync(cancel);
        return null;
    }

    /// <summary>The entries in scope (current ones, or with <paramref name="history"/> also those removed).</summary>
    public async Task<IReadOnlyList<WatchEntryRow>> ListAsync(string? district, bool history = false, CancellationToken cancel = default)
    {
        await using var db = monitoring.CreateDbContext("system");
        return await db.Watchlist.AsNoTracking()
            .Where(w => (district == null || w.District == district) && (history || w.RemovedAt == null))
            .OrderBy(w => w.Level).ThenBy(w => w.District).ThenBy(w => w.Name)
            .ToListAsync(cancel);
    }

    /// <summary>Saves monthly figures all or nothing: each enterprise must be on a current list in scope.</summary>
    public async Task<SaveResult> SaveAsync(IReadOnlyList<(int Row, EnterpriseFigure Figure)> figures, string? allowed, string actor, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(figures);
        await using var db = monitoring.CreateDbContext(actor);
        var watched = (await db.Watchlist.AsNoTracking().Where(w => w.RemovedAt == null && (allowed == null || w.District == allowed)).ToListAsync(cancel))
            .GroupBy(w => w.Uscc).ToDictionary(g => g.Key, g => g.First());
        var errors = new List<RowError>();
        foreach (var (row, f) in figures)
        {
            if (!watched.ContainsKey(f.Uscc))
            {
                errors.Add(new RowError(row, "统一社会信用代码", f.Uscc, allowed is null ? "不在重点企业名单中" : $"不在{allowed}的重点企业名单中"));
            }

            if (!Indicators.Any(i => i.Indicator == f.Indicator))
            {
                errors.Add(new RowError(row, "指标", f.Indicator, $"应为：{string.Join("、", Indicators.Select(i => i.Indicator))}"));
            }

            if (f.Year is < 2019 or > 2030 || f.Month is < 1 or > 12)
            {
                errors.Add(new RowError(row, "月份", $"{f.Year}-{f.Month}", "年度应在 2019 至 2030 年之间，月份为 1 至 12"));
            }

            if (f.Value < 0 && f.Indicator != "利润总额")
            {
                errors.Add(new RowError(row, "当月值", f.Value.ToString(CultureInfo.InvariantCulture), "不能为负数"));
            }
        }

        foreach (var dup in figures.GroupBy(x => (x.Figure.Uscc, x.Figure.Indicator, x.Figure.Year, x.Figure.Month)).Where(g => g.Count() > 1))
        {
            errors.Add(new RowError(dup.Skip(1).First().Row, "指标", dup.Key.Indicator, $"与第 {dup.First().Row} 行重复（同一企业、指标、年月只能报一个数）"));
        }

        if (errors.Count > 0)
        {
            return new SaveResult(0, 0, errors);
        }

        await using var tx = await db.Database.BeginTransactionAsync(cancel);
        int inserted = 0, updated = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (_, f) in figures)
        {
            var row = await db.EnterpriseIndicators.SingleOrDefaultAsync(r => r.Uscc == f.Uscc && r.Indicator == f.Indicator && r.Year == f.Year && r.Month == f.Month, cancel);
            if (row is null)
            {
                db.EnterpriseIndicators.Add(new EnterpriseIndicatorRow { Uscc = f.Uscc, District = watched[f.Uscc].District, Indicator = f.Indicator, Year = f.Year, Month = f.Month, Value = f.Value, ReportedBy = actor, ReportedAt = now });
                inserted++;
            }
            else if (row.Value != f.Value)
            {
                (row.Value, row.ReportedBy, row.ReportedAt) = (f.Value, actor, now);
                updated++;
            }
        }

        await db.SaveChangesAsync(cancel);
        await tx.CommitAsync(cancel);
        return new SaveResult(inserted, updated, []);
    }

    /// <summary>Reads an uploaded sheet of monthly figures within <see cref="ImportLimits.Watchlist"/> and saves it all or nothing.</summary>
    public async Task<SaveResult> ImportAsync(Stream xlsx, string? allowed, string actor, CancellationToken cancel = default)
    {
        var sheet = await UploadSheet.OpenAsync(xlsx, ImportLimits.Watchlist, Columns.Where(c => c != "企业名称"), cancel);
        var rows = new List<(int, EnterpriseFigure)>();
        var errors = new List<RowError>();
        foreach (var r in sheet.Rows())
        {
            string Text(string c) => Convert.ToString(r[c], CultureInfo.InvariantCulture)?.Trim() ?? "";
            if (Text("当月值").Length == 0)
            {
                continue;
            }

            var n = r.Number;
            var ok = int.TryParse(Text("年度"), out var year) & int.TryParse(Text("月份"), out var month);
            if (!ok)
            {
                errors.Add(new RowError(n, "年度/月份", $"{Text("年度")}/{Text("月份")}", "应为整数"));
            }

            if (!decimal.TryParse(Text("当月值"), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                errors.Add(new RowError(n, "当月值", Text("当月值"), "应为数字"));
                ok = false;
            }

            if (ok)
            {
                rows.Add((n, new EnterpriseFigure(Text("统一社会信用代码").ToUpperInvariant(), Text("指标"), year, month, value)));
            }
        }

        if (sheet.Refusal is not null)
        {
            return new SaveResult(0, 0, [RowError.Refused(sheet)]);
        }

        return errors.Count > 0 ? new SaveResult(0, 0, errors) : await SaveAsync(rows, allowed, actor, cancel);
    }

    /// <summary>A sheet to fill: one row per watched enterprise in scope and indicator, for a month.</summary>
    public async Task<byte[]> TemplateAsync(string? district, int year, int month, CancellationToken cancel = default)
    {
        var rows = new List<Dictionary<string, object?>>();
        foreach (var e in (await ListAsync(district, cancel: cancel)).DistinctBy(e => e.Uscc))
        {
            foreach (var (indicator, _) in Indicators)
            {
                rows.Add(new Dictionary<string, object?> { [Columns[0]] = e.Uscc, [Columns[1]] = e.Name, [Columns[2]] = indicator, [Columns[3]] = year, [Columns[4]] = month, [Columns[5]] = null });
            }
        }

        if (rows.Count == 0)
        {
            rows.Add(Columns.ToDictionary(c => c, _ => (object?)null));
        }

        return Workbooks.Bytes(rows, "重点企业月度指标");
    }

    /// <summary>Sets the city's threshold for an indicator (or <c>*</c> for all).</summary>
    public async Task SetThresholdAsync(string indicator, decimal dropPercent, string actor, CancellationToken cancel = default)
    {
        await using var db = monitoring.CreateDbContext(actor);
        var row = await db.Thresholds.SingleOrDefaultAsync(t => t.Indicator == indicator, cancel);
        if (row is null)
        {
            db.Thresholds.Add(new ThresholdRow { Indicator = indicator, DropPercent = dropPercent, SetBy = actor, SetAt = clock.GetUtcNow().UtcDateTime });
        }
        else
        {
            (row.DropPercent, row.SetBy, row.SetAt) = (dropPercent, actor, clock.GetUtcNow().UtcDateTime);
        }

        await db.SaveChangesAsync(cancel);
    }

    /// <summary>The thresholds in force, by indicator (<c>*</c> the default).</summary>
    public async Task<IReadOnlyDictionary<string, decimal>> ThresholdsAsync(CancellationToken cancel = default)
    {
        await using var db = monitoring.CreateDbContext("system");
        var set = await db.Thresholds.AsNoTracking().ToDictionaryAsync(t => t.Indicator, t => t.DropPercent, cancel);
        set.TryAdd(ThresholdRow.Default, DefaultThreshold);
        return set;
    }

    /// <summary>The monthly figures in scope (a district, or all), for the page's table.</summary>
    public async Task<IReadOnlyList<EnterpriseIndicatorRow>> FiguresAsync(string? district, CancellationToken cancel = default)
    {
        await using var db = monitoring.CreateDbContext("system");
        return await db.EnterpriseIndicators.AsNoTracking().Where(r => district == null || r.District == district)
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.Month).ThenBy(r => r.Uscc).ThenBy(r => r.Indicator).ToListAsync(cancel);
    }

    /// <summary>
    /// The warnings of the watched enterprises in scope: for each enterprise and indicator, its latest month against the
    /// month before (环比) and the same month a year before (同比), when the fall exceeds the threshold.
    /// </summary>
    public async Task<IReadOnlyList<DropWarning>> WarningsAsync(string? district, CancellationToken cancel = default)
    {
        var thresholds = await ThresholdsAsync(cancel);
        var watched = (await ListAsync(district, cancel: cancel)).GroupBy(w => w.Uscc).ToDictionary(g => g.Key, g => g.First());
        var figures = await FiguresAsync(district, cancel);
        return Drops(figures.Where(f => watched.ContainsKey(f.Uscc)), thresholds, uscc => watched[uscc]);
    }

    /// <summary>The drop warnings of some figures (pure: the tests and the dashboard share it).</summary>
    public static IReadOnlyList<DropWarning> Drops(IEnumerable<EnterpriseIndicatorRow> figures, IReadOnlyDictionary<string, decimal> thresholds, Func<string, WatchEntryRow> entry)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(entry);
        var warnings = new List<DropWarning>();
        foreach (var series in figures.GroupBy(f => (f.Uscc, f.Indicator)))
        {
            var byMonth = series.ToDictionary(f => (f.Year, f.Month), f => f.Value);
            var last = series.MaxBy(f => (f.Year * 12) + f.Month)!;
            var threshold = thresholds.TryGetValue(series.Key.Indicator, out var t) ? t : thresholds[ThresholdRow.Default];
            var previous = last.Month == 1 ? (last.Year - 1, 12) : (last.Year, last.Month - 1);
            foreach (var (basis, key) in new[] { ("环比", previous), ("同比", (last.Year - 1, last.Month)) })
            {
                if (byMonth.TryGetValue(key, out var before) && before > 0)
                {
                    var drop = decimal.Round((before - last.Value) / before * 100m, 1);
                    if (drop > threshold)
                    {
                        var e = entry(series.Key.Uscc);
                        warnings.Add(new DropWarning(e.Uscc, e.Name, e.District, series.Key.Indicator, last.Year, last.Month, basis, before, last.Value, drop, threshold));
                    }
                }
            }
        }

        return [.. warnings.OrderByDescending(w => w.DropPercent)];
    }
}

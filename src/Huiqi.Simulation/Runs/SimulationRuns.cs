using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Huiqi.Engine.Catalog;
using Huiqi.Policies;
using Huiqi.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Huiqi.Simulation.Runs;

/// <summary>A reform as the bureau hands it in: where it comes from (a shipped file, an upload, pasted text) and its text.</summary>
public sealed record ReformText(string File, string Text)
{
    /// <summary>The name under which pasted text is reported, errors included (第N行).</summary>
    public const string Pasted = "粘贴的调整方案.yaml";

    /// <summary>The example reforms shipped with this version, by name (<c>extend-zz2023-23</c>).</summary>
    public static IReadOnlyList<string> ShippedNames { get; } =
        [.. PolicySource.EmbeddedReforms().Keys.Select(k => Path.GetFileNameWithoutExtension(k)).Order(StringComparer.Ordinal)];

    public static ReformText? Shipped(string name) =>
        PolicySource.EmbeddedReforms().TryGetValue($"policies/{PolicySource.ReformFolder}/{name}.yaml", out var text)
            ? new ReformText($"policies/{PolicySource.ReformFolder}/{name}.yaml", text)
            : null;
}

/// <summary>The outcome of a run asked for on the page: the stored run's id, or the reform's faults (nothing is run or stored), or a population too large for the web.</summary>
public sealed record RunOutcome(int? Id, IReadOnlyList<CatalogError> Errors, long? TooMany = null);

/// <summary>The renewal's cost asked for on the page: the report, or the renewal's faults, or a population too large for the web.</summary>
public sealed record RenewalOutcome(RenewalReport? Report, IReadOnlyList<CatalogError> Errors, long? TooMany = null);

/// <summary>A stored run evaluated again from its snapshot: whether the report is the same to the last yuan and line.</summary>
public sealed record Reproduction(bool Identical, bool SamePopulation, bool SameCatalog, RunReport? Report, IReadOnlyList<CatalogError> Errors, long ElapsedMs);

/// <summary>
/// Simulation runs on the web (政策测算): a reform checked against the catalogue, the whole registry streamed through
/// it (<see cref="ReformSimulation"/>, as <c>huiqi simulate --db</c> does) while a snapshot of it is written, and the run
/// kept (<see cref="SimulationRunRow"/>) so it can be opened, compared, reproduced and exported later.
/// </summary>
public sealed class SimulationRuns(IDbContextFactory<SimulationRunsDbContext> contexts, DossierStore store, PolicyCatalog catalog, TimeProvider clock, long maxEnterprises, ILogger<SimulationRuns> log)
{
    /// <summary>
    /// The most enterprises a run takes within a page request (<c>Huiqi:Simulation:MaxEnterprises</c>). The demo city
    /// (3,000) takes well under a second; a province-sized population is for <c>huiqi simulate</c>, which streams it in
    /// bounded memory, not for a request that holds its snapshot.
    /// </summary>
    public long MaxEnterprises => maxEnterprises;

    /// <summary>Reads and applies the reform; its faults name the file (or upload) and line.</summary>
    public (ReformSimulation? Simulation, IReadOnlyList<CatalogError> Errors) Prepare(ReformText reform, int year, int top = ReformSimulation.DefaultTop)
    {
        ArgumentNullException.ThrowIfNull(reform);
        var read = ReformReader.Read(reform.File, reform.Text);
        return read.Ok ? ReformSimulation.Prepare(catalog, read.Reform!, year, top) : (null, read.Errors);
    }

    /// <summary>The catalogue as the reform makes it, for a forecast under the reform; or the reform's faults.</summary>
    public (Scenario? Scenario, IReadOnlyList<CatalogError> Errors) Apply(ReformText reform)
    {
        ArgumentNullException.ThrowIfNull(reform);
        var read = ReformReader.Read(reform.File, reform.Text);
        if (!read.Ok)
        {
            return (null, read.Errors);
        }

        var applied = ReformApplier.Apply(catalog, read.Reform!);
        return (applied.Scenario, applied.Errors);
    }

    /// <summary>Next year's expected cost of the whole registry (<see cref="Forecast"/>, as <c>huiqi forecast --db</c>), against the budgets.</summary>
    public async Task<ForecastReport> ForecastAsync(Scenario scenario, GrowthAssumptions growth, int latestYear, IReadOnlyList<Budget>? budgets, CancellationToken cancel = default)
    {
        var forecast = new Forecast(scenario, growth, latestYear);
        await RegistryPopulation.FeedAsync(store, forecast, cancel: cancel);
        return forecast.Report(budgets);
    }

    /// <summary>
    /// What renewing zz2023-23 costs on the whole registry (<see cref="RenewalCost"/> with the shipped renewal): the
    /// year it expired and the next, forecast with <paramref name="growth"/>. Evaluated within the request, as a run is.
    /// </summary>
    public async Task<RenewalOutcome> RenewalAsync(GrowthAssumptions growth, CancellationToken cancel = default)
    {
        var text = ReformText.Shipped(RenewalCost.ShippedReform)!;
        var read = ReformReader.Read(text.File, text.Text);
        if (!read.Ok)
        {
            return new RenewalOutcome(null, read.Errors);
        }

        var (cost, errors) = RenewalCost.Prepare(catalog, read.Reform!, growth);
        if (cost is null)
        {
            return new RenewalOutcome(null, errors);
        }

        var count = await store.CountAsync(cancel: cancel);
        if (count > MaxEnterprises)
        {
            return new RenewalOutcome(null, [], count);
        }

        var watch = Stopwatch.StartNew();
        await RegistryPopulation.FeedAsync(store, cost, cancel: cancel);
        var report = cost.Report();
        log.LogInformation("Renewal {Reform}: {Dossiers} dossiers, {Year} and {Next}, in {Elapsed} ms", report.ReformId, report.Dossiers, report.Year, report.NextYear, watch.ElapsedMilliseconds);
        return new RenewalOutcome(report, []);
    }

    /// <summary>Runs the reform on the whole registry and stores the run; nothing is stored when the reform has faults.</summary>
    public async Task<RunOutcome> RunAsync(ReformText reform, int year, string user, CancellationToken cancel = default)
    {
        var (simulation, errors) = Prepare(reform, year);
        if (simulation is null)
        {
            return new RunOutcome(null, errors);
        }

        var count = await store.CountAsync(cancel: cancel);
        if (count > MaxEnterprises)
        {
            return new RunOutcome(null, [], count);
        }

        var watch = Stopwatch.StartNew();
        var timed = new Timed(simulation);
        var snapshot = await PopulationSnapshot.TakeAsync(store.StreamAsync(cancel: cancel), timed, cancel);
        var report = simulation.Report();
        watch.Stop();
        log.LogInformation("Simulation {Reform} {Year}: {Dossiers} dossiers in {Elapsed} ms, {Evaluating} ms of them evaluating (the rest reading the registry and writing the snapshot)",
            report.ReformId, year, snapshot.Count, watch.ElapsedMilliseconds, timed.Elapsed.TotalMilliseconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture));
        var row = new SimulationRunRow
        {
            ReformId = Cut(report.ReformId, 100),
            ReformTitle = Cut(report.Title, 200),
            ReformFile = Cut(reform.File, 260),
            ReformText = reform.Text,
            Year = year,
            CreatedBy = user,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Dossiers = snapshot.Count,
            PopulationSha256 = snapshot.Sha256,
            Population = snapshot.Gzip,
            CatalogSha256 = CatalogSha256,
            ReportJson = SimulationJson.ToJson(report),
            Baseline = report.Total.Baseline,
            Reform = report.Total.Reform,
            NoEffect = report.NoEffect.Count,
            ElapsedMs = watch.ElapsedMilliseconds,
        };
        await using var db = await contexts.CreateDbContextAsync(cancel);
        db.SimulationRuns.Add(row);
        await db.SaveChangesAsync(cancel);
        return new RunOutcome(row.Id, []);
    }

    /// <summary>The runs, newest first, without their snapshots.</summary>
    public async Task<IReadOnlyList<SimulationRunRow>> ListAsync(int take = 100, CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        return await db.SimulationRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(take)
            .Select(r => new SimulationRunRow
            {
                Id = r.Id, ReformId = r.ReformId, ReformTitle = r.ReformTitle, ReformFile = r.ReformFile, Year = r.Year, CreatedBy = r.CreatedBy,
                CreatedAt = r.CreatedAt, Dossiers = r.Dossiers, PopulationSha256 = r.PopulationSha256, Baseline = r.Baseline, Reform = r.Reform,
                NoEffect = r.NoEffect, ElapsedMs = r.ElapsedMs,
            })
            .ToListAsync(cancel);
    }

    public async Task<SimulationRunRow?> GetAsync(int id, CancellationToken cancel = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        return await db.SimulationRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancel);
    }

    /// <summary>Evaluates the run again from its stored reform text and population snapshot, under today's catalogue.</summary>
    public Reproduction Reproduce(SimulationRunRow run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var watch = Stopwatch.StartNew();
        var (simulation, errors) = Prepare(new ReformText(run.ReformFile, run.ReformText), run.Year);
        if (simulation is null)
        {
            return new Reproduction(false, false, run.CatalogSha256 == CatalogSha256, null, errors, watch.ElapsedMilliseconds);
        }

        var (count, sha) = PopulationSnapshot.Replay(run.Population, simulation);
        var json = SimulationJson.ToJson(simulation.Report());
        log.LogInformation("Reproduced run {Run}: {Dossiers} dossiers from the snapshot in {Elapsed} ms", run.Id, count, watch.ElapsedMilliseconds);
        return new Reproduction(json == run.ReportJson && sha == run.PopulationSha256, sha == run.PopulationSha256, run.CatalogSha256 == CatalogSha256,
            RunReport.Parse(json), [], watch.ElapsedMilliseconds);
    }

    /// <summary>The run's report and every changed award line as an xlsx with Chinese headers, evaluated again from the snapshot.</summary>
    public byte[] Workbook(SimulationRunRow run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var (simulation, errors) = Prepare(new ReformText(run.ReformFile, run.ReformText), run.Year);
        if (simulation is null)
        {
            throw new InvalidOperationException("stored reform no longer applies: " + string.Join("; ", errors));
        }

        var detail = new SimulationWorkbook.Detail();
        simulation.Detail = detail.Add;
        PopulationSnapshot.Replay(run.Population, simulation);
        return SimulationWorkbook.Write(simulation.Report(), detail, id => catalog.ClausesById.TryGetValue(id, out var c) ? c.Title : id);
    }

    /// <summary>The SHA-256 of the policy files the catalogue is loaded from (the built-in ones, or <c>HUIQI_CATALOG</c>'s).</summary>
    public static string CatalogSha256 => CatalogHash.Value;

    private static readonly Lazy<string> CatalogHash = new(() =>
    {
        var files = PolicySource.Files();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, text) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(path + "\n" + text + "\n"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    });

    /// <summary>A sink that times the simulation's own share of a run, for the log.</summary>
    private sealed class Timed(IPopulationSink inner) : IPopulationSink
    {
        private readonly Stopwatch _watch = new();

        public TimeSpan Elapsed => _watch.Elapsed;

        public void AddLines(IReadOnlyList<string> lines, long firstLine)
        {
            _watch.Start();
            inner.AddLines(lines, firstLine);
            _watch.Stop();
        }

        public void AddDossiers(IReadOnlyList<Huiqi.Engine.Model.Dossier> dossiers)
        {
            _watch.Start();
            inner.AddDossiers(dossiers);
            _watch.Stop();
        }
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];
}

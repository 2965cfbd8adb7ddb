using Huiqi.Store;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Simulation.Runs;

/// <summary>
/// The stored simulation runs (测算记录), in the registry's database. The table and its migration were first created
/// with the web's tables, so they keep the web's names (<c>web_simulation_runs</c>, history table
/// <c>__web_migrations</c>): a database made before the runs moved here finds its migration already applied.
/// </summary>
public sealed class SimulationRunsDbContext(DbContextOptions<SimulationRunsDbContext> options) : DbContext(options)
{
    /// <summary>The web tables' history table, which already records this part's migration in existing databases.</summary>
    public const string HistoryTable = "__web_migrations";

    public DbSet<SimulationRunRow> SimulationRuns => Set<SimulationRunRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<SimulationRunRow>(b =>
        {
            b.ToTable("web_simulation_runs");
            b.HasKey(r => r.Id);
            b.Property(r => r.ReformId).HasMaxLength(100).IsRequired();
            b.Property(r => r.ReformTitle).HasMaxLength(200).IsRequired();
            b.Property(r => r.ReformFile).HasMaxLength(260).IsRequired();
            b.Property(r => r.ReformText).IsRequired();
            b.Property(r => r.CreatedBy).HasMaxLength(256).IsRequired();
            b.Property(r => r.PopulationSha256).HasMaxLength(64).IsRequired();
            b.Property(r => r.Population).IsRequired();
            b.Property(r => r.CatalogSha256).HasMaxLength(64).IsRequired();
            b.Property(r => r.ReportJson).IsRequired();
            b.Property(r => r.Baseline).HasPrecision(20, 2);
            b.Property(r => r.Reform).HasPrecision(20, 2);
        });
}

/// <summary>Opens the stored simulation runs on the registry's connection and migrates them.</summary>
public sealed class SimulationRunsDatabase(string? connection)
    : PartDatabase<SimulationRunsDbContext>(connection, SimulationRunsDbContext.HistoryTable)
{
    public override SimulationRunsDbContext CreateDbContext() => new(Options);
}

/// <summary>For <c>dotnet ef migrations</c> (HUIQI_EF_PROVIDER=postgres for Npgsql).</summary>
internal sealed class SimulationRunsDesignTimeFactory() : DesignTimeFactory<SimulationRunsDbContext>(c => new SimulationRunsDatabase(c));

using System.Text.Json;
using Huiqi.Store;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Huiqi.Supervision.Monitoring;

/// <summary>
/// The monitoring tables (监测): districts' monthly indicator reports, key-enterprise watchlists with their monthly
/// indicators, and the warning thresholds. They live in the registry's database with their own migrations and history
/// table (<see cref="HistoryTable"/>), so Huiqi.Store's schema is untouched; every change is audited here.
/// </summary>
public sealed class MonitoringDbContext(DbContextOptions<MonitoringDbContext> options) : DbContext(options)
{
    public const string HistoryTable = "__monitoring_migrations";

    private static readonly JsonSerializerOptions AuditJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Who is acting, for the audit log (the signed-in user's name, or <c>demo</c>, or the CLI's user).</summary>
    public string Actor { get; set; } = "system";

    public DbSet<IndicatorReportRow> Reports => Set<IndicatorReportRow>();

    public DbSet<WatchEntryRow> Watchlist => Set<WatchEntryRow>();

    public DbSet<EnterpriseIndicatorRow> EnterpriseIndicators => Set<EnterpriseIndicatorRow>();

    public DbSet<ThresholdRow> Thresholds => Set<ThresholdRow>();

    public DbSet<MonitoringAuditRow> Audit => Set<MonitoringAuditRow>();

    /// <summary>Sets up <paramref name="builder"/> for SQLite or PostgreSQL, as the registry's connection names.</summary>
    public static void Configure(DbContextOptionsBuilder builder, string? connection) =>
        HuiqiDatabase.UseBeside(builder, connection, HistoryTable);

    /// <summary>A context on <paramref name="connection"/> acting as <paramref name="actor"/>.</summary>
    public static MonitoringDbContext Open(string? connection, string actor = "system")
    {
        var builder = new DbContextOptionsBuilder<MonitoringDbContext>();
        Configure(builder, connection);
        return new MonitoringDbContext(builder.Options) { Actor = actor };
    }

    /// <summary>Applies the monitoring migrations (the registry's own are applied by <see cref="HuiqiDatabase"/>).</summary>
    public static async Task MigrateAsync(string? connection, CancellationToken cancel = default)
    {
        if (HuiqiDatabase.Resolve(connection) is (StoreProvider.Sqlite, var cs)
            && Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(cs).DataSource)) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await using var db = Open(connection);
        await db.Database.MigrateAsync(cancel);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<IndicatorReportRow>(b =>
        {
            b.ToTable("monitoring_reports");
            b.HasKey(r => r.Id);
            b.Property(r => r.District).HasMaxLength(20).IsRequired();
            b.Property(r => r.Indicator).HasMaxLength(80).IsRequired();
            b.Property(r => r.Value).HasPrecision(20, 4);
            b.Property(r => r.Unit).HasMaxLength(10).IsRequired();
            b.Property(r => r.ReportedBy).HasMaxLength(256).IsRequired();
            b.HasIndex(r => new { r.District, r.Indicator, r.Year, r.Month }).IsUnique();
            b.Ignore(r => r.AuditKey);
        });

        modelBuilder.Entity<WatchEntryRow>(b =>
        {
            b.ToTable("monitoring_watchlist");
            b.HasKey(w => w.Id);
            b.Property(w => w.Level).HasMaxLength(20).IsRequired();
            b.Property(w => w.Uscc).HasMaxLength(18).IsRequired();
            b.Property(w => w.Name).HasMaxLength(200).IsRequired();
            b.Property(w => w.District).HasMaxLength(20).IsRequired();
            b.Property(w => w.Reason).HasMaxLength(500).IsRequired();
            b.Property(w => w.AddedBy).HasMaxLength(256).IsRequired();
            b.Property(w => w.RemovedBy).HasMaxLength(256);
            b.Property(w => w.RemovalReason).HasMaxLength(500);
            b.HasIndex(w => new { w.Level, w.Uscc });
            b.HasIndex(w => w.District);
            b.Ignore(w => w.AuditKey);
        });

        modelBuilder.Entity<EnterpriseIndicatorRow>(b =>
        {
            b.ToTable("monitoring_enterprise_indicators");
            b.HasKey(r => r.Id);
            b.Property(r => r.Uscc).HasMaxLength(18).IsRequired();
            b.Property(r => r.District).HasMaxLength(20).IsRequired();
            b.Property(r => r.Indicator).HasMaxLength(80).IsRequired();
            b.Property(r => r.Value).HasPrecision(20, 4);
            b.Property(r => r.ReportedBy).HasMaxLength(256).IsRequired();
            b.HasIndex(r => new { r.Uscc, r.Indicator, r.Year, r.Month }).IsUnique();
            b.HasIndex(r => r.District);
            b.Ignore(r => r.AuditKey);
        });

        modelBuilder.Entity<ThresholdRow>(b =>
        {
            b.ToTable("monitoring_thresholds");
            b.HasKey(t => t.Indicator);
            b.Property(t => t.Indicator).HasMaxLength(80);
            b.Property(t => t.DropPercent).HasPrecision(9, 2);
            b.Property(t => t.SetBy).HasMaxLength(256).IsRequired();
            b.Ignore(t => t.AuditKey);
        });

        modelBuilder.Entity<MonitoringAuditRow>(b =>
        {
            b.ToTable("monitoring_audit");
            b.HasKey(a => a.Id);
            b.Property(a => a.Actor).HasMaxLength(256).IsRequired();
            b.Property(a => a.Table).HasMaxLength(60).IsRequired();
            b.Property(a => a.Key).HasMaxLength(200).IsRequired();
            b.Property(a => a.Action).HasMaxLength(10).IsRequired();
            b.HasIndex(a => a.At);
        });
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        AddAuditLines();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AddAuditLines();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// One audit line per changed row, written in the same SaveChanges (so in the same transaction) as the change:
    /// a report cannot change without its trace, and a failed batch leaves neither.
    /// </summary>
    private void AddAuditLines()
    {
        ChangeTracker.DetectChanges();
        var at = DateTime.UtcNow;
        foreach (var entry in ChangeTracker.Entries<IAudited>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList())
        {
            var columns = entry.Properties
                .Where(p => !p.Metadata.IsPrimaryKey() || entry.Metadata.ClrType == typeof(ThresholdRow))
                .Where(p => entry.State != EntityState.Modified || (p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)))
                .ToList();
            if (entry.State == EntityState.Modified && columns.Count == 0)
            {
                continue;
            }

            string Json(bool original) => JsonSerializer.Serialize(columns.ToDictionary(p => p.Metadata.Name, p => original ? p.OriginalValue : p.CurrentValue), AuditJson);
            Audit.Add(new MonitoringAuditRow
            {
                At = at,
                Actor = Actor,
                Table = entry.Metadata.GetTableName() ?? entry.Metadata.ClrType.Name,
                Key = entry.Entity.AuditKey,
                Action = entry.State switch { EntityState.Added => "insert", EntityState.Deleted => "delete", _ => "update" },
                Old = entry.State == EntityState.Added ? null : Json(original: true),
                New = entry.State == EntityState.Deleted ? null : Json(original: false),
            });
        }
    }
}

/// <summary>For <c>dotnet ef migrations</c>: HUIQI_EF_PROVIDER=postgres generates against Npgsql, else SQLite.</summary>
internal sealed class MonitoringDesignTimeFactory : IDesignTimeDbContextFactory<MonitoringDbContext>
{
    public MonitoringDbContext CreateDbContext(string[] args) =>
        MonitoringDbContext.Open(Environment.GetEnvironmentVariable("HUIQI_EF_PROVIDER") == "postgres"
            ? "Host=127.0.0.1;Database=design;Username=design;Password=design"
            : "Data Source=design.db");
}

using Huiqi.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Huiqi.Supervision.Monitoring;

/// <summary>
/// The monitoring tables (监测): districts' monthly indicator reports, key-enterprise watchlists with their monthly
/// indicators, and the warning thresholds. They live in the registry's database with their own migrations and history
/// table (<see cref="HistoryTable"/>), so Huiqi.Store's schema is untouched; every change is audited here.
/// </summary>
public sealed class MonitoringDbContext(DbContextOptions<MonitoringDbContext> options) : DbContext(options), IAuditTrail
{
    public const string HistoryTable = "__monitoring_migrations";

    /// <summary>Who is acting, for the audit log (the signed-in user's name, or <c>demo</c>, or the CLI's user).</summary>
    public string Actor { get; set; } = "system";

    public DbSet<IndicatorReportRow> Reports => Set<IndicatorReportRow>();

    public DbSet<WatchEntryRow> Watchlist => Set<WatchEntryRow>();

    public DbSet<EnterpriseIndicatorRow> EnterpriseIndicators => Set<EnterpriseIndicatorRow>();

    public DbSet<ThresholdRow> Thresholds => Set<ThresholdRow>();

    public DbSet<MonitoringAuditRow> Audit => Set<MonitoringAuditRow>();

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

    bool IAuditTrail.Audits(EntityEntry entry) => entry.Entity is IAudited;

    // A threshold's key is its indicator, which the trace keeps; other rows' ids say nothing.
    bool IAuditTrail.AuditsColumn(EntityEntry entry, PropertyEntry column) =>
        !column.Metadata.IsPrimaryKey() || entry.Metadata.ClrType == typeof(ThresholdRow);

    void IAuditTrail.Write(EntityEntry entry, AuditLine line) =>
        Audit.Add(new MonitoringAuditRow
        {
            At = line.At,
            Actor = line.Actor,
            Table = line.Table,
            Key = ((IAudited)entry.Entity).AuditKey,
            Action = line.Action,
            Old = line.Old,
            New = line.New,
        });
}

/// <summary>
/// Opens the monitoring tables on the registry's connection under an actor's name, and applies their migrations (the
/// registry's own are applied by <see cref="HuiqiDatabase"/>).
/// </summary>
public sealed class MonitoringDatabase(string? connection, TimeProvider? clock = null)
    : PartDatabase<MonitoringDbContext>(connection, MonitoringDbContext.HistoryTable, clock)
{
    public override MonitoringDbContext CreateDbContext() => new(Options);

    /// <summary>A context acting as <paramref name="actor"/>, for the audit log.</summary>
    public MonitoringDbContext CreateDbContext(string actor) => new(Options) { Actor = actor };
}

/// <summary>For <c>dotnet ef migrations</c> (HUIQI_EF_PROVIDER=postgres for Npgsql).</summary>
internal sealed class MonitoringDesignTimeFactory() : DesignTimeFactory<MonitoringDbContext>(c => new MonitoringDatabase(c));

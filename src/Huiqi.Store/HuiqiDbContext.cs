using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Huiqi.Store;

/// <summary>
/// The registry's database: enterprises, one table per kind of fact, the award ledger (<c>grants</c>) and the audit
/// log. Every save stamps each fact's natural key and writes an <see cref="AuditRow"/> for every row it inserts,
/// updates or deletes (变更留痕), in the same transaction, so no change to facts or the ledger goes unrecorded.
/// </summary>
public sealed class HuiqiDbContext(DbContextOptions<HuiqiDbContext> options) : DbContext(options)
{
    private static readonly JsonSerializerOptions AuditJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Who is making the changes saved through this context (操作人), written to the audit log.</summary>
    public string Actor { get; set; } = "system";

    public DbSet<EnterpriseRow> Enterprises => Set<EnterpriseRow>();

    public DbSet<FigureRow> Figures => Set<FigureRow>();

    public DbSet<RankingRow> Rankings => Set<RankingRow>();

    public DbSet<HonorRow> Honors => Set<HonorRow>();

    public DbSet<ProjectRow> Projects => Set<ProjectRow>();

    public DbSet<ProjectInvestmentRow> ProjectInvestments => Set<ProjectInvestmentRow>();

    public DbSet<SpendingRow> Spending => Set<SpendingRow>();

    public DbSet<ProcurementRow> Procurement => Set<ProcurementRow>();

    public DbSet<PatentProductRow> PatentProducts => Set<PatentProductRow>();

    public DbSet<PatentSalesRow> PatentSales => Set<PatentSalesRow>();

    public DbSet<PremisesRow> Premises => Set<PremisesRow>();

    public DbSet<TrainingRow> Training => Set<TrainingRow>();

    public DbSet<GrantRow> Grants => Set<GrantRow>();

    public DbSet<AuditRow> Audit => Set<AuditRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HuiqiDbContext).Assembly);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        WriteAudit();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        WriteAudit();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void WriteAudit()
    {
        ChangeTracker.DetectChanges();
        var at = DateTime.UtcNow;
        var entries = ChangeTracker.Entries()
            .Where(e => e.Entity is EnterpriseRow or FactRow && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        foreach (var entry in entries)
        {
            if (entry.Entity is FactRow fact && entry.State != EntityState.Deleted)
            {
                fact.Key = fact.NaturalKey();
            }

            var changed = entry.Properties
                .Where(p => !p.Metadata.IsPrimaryKey() && p.Metadata.Name is not nameof(FactRow.EnterpriseId) and not nameof(FactRow.Key))
                .Where(p => entry.State != EntityState.Modified || p.IsModified && !Equals(p.OriginalValue, p.CurrentValue))
                .ToList();
            if (entry.State == EntityState.Modified && changed.Count == 0)
            {
                continue;
            }

            Audit.Add(new AuditRow
            {
                At = at,
                Actor = Actor,
                Table = entry.Metadata.GetTableName() ?? entry.Metadata.ClrType.Name,
                Enterprise = entry.Entity switch
                {
                    EnterpriseRow e => e.Uscc,
                    FactRow f => f.Enterprise?.Uscc ?? $"#{f.EnterpriseId}",
                    _ => "",
                },
                Key = entry.Entity switch
                {
                    EnterpriseRow e => e.Uscc,
                    FactRow f => f.Key,
                    _ => "",
                },
                Action = entry.State switch
                {
                    EntityState.Added => "insert",
                    EntityState.Deleted => "delete",
                    _ => "update",
                },
                Old = entry.State == EntityState.Added ? null : Values(changed, original: true),
                New = entry.State == EntityState.Deleted ? null : Values(changed, original: false),
            });
        }
    }

    private static string Values(IEnumerable<PropertyEntry> properties, bool original) =>
        JsonSerializer.Serialize(
            properties.ToDictionary(p => p.Metadata.Name, p => original ? p.OriginalValue : p.CurrentValue),
            AuditJson);
}

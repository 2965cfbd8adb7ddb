using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Huiqi.Store;

/// <summary>
/// The registry's database: enterprises, one table per kind of fact, the award ledger (<c>grants</c>) and the audit
/// log. Every save stamps each fact's natural key and writes an <see cref="AuditRow"/> for every row it inserts,
/// updates or deletes (变更留痕, through <see cref="AuditInterceptor"/>), in the same transaction, so no change to
/// facts or the ledger goes unrecorded.
/// </summary>
public sealed class HuiqiDbContext(DbContextOptions<HuiqiDbContext> options) : DbContext(options), IAuditTrail
{
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

    bool IAuditTrail.Audits(EntityEntry entry) => entry.Entity is EnterpriseRow or FactRow;

    bool IAuditTrail.AuditsColumn(EntityEntry entry, PropertyEntry column) =>
        !column.Metadata.IsPrimaryKey() && column.Metadata.Name is not nameof(FactRow.EnterpriseId) and not nameof(FactRow.Key);

    void IAuditTrail.Stamp(EntityEntry entry)
    {
        if (entry.Entity is FactRow fact)
        {
            fact.Key = fact.NaturalKey();
        }
    }

    void IAuditTrail.Write(EntityEntry entry, AuditLine line) =>
        Audit.Add(new AuditRow
        {
            At = line.At,
            Actor = line.Actor,
            Table = line.Table,
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
            Action = line.Action,
            Old = line.Old,
            New = line.New,
        });
}

using Huiqi.Store;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Cases;

/// <summary>
/// The cases' tables, in the registry's database with their own migrations and history table: cases, payments,
/// notices and objections, budgets, attachments, the decision log and its head, and the batch runs with their parts.
/// The ledger line a payment writes goes through the registry's own context on the same connection and transaction
/// (<see cref="HuiqiDatabase.CreateDbContext(System.Data.Common.DbConnection, string)"/>).
/// </summary>
public sealed class CasesDbContext(DbContextOptions<CasesDbContext> options) : DbContext(options)
{
    public const string HistoryTable = "__cases_migrations";

    /// <summary>The decision log's key, set by <see cref="CasesDatabase.CreateDbContext"/>; never stored in the database.</summary>
    public DecisionLogKey? ChainKey { get; init; }

    public DbSet<CaseRow> Cases => Set<CaseRow>();

    public DbSet<PaymentRow> Payments => Set<PaymentRow>();

    public DbSet<NoticeRow> Notices => Set<NoticeRow>();

    public DbSet<ObjectionRow> Objections => Set<ObjectionRow>();

    public DbSet<BudgetRow> Budgets => Set<BudgetRow>();

    public DbSet<AttachmentRow> Attachments => Set<AttachmentRow>();

    public DbSet<DecisionRow> Decisions => Set<DecisionRow>();

    public DbSet<ChainHeadRow> ChainHead => Set<ChainHeadRow>();

    public DbSet<BatchRunRow> BatchRuns => Set<BatchRunRow>();

    public DbSet<BatchPartRow> BatchParts => Set<BatchPartRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        const int Money = 2;
        modelBuilder.Entity<CaseRow>(b =>
        {
            b.ToTable("cases");
            b.HasKey(c => c.Id);
            b.Property(c => c.Uscc).HasMaxLength(18).IsRequired();
            b.Property(c => c.EnterpriseName).HasMaxLength(200).IsRequired();
            b.Property(c => c.District).HasMaxLength(20).IsRequired();
            b.Property(c => c.Clause).HasMaxLength(64).IsRequired();
            b.Property(c => c.Item).HasMaxLength(200).IsRequired();
            b.Property(c => c.Way).HasMaxLength(10).IsRequired();
            b.Property(c => c.Proposed).HasPrecision(20, Money);
            b.Property(c => c.ProposedCity).HasPrecision(20, Money);
            b.Property(c => c.ProposedDistrict).HasPrecision(20, Money);
            b.Property(c => c.Amount).HasPrecision(20, Money);
            b.Property(c => c.CityShare).HasPrecision(20, Money);
            b.Property(c => c.DistrictShare).HasPrecision(20, Money);
            b.Property(c => c.Because).HasMaxLength(4000).IsRequired();
            b.Property(c => c.Steps).HasMaxLength(100).IsRequired();
            // Stored as its code (district-review), as before the status was an enum: no data changes.
            b.Property(c => c.Status).HasConversion(s => s.Code(), s => CaseStatuses.Parse(s)).HasMaxLength(30).IsRequired();
            b.Property(c => c.Reason).HasMaxLength(2000);
            b.Property(c => c.RatingComment).HasMaxLength(1000);
            b.Property(c => c.Version).IsConcurrencyToken();
            b.Ignore(c => c.StepList);
            b.HasIndex(c => new { c.Uscc, c.Clause, c.Item, c.AwardYear }).IsUnique();
            b.HasIndex(c => new { c.AwardYear, c.District, c.Status });
            b.HasIndex(c => new { c.AwardYear, c.Status });
            b.HasIndex(c => c.NoticeId);
        });

        modelBuilder.Entity<PaymentRow>(b =>
        {
            b.ToTable("case_payments");
            b.HasKey(p => p.Id);
            b.Property(p => p.Uscc).HasMaxLength(18).IsRequired();
            b.Property(p => p.Clause).HasMaxLength(64).IsRequired();
            b.Property(p => p.Item).HasMaxLength(200).IsRequired();
            b.Property(p => p.District).HasMaxLength(20).IsRequired();
            b.Property(p => p.Payer).HasMaxLength(10).IsRequired();
            b.Property(p => p.Amount).HasPrecision(20, Money);
            b.Property(p => p.Voucher).HasMaxLength(100).IsRequired();
            b.Property(p => p.By).HasMaxLength(256).IsRequired();
            b.HasIndex(p => new { p.Uscc, p.Clause, p.Item, p.AwardYear, p.Payer }).IsUnique();
            b.HasIndex(p => new { p.CaseId, p.Payer }).IsUnique();
            b.HasIndex(p => new { p.AwardYear, p.District });
        });

        modelBuilder.Entity<NoticeRow>(b =>
        {
            b.ToTable("case_notices");
            b.HasKey(n => n.Id);
            b.Property(n => n.Title).HasMaxLength(300).IsRequired();
            b.Property(n => n.Status).HasMaxLength(10).IsRequired();
            b.Property(n => n.PublishedBy).HasMaxLength(256).IsRequired();
        });

        modelBuilder.Entity<ObjectionRow>(b =>
        {
            b.ToTable("case_objections");
            b.HasKey(o => o.Id);
            b.Property(o => o.From).HasMaxLength(200).IsRequired();
            b.Property(o => o.Text).HasMaxLength(4000).IsRequired();
            b.Property(o => o.RecordedBy).HasMaxLength(256).IsRequired();
            b.Property(o => o.Resolution).HasMaxLength(2000);
            b.Property(o => o.ResolvedBy).HasMaxLength(256);
            b.HasIndex(o => o.CaseId);
        });

        modelBuilder.Entity<BudgetRow>(b =>
        {
            b.ToTable("case_budgets");
            b.HasKey(x => x.Id);
            b.Property(x => x.Document).HasMaxLength(64).IsRequired();
            b.Property(x => x.Clause).HasMaxLength(64).IsRequired();
            b.Property(x => x.Amount).HasPrecision(20, Money);
            b.Property(x => x.PerEnterprise).HasPrecision(20, Money);
            b.Property(x => x.SetBy).HasMaxLength(256).IsRequired();
            b.HasIndex(x => new { x.Document, x.Clause, x.Year }).IsUnique();
        });

        modelBuilder.Entity<AttachmentRow>(b =>
        {
            b.ToTable("case_attachments");
            b.HasKey(a => a.Id);
            b.Property(a => a.FileName).HasMaxLength(255).IsRequired();
            b.Property(a => a.ContentType).HasMaxLength(100).IsRequired();
            b.Property(a => a.Sha256).HasMaxLength(64).IsRequired();
            b.Property(a => a.By).HasMaxLength(256).IsRequired();
            b.HasIndex(a => a.CaseId);
        });

        modelBuilder.Entity<DecisionRow>(b =>
        {
            b.ToTable("case_decisions");
            b.HasKey(d => d.Seq);
            b.Property(d => d.Seq).ValueGeneratedNever();
            b.Property(d => d.Actor).HasMaxLength(256).IsRequired();
            b.Property(d => d.Role).HasMaxLength(40).IsRequired();
            b.Property(d => d.Address).HasMaxLength(64).IsRequired();
            b.Property(d => d.Action).HasMaxLength(40).IsRequired();
            b.Property(d => d.Transition).HasMaxLength(80).IsRequired();
            b.Property(d => d.Detail).HasMaxLength(8000).IsRequired();
            b.Property(d => d.PrevHash).HasMaxLength(64).IsRequired();
            b.Property(d => d.Hash).HasMaxLength(64).IsRequired();
            b.Property(d => d.Amount).HasPrecision(20, Money);
            b.Property(d => d.CityShare).HasPrecision(20, Money);
            b.Property(d => d.DistrictShare).HasPrecision(20, Money);
            b.HasIndex(d => d.CaseId);
        });

        modelBuilder.Entity<ChainHeadRow>(b =>
        {
            b.ToTable("case_chain_head");
            b.HasKey(h => h.Id);
            b.Property(h => h.Id).ValueGeneratedNever();
            b.Property(h => h.Hash).HasMaxLength(64).IsRequired();
            b.HasData(new ChainHeadRow { Id = 1, Seq = 0, Hash = DecisionLog.Genesis });
        });

        modelBuilder.Entity<BatchRunRow>(b =>
        {
            b.ToTable("case_batch_runs");
            b.HasKey(r => r.Id);
            b.Property(r => r.StartedBy).HasMaxLength(256).IsRequired();
            b.Property(r => r.Status).HasMaxLength(10).IsRequired();
        });

        modelBuilder.Entity<BatchPartRow>(b =>
        {
            b.ToTable("case_batch_parts");
            b.HasKey(p => p.Id);
            b.Property(p => p.District).HasMaxLength(20).IsRequired();
            b.Property(p => p.Status).HasMaxLength(10).IsRequired();
            b.Property(p => p.Amount).HasPrecision(20, Money);
            b.Property(p => p.LastError).HasMaxLength(2000);
            b.Property(p => p.Node).HasMaxLength(200);
            b.HasIndex(p => new { p.RunId, p.District }).IsUnique();
        });
    }
}

/// <summary>Opens <see cref="CasesDbContext"/> on the registry's connection, with the decision log's key, and migrates it.</summary>
public sealed class CasesDatabase(string? connection, DecisionLogKey key)
    : PartDatabase<CasesDbContext>(connection, CasesDbContext.HistoryTable)
{
    public override CasesDbContext CreateDbContext() => new(Options) { ChainKey = key };
}

/// <summary>For <c>dotnet ef migrations</c> (HUIQI_EF_PROVIDER=postgres for Npgsql); migrations need no chain key.</summary>
internal sealed class CasesDesignTimeFactory() : DesignTimeFactory<CasesDbContext>(c => new CasesDatabase(c, null!));

using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Huiqi.Web.Accounts;

/// <summary>
/// The web application's own tables, in the same database as the registry but with their own migrations (and their
/// own history table): the accounts (ASP.NET Core Identity), the evaluation summaries the enterprise lists filter and
/// sort on, and the corrections enterprises ask their district to confirm (the stored simulation runs, which began
/// here and share this history table, belong to Huiqi.Simulation). The registry's <c>enterprises</c> table is mapped
/// read-only, so lists can join it with the summaries in one query; its migrations belong to Huiqi.Store.
/// </summary>
public sealed class WebDbContext(DbContextOptions<WebDbContext> options) : IdentityDbContext<HuiqiUser>(options)
{
    public const string HistoryTable = "__web_migrations";

    public DbSet<EnterpriseRow> Enterprises => Set<EnterpriseRow>();

    public DbSet<EvaluationSummaryRow> Summaries => Set<EvaluationSummaryRow>();

    public DbSet<CorrectionRow> Corrections => Set<CorrectionRow>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<HuiqiUser>(b =>
        {
            b.Property(u => u.DisplayName).HasMaxLength(200);
            b.Property(u => u.District).HasMaxLength(20);
            b.Property(u => u.Uscc).HasMaxLength(18);
        });

        builder.Entity<EnterpriseRow>(b =>
        {
            b.ToTable("enterprises", t => t.ExcludeFromMigrations());
            b.HasKey(e => e.Id);
        });

        builder.Entity<EvaluationSummaryRow>(b =>
        {
            b.ToTable("web_evaluation_summaries");
            b.HasKey(s => new { s.Year, s.EnterpriseId });
            b.Property(s => s.Uscc).HasMaxLength(18).IsRequired();
            b.Property(s => s.Total).HasPrecision(20, 2);
            b.Property(s => s.CityShare).HasPrecision(20, 2);
            b.Property(s => s.DistrictShare).HasPrecision(20, 2);
            b.Property(s => s.Clauses).HasMaxLength(2000).IsRequired();
            b.Property(s => s.Libraries).HasMaxLength(400).IsRequired();
            b.HasIndex(s => new { s.Year, s.TotalYuan });
        });

        builder.Entity<CorrectionRow>(b =>
        {
            b.ToTable("web_corrections");
            b.HasKey(c => c.Id);
            b.Property(c => c.Uscc).HasMaxLength(18).IsRequired();
            b.Property(c => c.District).HasMaxLength(20).IsRequired();
            b.Property(c => c.Section).HasMaxLength(40).IsRequired();
            b.Property(c => c.Text).HasMaxLength(2000).IsRequired();
            b.Property(c => c.RequestedBy).HasMaxLength(256).IsRequired();
            b.Property(c => c.Status).HasMaxLength(20).IsRequired();
            b.Property(c => c.DecidedBy).HasMaxLength(256);
            b.Property(c => c.Note).HasMaxLength(1000);
            b.HasIndex(c => new { c.District, c.Status });
            b.HasIndex(c => c.Uscc);
        });
    }
}

/// <summary>
/// What one enterprise qualifies for in one award year, kept so that enterprise lists filter by clause and library
/// and sort by amount on the server. Recomputed from the registry and the catalogue at start and on demand.
/// </summary>
public sealed class EvaluationSummaryRow
{
    public int Year { get; set; }

    public int EnterpriseId { get; set; }

    public string Uscc { get; set; } = "";

    /// <summary>The answer's total (sum of awards), in yuan.</summary>
    public decimal Total { get; set; }

    /// <summary>The total in whole yuan, rounded down: what lists sort on (SQLite cannot order by a decimal).</summary>
    public long TotalYuan { get; set; }

    public int Awards { get; set; }

    /// <summary>The city's part of <see cref="Total"/> (市级承担).</summary>
    public decimal CityShare { get; set; }

    /// <summary>The district's part of <see cref="Total"/> (区级承担).</summary>
    public decimal DistrictShare { get; set; }

    /// <summary>Clauses with an award line, as <c>,zz2023-23/5,zz2023-23/9,</c> (commas at both ends, for a LIKE match).</summary>
    public string Clauses { get; set; } = ",";

    /// <summary>Cultivation libraries qualified for, as <c>,zjtx-cultivate,</c>.</summary>
    public string Libraries { get; set; } = ",";
}

/// <summary>
/// A correction an enterprise asks for to a fact of its dossier (企业申请更正). The registry is changed only when the
/// district bureau confirms it, by its own import; the request and the decision are kept here.
/// </summary>
public sealed class CorrectionRow
{
    public const string Pending = "pending";
    public const string Confirmed = "confirmed";
    public const string Rejected = "rejected";

    public int Id { get; set; }

    public string Uscc { get; set; } = "";

    public string District { get; set; } = "";

    /// <summary>The dossier section the correction is about: <c>projects</c>, <c>spending</c> ….</summary>
    public string Section { get; set; } = "";

    public string Text { get; set; } = "";

    public string RequestedBy { get; set; } = "";

    public DateTime RequestedAt { get; set; }

    public string Status { get; set; } = Pending;

    public string? DecidedBy { get; set; }

    public DateTime? DecidedAt { get; set; }

    public string? Note { get; set; }
}

/// <summary>Opens the web tables on the registry's connection and migrates them.</summary>
public sealed class WebDatabase(string? connection)
    : PartDatabase<WebDbContext>(connection, WebDbContext.HistoryTable)
{
    public override WebDbContext CreateDbContext() => new(Options);
}

/// <summary>For <c>dotnet ef migrations</c> (HUIQI_EF_PROVIDER=postgres for Npgsql).</summary>
internal sealed class WebDesignTimeFactory() : DesignTimeFactory<WebDbContext>(c => new WebDatabase(c));

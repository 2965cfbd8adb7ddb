using Huiqi.Engine.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Huiqi.Store.Configurations;

internal sealed class EnterpriseConfiguration : IEntityTypeConfiguration<EnterpriseRow>
{
    public void Configure(EntityTypeBuilder<EnterpriseRow> builder)
    {
        builder.ToTable("enterprises");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Uscc).HasMaxLength(18).IsRequired();
        builder.HasIndex(e => e.Uscc).IsUnique();
        builder.Property(e => e.Name).HasMaxLength(200).IsRequired();
        builder.Property(e => e.District).HasMaxLength(20).IsRequired();
        builder.HasIndex(e => new { e.District, e.Id });
        builder.Property(e => e.Traits).HasMaxLength(400).IsRequired();
        builder.Property(e => e.Sectors).HasMaxLength(400).IsRequired();
    }
}

internal sealed class FigureConfiguration() : FactConfiguration<FigureRow>("figures")
{
    protected override void ConfigureFact(EntityTypeBuilder<FigureRow> b)
    {
        Word(b.Property(r => r.Metric));
        Word(b.Property(r => r.Period), 10);
        b.Property(r => r.Value).HasPrecision(24, Fine);
    }
}

internal sealed class RankingConfiguration() : FactConfiguration<RankingRow>("rankings")
{
    protected override void ConfigureFact(EntityTypeBuilder<RankingRow> b)
    {
        Fields(b, FactFields.Rankings);
    }
}

internal sealed class HonorConfiguration() : FactConfiguration<HonorRow>("honors")
{
    protected override void ConfigureFact(EntityTypeBuilder<HonorRow> b)
    {
        Fields(b, FactFields.Honors);
    }
}

internal sealed class ProjectConfiguration() : FactConfiguration<ProjectRow>("projects")
{
    protected override void ConfigureFact(EntityTypeBuilder<ProjectRow> b)
    {
        Fields(b, FactFields.Projects);
    }
}

internal sealed class ProjectInvestmentConfiguration() : FactConfiguration<ProjectInvestmentRow>("project_investments")
{
    protected override void ConfigureFact(EntityTypeBuilder<ProjectInvestmentRow> b)
    {
        Word(b.Property(r => r.ProjectCode), 100);
        Word(b.Property(r => r.Period), 10);
        b.Property(r => r.Value).HasPrecision(20, Money);
    }
}

internal sealed class SpendingConfiguration() : FactConfiguration<SpendingRow>("spending")
{
    protected override void ConfigureFact(EntityTypeBuilder<SpendingRow> b)
    {
        Fields(b, FactFields.Spending);
    }
}

internal sealed class ProcurementConfiguration() : FactConfiguration<ProcurementRow>("procurement")
{
    protected override void ConfigureFact(EntityTypeBuilder<ProcurementRow> b)
    {
        Fields(b, FactFields.Procurement);
    }
}

internal sealed class PatentProductConfiguration() : FactConfiguration<PatentProductRow>("patent_products")
{
    protected override void ConfigureFact(EntityTypeBuilder<PatentProductRow> b)
    {
        Fields(b, FactFields.PatentProducts);
    }
}

internal sealed class PatentSalesConfiguration() : FactConfiguration<PatentSalesRow>("patent_sales")
{
    protected override void ConfigureFact(EntityTypeBuilder<PatentSalesRow> b)
    {
        Word(b.Property(r => r.PatentCode), 100);
        b.Property(r => r.Sales).HasPrecision(20, Money);
    }
}

internal sealed class PremisesConfiguration() : FactConfiguration<PremisesRow>("premises")
{
    protected override void ConfigureFact(EntityTypeBuilder<PremisesRow> b)
    {
        Fields(b, FactFields.Premises);
    }
}

internal sealed class TrainingConfiguration() : FactConfiguration<TrainingRow>("training")
{
    protected override void ConfigureFact(EntityTypeBuilder<TrainingRow> b)
    {
        Fields(b, FactFields.Training);
    }
}

internal sealed class GrantConfiguration() : FactConfiguration<GrantRow>("grants")
{
    protected override void ConfigureFact(EntityTypeBuilder<GrantRow> b)
    {
        Fields(b, FactFields.Grants);
    }
}

internal sealed class AuditConfiguration : IEntityTypeConfiguration<AuditRow>
{
    public void Configure(EntityTypeBuilder<AuditRow> builder)
    {
        builder.ToTable("audit_log");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Actor).HasMaxLength(100).IsRequired();
        builder.Property(a => a.Table).HasMaxLength(40).IsRequired();
        builder.Property(a => a.Enterprise).HasMaxLength(20).IsRequired();
        builder.Property(a => a.Key).HasMaxLength(400).IsRequired();
        builder.Property(a => a.Action).HasMaxLength(10).IsRequired();
        builder.HasIndex(a => new { a.Enterprise, a.At });
    }
}

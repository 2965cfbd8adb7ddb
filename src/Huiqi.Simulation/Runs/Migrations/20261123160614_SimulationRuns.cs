using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Huiqi.Simulation.Runs.Migrations
{
    /// <inheritdoc />
    public partial class SimulationRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "web_simulation_runs",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReformId = table.Column<string>(maxLength: 100, nullable: false),
                    ReformTitle = table.Column<string>(maxLength: 200, nullable: false),
                    ReformFile = table.Column<string>(maxLength: 260, nullable: false),
                    ReformText = table.Column<string>(nullable: false),
                    Year = table.Column<int>(nullable: false),
                    CreatedBy = table.Column<string>(maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(nullable: false),
                    Dossiers = table.Column<long>(nullable: false),
                    PopulationSha256 = table.Column<string>(maxLength: 64, nullable: false),
                    Population = table.Column<byte[]>(nullable: false),
                    CatalogSha256 = table.Column<string>(maxLength: 64, nullable: false),
                    ReportJson = table.Column<string>(nullable: false),
                    Baseline = table.Column<decimal>(precision: 20, scale: 2, nullable: false),
                    Reform = table.Column<decimal>(precision: 20, scale: 2, nullable: false),
                    NoEffect = table.Column<int>(nullable: false),
                    ElapsedMs = table.Column<long>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_web_simulation_runs", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "web_simulation_runs");
        }
    }
}

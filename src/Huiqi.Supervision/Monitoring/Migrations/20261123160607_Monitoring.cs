using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Huiqi.Supervision.Monitoring.Migrations
{
    /// <inheritdoc />
    public partial class Monitoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "monitoring_audit",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTime>(nullable: false),
                    Actor = table.Column<string>(maxLength: 256, nullable: false),
                    Table = table.Column<string>(maxLength: 60, nullable: false),
                    Key = table.Column<string>(maxLength: 200, nullable: false),
                    Action = table.Column<string>(maxLength: 10, nullable: false),
                    Old = table.Column<string>(nullable: true),
                    New = table.Column<string>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoring_audit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_enterprise_indicators",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    Uscc = table.Column<string>(maxLength: 18, nullable: false),
                    District = table.Column<string>(maxLength: 20, nullable: false),
                    Indicator = table.Column<string>(maxLength: 80, nullable: false),
                    Year = table.Column<int>(nullable: false),
                    Month = table.Column<int>(nullable: false),
                    Value = table.Column<decimal>(precision: 20, scale: 4, nullable: false),
                    ReportedBy = table.Column<string>(maxLength: 256, nullable: false),
                    ReportedAt = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoring_enterprise_indicators", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_reports",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    District = table.Column<string>(maxLength: 20, nullable: false),
                    Indicator = table.Column<string>(maxLength: 80, nullable: false),
                    Year = table.Column<int>(nullable: false),
                    Month = table.Column<int>(nullable: false),
                    Value = table.Column<decimal>(precision: 20, scale: 4, nullable: false),
                    Unit = table.Column<string>(maxLength: 10, nullable: false),
                    ReportedBy = table.Column<string>(maxLength: 256, nullable: false),
                    ReportedAt = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoring_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_thresholds",
                columns: table => new
                {
                    Indicator = table.Column<string>(maxLength: 80, nullable: false),
                    DropPercent = table.Column<decimal>(precision: 9, scale: 2, nullable: false),
                    SetBy = table.Column<string>(maxLength: 256, nullable: false),
                    SetAt = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoring_thresholds", x => x.Indicator);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_watchlist",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    Level = table.Column<string>(maxLength: 20, nullable: false),
                    Uscc = table.Column<string>(maxLength: 18, nullable: false),
                    Name = table.Column<string>(maxLength: 200, nullable: false),
                    District = table.Column<string>(maxLength: 20, nullable: false),
                    Reason = table.Column<string>(maxLength: 500, nullable: false),
                    AddedBy = table.Column<string>(maxLength: 256, nullable: false),
                    AddedAt = table.Column<DateTime>(nullable: false),
                    RemovedBy = table.Column<string>(maxLength: 256, nullable: true),
                    RemovedAt = table.Column<DateTime>(nullable: true),
                    RemovalReason = table.Column<string>(maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoring_watchlist", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_monitoring_audit_At",
                table: "monitoring_audit",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_monitoring_enterprise_indicators_District",
                table: "monitoring_enterprise_indicators",
                column: "District");

            migrationBuilder.CreateIndex(
                name: "IX_monitoring_enterprise_indicators_Uscc_Indicator_Year_Month",
                table: "monitoring_enterprise_indicators",
                columns: new[] { "Uscc", "Indicator", "Year", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_monitoring_reports_District_Indicator_Year_Month",
                table: "monitoring_reports",
                columns: new[] { "District", "Indicator", "Year", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_monitoring_watchlist_District",
                table: "monitoring_watchlist",
                column: "District");

            migrationBuilder.CreateIndex(
                name: "IX_monitoring_watchlist_Level_Uscc",
                table: "monitoring_watchlist",
                columns: new[] { "Level", "Uscc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "monitoring_audit");

            migrationBuilder.DropTable(
                name: "monitoring_enterprise_indicators");

            migrationBuilder.DropTable(
                name: "monitoring_reports");

            migrationBuilder.DropTable(
                name: "monitoring_thresholds");

            migrationBuilder.DropTable(
                name: "monitoring_watchlist");
        }
    }
}

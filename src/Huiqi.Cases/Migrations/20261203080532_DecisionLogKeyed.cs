using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Huiqi.Cases.Migrations
{
    /// <inheritdoc />
    public partial class DecisionLogKeyed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "Amount",
                table: "case_decisions",
                precision: 20,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "CityShare",
                table: "case_decisions",
                precision: 20,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "DistrictShare",
                table: "case_decisions",
                precision: 20,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "case_decisions",
                nullable: false,
                defaultValue: 1);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Amount",
                table: "case_decisions");

            migrationBuilder.DropColumn(
                name: "CityShare",
                table: "case_decisions");

            migrationBuilder.DropColumn(
                name: "DistrictShare",
                table: "case_decisions");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "case_decisions");
        }
    }
}

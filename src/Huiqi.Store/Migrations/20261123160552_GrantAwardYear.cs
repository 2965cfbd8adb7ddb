using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Huiqi.Store.Migrations
{
    /// <inheritdoc />
    public partial class GrantAwardYear : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AwardYear",
                table: "grants",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AwardYear",
                table: "grants");
        }
    }
}

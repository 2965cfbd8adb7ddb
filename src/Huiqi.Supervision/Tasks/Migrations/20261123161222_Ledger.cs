using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Huiqi.Supervision.Tasks.Migrations
{
    /// <inheritdoc />
    public partial class Ledger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ledger_library_members",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    Library = table.Column<string>(maxLength: 40, nullable: false),
                    Uscc = table.Column<string>(maxLength: 18, nullable: false),
                    Name = table.Column<string>(maxLength: 200, nullable: false),
                    District = table.Column<string>(maxLength: 20, nullable: false),
                    Tier = table.Column<string>(maxLength: 20, nullable: true),
                    Active = table.Column<bool>(nullable: false),
                    Manual = table.Column<bool>(nullable: false),
                    SinceYear = table.Column<int>(nullable: false),
                    LeftYear = table.Column<int>(nullable: true),
                    HeldOutYear = table.Column<int>(nullable: true),
                    Reason = table.Column<string>(maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_library_members", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ledger_library_selections",
                columns: table => new
                {
                    Year = table.Column<int>(nullable: false),
                    At = table.Column<DateTime>(nullable: false),
                    By = table.Column<string>(maxLength: 256, nullable: false),
                    Entered = table.Column<int>(nullable: false),
                    TierChanged = table.Column<int>(nullable: false),
                    Left = table.Column<int>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_library_selections", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "ledger_tasks",
                columns: table => new
                {
                    Id = table.Column<string>(maxLength: 40, nullable: false),
                    Document = table.Column<string>(maxLength: 40, nullable: false),
                    Seq = table.Column<int>(nullable: false),
                    Title = table.Column<string>(maxLength: 200, nullable: false),
                    Text = table.Column<string>(maxLength: 8000, nullable: false),
                    Lead = table.Column<string>(maxLength: 1000, nullable: false),
                    Responsible = table.Column<string>(maxLength: 2000, nullable: false),
                    Due = table.Column<string>(maxLength: 7, nullable: false),
                    DueBasis = table.Column<string>(maxLength: 100, nullable: false),
                    LoadedAt = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_tasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ledger_library_events",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    MembershipId = table.Column<int>(nullable: false),
                    Year = table.Column<int>(nullable: false),
                    At = table.Column<DateTime>(nullable: false),
                    Kind = table.Column<string>(maxLength: 20, nullable: false),
                    FromTier = table.Column<string>(maxLength: 20, nullable: true),
                    Tier = table.Column<string>(maxLength: 20, nullable: true),
                    Reason = table.Column<string>(maxLength: 1000, nullable: false),
                    By = table.Column<string>(maxLength: 256, nullable: false),
                    Manual = table.Column<bool>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_library_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ledger_library_events_ledger_library_members_MembershipId",
                        column: x => x.MembershipId,
                        principalTable: "ledger_library_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ledger_task_units",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    TaskId = table.Column<string>(maxLength: 40, nullable: false),
                    Unit = table.Column<string>(maxLength: 100, nullable: false),
                    District = table.Column<string>(maxLength: 20, nullable: true),
                    Lead = table.Column<bool>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_task_units", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ledger_task_units_ledger_tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "ledger_tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ledger_task_progress",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssignmentId = table.Column<int>(nullable: false),
                    Month = table.Column<string>(maxLength: 7, nullable: false),
                    Status = table.Column<string>(maxLength: 20, nullable: false),
                    Percent = table.Column<int>(nullable: false),
                    Text = table.Column<string>(maxLength: 2000, nullable: false),
                    ReportedBy = table.Column<string>(maxLength: 256, nullable: false),
                    ReportedAt = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_task_progress", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ledger_task_progress_ledger_task_units_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "ledger_task_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_library_events_MembershipId_Id",
                table: "ledger_library_events",
                columns: new[] { "MembershipId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_library_members_District_Library_Active",
                table: "ledger_library_members",
                columns: new[] { "District", "Library", "Active" });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_library_members_Library_Uscc",
                table: "ledger_library_members",
                columns: new[] { "Library", "Uscc" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_library_members_Uscc",
                table: "ledger_library_members",
                column: "Uscc");

            migrationBuilder.CreateIndex(
                name: "IX_ledger_task_progress_AssignmentId_Month",
                table: "ledger_task_progress",
                columns: new[] { "AssignmentId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_task_progress_Month",
                table: "ledger_task_progress",
                column: "Month");

            migrationBuilder.CreateIndex(
                name: "IX_ledger_task_units_District_Unit",
                table: "ledger_task_units",
                columns: new[] { "District", "Unit" });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_task_units_TaskId_Unit",
                table: "ledger_task_units",
                columns: new[] { "TaskId", "Unit" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_tasks_Seq",
                table: "ledger_tasks",
                column: "Seq");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ledger_library_events");

            migrationBuilder.DropTable(
                name: "ledger_library_selections");

            migrationBuilder.DropTable(
                name: "ledger_task_progress");

            migrationBuilder.DropTable(
                name: "ledger_library_members");

            migrationBuilder.DropTable(
                name: "ledger_task_units");

            migrationBuilder.DropTable(
                name: "ledger_tasks");
        }
    }
}

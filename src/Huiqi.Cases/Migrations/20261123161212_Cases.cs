using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Huiqi.Cases.Migrations
{
    /// <inheritdoc />
    public partial class Cases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_attachments",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(nullable: false),
                    FileName = table.Column<string>(maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(maxLength: 100, nullable: false),
                    Size = table.Column<long>(nullable: false),
                    Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(nullable: false),
                    By = table.Column<string>(maxLength: 256, nullable: false),
                    At = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_attachments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "case_batch_parts",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<long>(nullable: false),
                    District = table.Column<string>(maxLength: 20, nullable: false),
                    Status = table.Column<string>(maxLength: 10, nullable: false),
                    Enterprises = table.Column<int>(nullable: false),
                    Evaluated = table.Column<int>(nullable: false),
                    AfterEnterpriseId = table.Column<int>(nullable: false),
                    CasesCreated = table.Column<int>(nullable: false),
                    CasesExisting = table.Column<int>(nullable: false),
                    Lines = table.Column<int>(nullable: false),
                    Amount = table.Column<decimal>(precision: 20, scale: 2, nullable: false),
                    Errors = table.Column<int>(nullable: false),
                    LastError = table.Column<string>(maxLength: 2000, nullable: true),
                    Node = table.Column<string>(maxLength: 200, nullable: true),
                    StartedAt = table.Column<DateTime>(nullable: true),
                    FinishedAt = table.Column<DateTime>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_batch_parts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "case_batch_runs",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    AwardYear = table.Column<int>(nullable: false),
                    StartedBy = table.Column<string>(maxLength: 256, nullable: false),
                    StartedAt = table.Column<DateTime>(nullable: false),
                    FinishedAt = table.Column<DateTime>(nullable: true),
                    Status = table.Column<string>(maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_batch_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "case_budgets",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    Document = table.Column<string>(maxLength: 64, nullable: false),
                    Clause = table.Column<string>(maxLength: 64, nullable: false),
                    Year = table.Column<int>(nullable: false),
                    Amount = table.Column<decimal>(precision: 20, scale: 2, nullable: false),
                    PerEnterprise = table.Column<decimal>(precision: 20, scale: 2, nullable: true),
                    SetBy = table.Column<string>(maxLength: 256, nullable: false),
                    SetAt = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_budgets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "case_chain_head",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false),
                    Seq = table.Column<long>(nullable: false),
                    Hash = table.Column<string>(maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_chain_head", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "case_decisions",
                columns: table => new
                {
                    Seq = table.Column<long>(nullable: false),
                    At = table.Column<DateTime>(nullable: false),
                    Actor = table.Column<string>(maxLength: 256, nullable: false),
                    Role = table.Column<string>(maxLength: 40, nullable: false),
                    Address = table.Column<string>(maxLength: 64, nullable: false),
                    Action = table.Column<string>(maxLength: 40, nullable: false),
                    CaseId = table.Column<long>(nullable: true),
                    Transition = table.Column<string>(maxLength: 80, nullable: false),
                    Detail = table.Column<string>(maxLength: 8000, nullable: false),
                    PrevHash = table.Column<string>(maxLength: 64, nullable: false),
                    Hash = table.Column<string>(maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_decisions", x => x.Seq);
                });

            migrationBuilder.CreateTable(
                name: "case_notices",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(maxLength: 300, nullable: false),
                    AwardYear = table.Column<int>(nullable: false),
                    Starts = table.Column<DateOnly>(nullable: false),
                    Ends = table.Column<DateOnly>(nullable: false),
                    Days = table.Column<int>(nullable: false),
                    WorkingDays = table.Column<bool>(nullable: false),
                    Status = table.Column<string>(maxLength: 10, nullable: false),
                    PublishedBy = table.Column<string>(maxLength: 256, nullable: false),
                    PublishedAt = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_notices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "case_objections",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(nullable: false),
                    NoticeId = table.Column<long>(nullable: false),
                    From = table.Column<string>(maxLength: 200, nullable: false),
                    Text = table.Column<string>(maxLength: 4000, nullable: false),
                    RecordedBy = table.Column<string>(maxLength: 256, nullable: false),
                    At = table.Column<DateTime>(nullable: false),
                    Upheld = table.Column<bool>(nullable: true),
                    Resolution = table.Column<string>(maxLength: 2000, nullable: true),
                    ResolvedBy = table.Column<string>(maxLength: 256, nullable: true),
                    ResolvedAt = table.Column<DateTime>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_objections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "case_payments",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(nullable: false),
                    Uscc = table.Column<string>(maxLength: 18, nullable: false),
                    Clause = table.Column<string>(maxLength: 64, nullable: false),
                    Item = table.Column<string>(maxLength: 200, nullable: false),
                    AwardYear = table.Column<int>(nullable: false),
                    District = table.Column<string>(maxLength: 20, nullable: false),
                    Payer = table.Column<string>(maxLength: 10, nullable: false),
                    Amount = table.Column<decimal>(precision: 20, scale: 2, nullable: false),
                    PaidOn = table.Column<DateOnly>(nullable: false),
                    Voucher = table.Column<string>(maxLength: 100, nullable: false),
                    By = table.Column<string>(maxLength: 256, nullable: false),
                    At = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_payments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cases",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    Uscc = table.Column<string>(maxLength: 18, nullable: false),
                    EnterpriseName = table.Column<string>(maxLength: 200, nullable: false),
                    District = table.Column<string>(maxLength: 20, nullable: false),
                    Clause = table.Column<string>(maxLength: 64, nullable: false),
                    Item = table.Column<string>(maxLength: 200, nullable: false),
                    AwardYear = table.Column<int>(nullable: false),
                    Way = table.Column<string>(maxLength: 10, nullable: false),
                    Proposed = table.Column<decimal>(precision: 20, scale: 2, nullable: false),
                    ProposedCity = table.Column<decimal>(precision: 20, scale: 2, nullable: false),
                    ProposedDistrict = table.Column<decimal>(precision: 20, scale: 2, nullable: false),
                    Amount = table.Column<decimal>(precision: 20, scale: 2, nullable: false),
                    CityShare = table.Column<decimal>(precision: 20, scale: 2, nullable: false),
                    DistrictShare = table.Column<decimal>(precision: 20, scale: 2, nullable: false),
                    Because = table.Column<string>(maxLength: 4000, nullable: false),
                    Steps = table.Column<string>(maxLength: 100, nullable: false),
                    Status = table.Column<string>(maxLength: 30, nullable: false),
                    Reason = table.Column<string>(maxLength: 2000, nullable: true),
                    EventDate = table.Column<DateOnly>(nullable: true),
                    CreatedAt = table.Column<DateTime>(nullable: false),
                    UpdatedAt = table.Column<DateTime>(nullable: false),
                    SubmittedOn = table.Column<DateOnly>(nullable: true),
                    Deadline = table.Column<DateOnly>(nullable: true),
                    RunId = table.Column<long>(nullable: true),
                    NoticeId = table.Column<long>(nullable: true),
                    Rating = table.Column<int>(nullable: true),
                    RatingComment = table.Column<string>(maxLength: 1000, nullable: true),
                    Version = table.Column<int>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "case_chain_head",
                columns: new[] { "Id", "Hash", "Seq" },
                values: new object[] { 1, "0000000000000000000000000000000000000000000000000000000000000000", 0L });

            migrationBuilder.CreateIndex(
                name: "IX_case_attachments_CaseId",
                table: "case_attachments",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_case_batch_parts_RunId_District",
                table: "case_batch_parts",
                columns: new[] { "RunId", "District" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_case_budgets_Document_Clause_Year",
                table: "case_budgets",
                columns: new[] { "Document", "Clause", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_case_decisions_CaseId",
                table: "case_decisions",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_case_objections_CaseId",
                table: "case_objections",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_case_payments_AwardYear_District",
                table: "case_payments",
                columns: new[] { "AwardYear", "District" });

            migrationBuilder.CreateIndex(
                name: "IX_case_payments_CaseId_Payer",
                table: "case_payments",
                columns: new[] { "CaseId", "Payer" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_case_payments_Uscc_Clause_Item_AwardYear_Payer",
                table: "case_payments",
                columns: new[] { "Uscc", "Clause", "Item", "AwardYear", "Payer" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_AwardYear_District_Status",
                table: "cases",
                columns: new[] { "AwardYear", "District", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_AwardYear_Status",
                table: "cases",
                columns: new[] { "AwardYear", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_NoticeId",
                table: "cases",
                column: "NoticeId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_Uscc_Clause_Item_AwardYear",
                table: "cases",
                columns: new[] { "Uscc", "Clause", "Item", "AwardYear" },
                unique: true);

            // The decision log is append-only in the database itself, not only in the code that writes it.
            if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
            {
                migrationBuilder.Sql("""
                    CREATE FUNCTION case_decisions_append_only() RETURNS trigger AS $$
                    BEGIN RAISE EXCEPTION 'case_decisions is append-only'; END $$ LANGUAGE plpgsql;
                    CREATE TRIGGER case_decisions_no_update BEFORE UPDATE OR DELETE ON case_decisions
                        FOR EACH ROW EXECUTE FUNCTION case_decisions_append_only();
                    """);
            }
            else
            {
                migrationBuilder.Sql("CREATE TRIGGER case_decisions_no_update BEFORE UPDATE ON case_decisions BEGIN SELECT RAISE(ABORT, 'case_decisions is append-only'); END;");
                migrationBuilder.Sql("CREATE TRIGGER case_decisions_no_delete BEFORE DELETE ON case_decisions BEGIN SELECT RAISE(ABORT, 'case_decisions is append-only'); END;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
            {
                migrationBuilder.Sql("DROP TRIGGER case_decisions_no_update ON case_decisions; DROP FUNCTION case_decisions_append_only();");
            }
            else
            {
                migrationBuilder.Sql("DROP TRIGGER case_decisions_no_update; DROP TRIGGER case_decisions_no_delete;");
            }

            migrationBuilder.DropTable(
                name: "case_attachments");

            migrationBuilder.DropTable(
                name: "case_batch_parts");

            migrationBuilder.DropTable(
                name: "case_batch_runs");

            migrationBuilder.DropTable(
                name: "case_budgets");

            migrationBuilder.DropTable(
                name: "case_chain_head");

            migrationBuilder.DropTable(
                name: "case_decisions");

            migrationBuilder.DropTable(
                name: "case_notices");

            migrationBuilder.DropTable(
                name: "case_objections");

            migrationBuilder.DropTable(
                name: "case_payments");

            migrationBuilder.DropTable(
                name: "cases");
        }
    }
}

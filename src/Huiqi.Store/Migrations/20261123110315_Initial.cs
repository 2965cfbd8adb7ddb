using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Huiqi.Store.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTime>(nullable: false),
                    Actor = table.Column<string>(maxLength: 100, nullable: false),
                    Table = table.Column<string>(maxLength: 40, nullable: false),
                    Enterprise = table.Column<string>(maxLength: 20, nullable: false),
                    Key = table.Column<string>(maxLength: 400, nullable: false),
                    Action = table.Column<string>(maxLength: 10, nullable: false),
                    Old = table.Column<string>(nullable: true),
                    New = table.Column<string>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_log", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enterprises",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    Uscc = table.Column<string>(maxLength: 18, nullable: false),
                    Name = table.Column<string>(maxLength: 200, nullable: false),
                    District = table.Column<string>(maxLength: 20, nullable: false),
                    Traits = table.Column<string>(maxLength: 400, nullable: false),
                    Sectors = table.Column<string>(maxLength: 400, nullable: false),
                    RelocatedOn = table.Column<DateOnly>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enterprises", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "figures",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    Metric = table.Column<string>(maxLength: 64, nullable: false),
                    Period = table.Column<string>(maxLength: 10, nullable: false),
                    Value = table.Column<decimal>(precision: 24, scale: 6, nullable: false),
                    EnterpriseId = table.Column<int>(nullable: false),
                    Key = table.Column<string>(maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_figures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_figures_enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "grants",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    Clause = table.Column<string>(maxLength: 64, nullable: false),
                    Item = table.Column<string>(maxLength: 200, nullable: true),
                    Amount = table.Column<decimal>(precision: 20, scale: 2, nullable: false),
                    Date = table.Column<DateOnly>(nullable: false),
                    EnterpriseId = table.Column<int>(nullable: false),
                    Key = table.Column<string>(maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_grants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_grants_enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "honors",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(maxLength: 64, nullable: false),
                    Date = table.Column<DateOnly>(nullable: false),
                    Item = table.Column<string>(maxLength: 200, nullable: true),
                    Stars = table.Column<int>(nullable: true),
                    ProvincialFunding = table.Column<decimal>(precision: 20, scale: 2, nullable: true),
                    Sales = table.Column<decimal>(precision: 20, scale: 2, nullable: true),
                    EnterpriseId = table.Column<int>(nullable: false),
                    Key = table.Column<string>(maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_honors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_honors_enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "patent_products",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(maxLength: 100, nullable: false),
                    GrantedOn = table.Column<DateOnly>(nullable: false),
                    EnterpriseId = table.Column<int>(nullable: false),
                    Key = table.Column<string>(maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patent_products", x => x.Id);
                    table.ForeignKey(
                        name: "FK_patent_products_enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "patent_sales",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    PatentCode = table.Column<string>(maxLength: 100, nullable: false),
                    Year = table.Column<int>(nullable: false),
                    Sales = table.Column<decimal>(precision: 20, scale: 2, nullable: false),
                    EnterpriseId = table.Column<int>(nullable: false),
                    Key = table.Column<string>(maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patent_sales", x => x.Id);
                    table.ForeignKey(
                        name: "FK_patent_sales_enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "premises",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(maxLength: 64, nullable: false),
                    Area = table.Column<decimal>(precision: 20, scale: 2, nullable: false),
                    Since = table.Column<DateOnly>(nullable: false),
                    Date = table.Column<DateOnly>(nullable: false),
                    EnterpriseId = table.Column<int>(nullable: false),
                    Key = table.Column<string>(maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_premises", x => x.Id);
                    table.ForeignKey(
                        name: "FK_premises_enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "procurement",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(nullable: false),
                    Supplier = table.Column<string>(maxLength: 18, nullable: false),
                    Chain = table.Column<string>(maxLength: 64, nullable: false),
                    Amount = table.Column<decimal>(precision: 20, scale: 2, nullable: false),
                    EnterpriseId = table.Column<int>(nullable: false),
                    Key = table.Column<string>(maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_procurement", x => x.Id);
                    table.ForeignKey(
                        name: "FK_procurement_enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "project_investments",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectCode = table.Column<string>(maxLength: 100, nullable: false),
                    Period = table.Column<string>(maxLength: 10, nullable: false),
                    Value = table.Column<decimal>(precision: 20, scale: 2, nullable: false),
                    EnterpriseId = table.Column<int>(nullable: false),
                    Key = table.Column<string>(maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_project_investments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_project_investments_enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "projects",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(maxLength: 100, nullable: false),
                    Kind = table.Column<string>(maxLength: 64, nullable: false),
                    Sei = table.Column<bool>(nullable: false),
                    Major = table.Column<bool>(nullable: false),
                    TotalInvestment = table.Column<decimal>(precision: 20, scale: 2, nullable: true),
                    EquipmentInvestment = table.Column<decimal>(precision: 20, scale: 2, nullable: true),
                    BenefitRate = table.Column<decimal>(precision: 24, scale: 6, nullable: true),
                    CompletedOn = table.Column<DateOnly>(nullable: true),
                    ReachedOutputOn = table.Column<DateOnly>(nullable: true),
                    EnteredLibraryOn = table.Column<DateOnly>(nullable: true),
                    SignedOn = table.Column<DateOnly>(nullable: true),
                    StartedOn = table.Column<DateOnly>(nullable: true),
                    ContractInvestment = table.Column<decimal>(precision: 20, scale: 2, nullable: true),
                    EnterpriseId = table.Column<int>(nullable: false),
                    Key = table.Column<string>(maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_projects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_projects_enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rankings",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    List = table.Column<string>(maxLength: 64, nullable: false),
                    Year = table.Column<int>(nullable: false),
                    Rank = table.Column<int>(nullable: false),
                    Date = table.Column<DateOnly>(nullable: false),
                    EnterpriseId = table.Column<int>(nullable: false),
                    Key = table.Column<string>(maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rankings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rankings_enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "spending",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(maxLength: 64, nullable: false),
                    Year = table.Column<int>(nullable: false),
                    Amount = table.Column<decimal>(precision: 20, scale: 2, nullable: false),
                    EnterpriseId = table.Column<int>(nullable: false),
                    Key = table.Column<string>(maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_spending", x => x.Id);
                    table.ForeignKey(
                        name: "FK_spending_enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "training",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(maxLength: 64, nullable: false),
                    Year = table.Column<int>(nullable: false),
                    Count = table.Column<int>(nullable: false),
                    EnterpriseId = table.Column<int>(nullable: false),
                    Key = table.Column<string>(maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_training", x => x.Id);
                    table.ForeignKey(
                        name: "FK_training_enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_Enterprise_At",
                table: "audit_log",
                columns: new[] { "Enterprise", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_enterprises_District_Id",
                table: "enterprises",
                columns: new[] { "District", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_enterprises_Uscc",
                table: "enterprises",
                column: "Uscc",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_figures_EnterpriseId_Key",
                table: "figures",
                columns: new[] { "EnterpriseId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_grants_EnterpriseId_Key",
                table: "grants",
                columns: new[] { "EnterpriseId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_honors_EnterpriseId_Key",
                table: "honors",
                columns: new[] { "EnterpriseId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_patent_products_EnterpriseId_Key",
                table: "patent_products",
                columns: new[] { "EnterpriseId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_patent_sales_EnterpriseId_Key",
                table: "patent_sales",
                columns: new[] { "EnterpriseId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_premises_EnterpriseId_Key",
                table: "premises",
                columns: new[] { "EnterpriseId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_procurement_EnterpriseId_Key",
                table: "procurement",
                columns: new[] { "EnterpriseId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_project_investments_EnterpriseId_Key",
                table: "project_investments",
                columns: new[] { "EnterpriseId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_projects_EnterpriseId_Key",
                table: "projects",
                columns: new[] { "EnterpriseId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rankings_EnterpriseId_Key",
                table: "rankings",
                columns: new[] { "EnterpriseId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_spending_EnterpriseId_Key",
                table: "spending",
                columns: new[] { "EnterpriseId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_training_EnterpriseId_Key",
                table: "training",
                columns: new[] { "EnterpriseId", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "figures");

            migrationBuilder.DropTable(
                name: "grants");

            migrationBuilder.DropTable(
                name: "honors");

            migrationBuilder.DropTable(
                name: "patent_products");

            migrationBuilder.DropTable(
                name: "patent_sales");

            migrationBuilder.DropTable(
                name: "premises");

            migrationBuilder.DropTable(
                name: "procurement");

            migrationBuilder.DropTable(
                name: "project_investments");

            migrationBuilder.DropTable(
                name: "projects");

            migrationBuilder.DropTable(
                name: "rankings");

            migrationBuilder.DropTable(
                name: "spending");

            migrationBuilder.DropTable(
                name: "training");

            migrationBuilder.DropTable(
                name: "enterprises");
        }
    }
}

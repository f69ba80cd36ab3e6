using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TraceLedger.Packs.Storage.Migrations
{
    /// <inheritdoc />
    public partial class InitialPackSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alerts",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    code = table.Column<string>(type: "TEXT", nullable: false),
                    identifier = table.Column<string>(type: "TEXT", nullable: true),
                    actor_gln = table.Column<string>(type: "TEXT", nullable: true),
                    location_gln = table.Column<string>(type: "TEXT", nullable: true),
                    at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    detail = table.Column<string>(type: "TEXT", nullable: false),
                    closed = table.Column<bool>(type: "INTEGER", nullable: false),
                    root_cause = table.Column<string>(type: "TEXT", nullable: true),
                    closing_note = table.Column<string>(type: "TEXT", nullable: true),
                    closed_at_ms = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "company_prefixes",
                columns: table => new
                {
                    prefix = table.Column<string>(type: "TEXT", nullable: false),
                    party_gln = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_company_prefixes", x => x.prefix);
                });

            migrationBuilder.CreateTable(
                name: "products",
                columns: table => new
                {
                    gtin = table.Column<string>(type: "TEXT", nullable: false),
                    owner_gln = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    strength = table.Column<string>(type: "TEXT", nullable: false),
                    form = table.Column<string>(type: "TEXT", nullable: false),
                    pack_size = table.Column<int>(type: "INTEGER", nullable: false),
                    publish_manufacturer = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_products", x => x.gtin);
                });

            migrationBuilder.CreateTable(
                name: "batches",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    gtin = table.Column<string>(type: "TEXT", nullable: false),
                    lot = table.Column<string>(type: "TEXT", nullable: false),
                    expiry = table.Column<string>(type: "TEXT", nullable: false),
                    expires_on = table.Column<int>(type: "INTEGER", nullable: false),
                    commissioned_seq = table.Column<long>(type: "INTEGER", nullable: false),
                    commissioned_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    recalled_at_ms = table.Column<long>(type: "INTEGER", nullable: true),
                    withdrawn_at_ms = table.Column<long>(type: "INTEGER", nullable: true),
                    recall_reason = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_batches", x => x.id);
                    table.ForeignKey(
                        name: "FK_batches_products_gtin",
                        column: x => x.gtin,
                        principalTable: "products",
                        principalColumn: "gtin",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "packs",
                columns: table => new
                {
                    identifier = table.Column<string>(type: "TEXT", nullable: false),
                    batch_id = table.Column<long>(type: "INTEGER", nullable: true),
                    is_container = table.Column<bool>(type: "INTEGER", nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    state_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    holder_gln = table.Column<string>(type: "TEXT", nullable: true),
                    destination_gln = table.Column<string>(type: "TEXT", nullable: true),
                    parent_id = table.Column<string>(type: "TEXT", nullable: true),
                    dispensed_at_ms = table.Column<long>(type: "INTEGER", nullable: true),
                    dispensed_location = table.Column<string>(type: "TEXT", nullable: true),
                    dispensed_by = table.Column<string>(type: "TEXT", nullable: true),
                    last_seen_gln = table.Column<string>(type: "TEXT", nullable: true),
                    last_seen_at_ms = table.Column<long>(type: "INTEGER", nullable: true),
                    first_verified_at_ms = table.Column<long>(type: "INTEGER", nullable: true),
                    verification_count = table.Column<int>(type: "INTEGER", nullable: false),
                    consumer_check_count = table.Column<int>(type: "INTEGER", nullable: false),
                    scratch_hash = table.Column<byte[]>(type: "BLOB", nullable: true),
                    scratch_first_verified_at_ms = table.Column<long>(type: "INTEGER", nullable: true),
                    scratch_failures = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_packs", x => x.identifier);
                    table.ForeignKey(
                        name: "FK_packs_batches_batch_id",
                        column: x => x.batch_id,
                        principalTable: "batches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_alerts_closed_code",
                table: "alerts",
                columns: new[] { "closed", "code" });

            migrationBuilder.CreateIndex(
                name: "ix_alerts_identifier",
                table: "alerts",
                column: "identifier");

            migrationBuilder.CreateIndex(
                name: "ix_batches_gtin_lot",
                table: "batches",
                columns: new[] { "gtin", "lot" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_packs_batch",
                table: "packs",
                column: "batch_id");

            migrationBuilder.CreateIndex(
                name: "ix_packs_parent",
                table: "packs",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_packs_scratch_hash",
                table: "packs",
                column: "scratch_hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alerts");

            migrationBuilder.DropTable(
                name: "company_prefixes");

            migrationBuilder.DropTable(
                name: "packs");

            migrationBuilder.DropTable(
                name: "batches");

            migrationBuilder.DropTable(
                name: "products");
        }
    }
}

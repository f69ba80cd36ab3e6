using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TraceLedger.Storage.Migrations
{
    /// <inheritdoc />
    public partial class InitialLedgerSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    key_id = table.Column<string>(type: "TEXT", nullable: false),
                    secret_hash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    owner = table.Column<string>(type: "TEXT", nullable: false),
                    created_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    revoked = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_keys", x => x.key_id);
                });

            migrationBuilder.CreateTable(
                name: "checkpoints",
                columns: table => new
                {
                    tree_size = table.Column<long>(type: "INTEGER", nullable: false),
                    root_hash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    signed_note = table.Column<string>(type: "TEXT", nullable: false),
                    created_at_ms = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_checkpoints", x => x.tree_size);
                });

            migrationBuilder.CreateTable(
                name: "entries",
                columns: table => new
                {
                    seq = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    leaf_hash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    entry_bytes = table.Column<byte[]>(type: "BLOB", nullable: false),
                    content_hash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    device_id = table.Column<string>(type: "TEXT", nullable: true),
                    counter = table.Column<long>(type: "INTEGER", nullable: true),
                    received_at_ms = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_entries", x => x.seq);
                });

            migrationBuilder.CreateTable(
                name: "item_heads",
                columns: table => new
                {
                    item_key = table.Column<string>(type: "TEXT", nullable: false),
                    head_seq = table.Column<long>(type: "INTEGER", nullable: false),
                    entry_count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_item_heads", x => x.item_key);
                });

            migrationBuilder.CreateTable(
                name: "log_state",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    tree_size = table.Column<long>(type: "INTEGER", nullable: false),
                    root_hash = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_log_state", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "parties",
                columns: table => new
                {
                    gln = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    role = table.Column<string>(type: "TEXT", nullable: false),
                    latitude = table.Column<double>(type: "REAL", nullable: true),
                    longitude = table.Column<double>(type: "REAL", nullable: true),
                    registered_seq = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_parties", x => x.gln);
                });

            migrationBuilder.CreateTable(
                name: "tree_nodes",
                columns: table => new
                {
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    idx = table.Column<long>(type: "INTEGER", nullable: false),
                    hash = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tree_nodes", x => new { x.level, x.idx });
                });

            migrationBuilder.CreateTable(
                name: "entry_items",
                columns: table => new
                {
                    item_key = table.Column<string>(type: "TEXT", nullable: false),
                    seq = table.Column<long>(type: "INTEGER", nullable: false),
                    prev_seq = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_entry_items", x => new { x.item_key, x.seq });
                    table.ForeignKey(
                        name: "FK_entry_items_entries_seq",
                        column: x => x.seq,
                        principalTable: "entries",
                        principalColumn: "seq",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "devices",
                columns: table => new
                {
                    device_id = table.Column<string>(type: "TEXT", nullable: false),
                    party_gln = table.Column<string>(type: "TEXT", nullable: false),
                    active = table.Column<bool>(type: "INTEGER", nullable: false),
                    last_counter = table.Column<long>(type: "INTEGER", nullable: false),
                    registered_seq = table.Column<long>(type: "INTEGER", nullable: false),
                    revoked_seq = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_devices", x => x.device_id);
                    table.ForeignKey(
                        name: "FK_devices_parties_party_gln",
                        column: x => x.party_gln,
                        principalTable: "parties",
                        principalColumn: "gln",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "device_keys",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    device_id = table.Column<string>(type: "TEXT", nullable: false),
                    public_key = table.Column<byte[]>(type: "BLOB", nullable: false),
                    valid_from_seq = table.Column<long>(type: "INTEGER", nullable: false),
                    valid_until_seq = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_device_keys", x => x.id);
                    table.ForeignKey(
                        name: "FK_device_keys_devices_device_id",
                        column: x => x.device_id,
                        principalTable: "devices",
                        principalColumn: "device_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_device_keys_device_from",
                table: "device_keys",
                columns: new[] { "device_id", "valid_from_seq" });

            migrationBuilder.CreateIndex(
                name: "IX_devices_party_gln",
                table: "devices",
                column: "party_gln");

            migrationBuilder.CreateIndex(
                name: "ix_entries_content_hash",
                table: "entries",
                column: "content_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_entries_device_counter",
                table: "entries",
                columns: new[] { "device_id", "counter" });

            migrationBuilder.CreateIndex(
                name: "ix_entry_items_seq",
                table: "entry_items",
                column: "seq");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_keys");

            migrationBuilder.DropTable(
                name: "checkpoints");

            migrationBuilder.DropTable(
                name: "device_keys");

            migrationBuilder.DropTable(
                name: "entry_items");

            migrationBuilder.DropTable(
                name: "item_heads");

            migrationBuilder.DropTable(
                name: "log_state");

            migrationBuilder.DropTable(
                name: "tree_nodes");

            migrationBuilder.DropTable(
                name: "devices");

            migrationBuilder.DropTable(
                name: "entries");

            migrationBuilder.DropTable(
                name: "parties");
        }
    }
}

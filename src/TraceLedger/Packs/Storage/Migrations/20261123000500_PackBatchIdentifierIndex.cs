using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TraceLedger.Packs.Storage.Migrations
{
    /// <summary>
    /// Replaces the batch index with (batch_id, is_container, identifier): a batch's packs page by keyset in
    /// identifier order from the index alone, without a temporary B-tree or reading the table.
    /// </summary>
    public partial class PackBatchIdentifierIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_packs_batch",
                table: "packs");

            migrationBuilder.CreateIndex(
                name: "ix_packs_batch_identifier",
                table: "packs",
                columns: new[] { "batch_id", "is_container", "identifier" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_packs_batch_identifier",
                table: "packs");

            migrationBuilder.CreateIndex(
                name: "ix_packs_batch",
                table: "packs",
                column: "batch_id");
        }
    }
}

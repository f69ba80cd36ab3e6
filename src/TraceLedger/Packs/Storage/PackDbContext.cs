using Microsoft.EntityFrameworkCore;

namespace TraceLedger.Packs.Storage;

/// <summary>
/// The pack-lifecycle tables, in the ledger's database file but with their own migrations (history table
/// <c>__pack_migrations</c>) so the log schema and the pack schema evolve independently.
/// </summary>
public sealed class PackDbContext(DbContextOptions<PackDbContext> options) : DbContext(options)
{
    /// <summary>The migrations history table of the pack schema.</summary>
    public const string HistoryTable = "__pack_migrations";

    public DbSet<ProductRow> Products => Set<ProductRow>();

    public DbSet<BatchRow> Batches => Set<BatchRow>();

    public DbSet<PackRow> Packs => Set<PackRow>();

    public DbSet<CompanyPrefixRow> CompanyPrefixes => Set<CompanyPrefixRow>();

    public DbSet<AlertRow> Alerts => Set<AlertRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<ProductRow>(e =>
        {
            e.ToTable("products");
            e.HasKey(x => x.Gtin);
            e.Property(x => x.Gtin).HasColumnName("gtin");
            e.Property(x => x.OwnerGln).HasColumnName("owner_gln");
            e.Property(x => x.Name).HasColumnName("name");
            e.Property(x => x.Strength).HasColumnName("strength");
            e.Property(x => x.Form).HasColumnName("form");
            e.Property(x => x.PackSize).HasColumnName("pack_size");
            e.Property(x => x.PublishManufacturer).HasColumnName("publish_manufacturer");
        });
        modelBuilder.Entity<BatchRow>(e =>
        {
            e.ToTable("batches");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.Gtin).HasColumnName("gtin");
            e.Property(x => x.Lot).HasColumnName("lot");
            e.Property(x => x.Expiry).HasColumnName("expiry");
            e.Property(x => x.ExpiresOn).HasColumnName("expires_on");
            e.Property(x => x.CommissionedSeq).HasColumnName("commissioned_seq");
            e.Property(x => x.CommissionedAtMs).HasColumnName("commissioned_at_ms");
            e.Property(x => x.RecalledAtMs).HasColumnName("recalled_at_ms");
            e.Property(x => x.WithdrawnAtMs).HasColumnName("withdrawn_at_ms");
            e.Property(x => x.RecallReason).HasColumnName("recall_reason");
            e.HasIndex(x => new { x.Gtin, x.Lot }).IsUnique().HasDatabaseName("ix_batches_gtin_lot");
            e.HasOne<ProductRow>().WithMany().HasForeignKey(x => x.Gtin).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<PackRow>(e =>
        {
            e.ToTable("packs");
            e.HasKey(x => x.Identifier);
            e.Property(x => x.Identifier).HasColumnName("identifier");
            e.Property(x => x.BatchId).HasColumnName("batch_id");
            e.Property(x => x.IsContainer).HasColumnName("is_container");
            e.Property(x => x.State).HasColumnName("state");
            e.Property(x => x.StateAtMs).HasColumnName("state_at_ms");
            e.Property(x => x.HolderGln).HasColumnName("holder_gln");
            e.Property(x => x.DestinationGln).HasColumnName("destination_gln");
            e.Property(x => x.ParentId).HasColumnName("parent_id");
            e.Property(x => x.DispensedAtMs).HasColumnName("dispensed_at_ms");
            e.Property(x => x.DispensedLocation).HasColumnName("dispensed_location");
            e.Property(x => x.DispensedBy).HasColumnName("dispensed_by");
            e.Property(x => x.LastSeenGln).HasColumnName("last_seen_gln");
            e.Property(x => x.LastSeenAtMs).HasColumnName("last_seen_at_ms");
            e.Property(x => x.FirstVerifiedAtMs).HasColumnName("first_verified_at_ms");
            e.Property(x => x.VerificationCount).HasColumnName("verification_count");
            e.Property(x => x.ConsumerCheckCount).HasColumnName("consumer_check_count");
            e.Property(x => x.ScratchHash).HasColumnName("scratch_hash");
            e.Property(x => x.ScratchFirstVerifiedAtMs).HasColumnName("scratch_first_verified_at_ms");
            e.Property(x => x.ScratchFailures).HasColumnName("scratch_failures");
            e.HasIndex(x => x.ParentId).HasDatabaseName("ix_packs_parent");
            // Batch pages read (batch_id, is_container = 0, identifier > cursor) in identifier order straight off this index.
            e.HasIndex(x => new { x.BatchId, x.IsContainer, x.Identifier }).HasDatabaseName("ix_packs_batch_identifier");
            e.HasIndex(x => x.ScratchHash).IsUnique().HasDatabaseName("ix_packs_scratch_hash");
            e.HasOne<BatchRow>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<CompanyPrefixRow>(e =>
        {
            e.ToTable("company_prefixes");
            e.HasKey(x => x.Prefix);
            e.Property(x => x.Prefix).HasColumnName("prefix");
            e.Property(x => x.PartyGln).HasColumnName("party_gln");
        });
        modelBuilder.Entity<AlertRow>(e =>
        {
            e.ToTable("alerts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.Code).HasColumnName("code");
            e.Property(x => x.Identifier).HasColumnName("identifier");
            e.Property(x => x.ActorGln).HasColumnName("actor_gln");
            e.Property(x => x.LocationGln).HasColumnName("location_gln");
            e.Property(x => x.AtMs).HasColumnName("at_ms");
            e.Property(x => x.Detail).HasColumnName("detail");
            e.Property(x => x.Closed).HasColumnName("closed");
            e.Property(x => x.RootCause).HasColumnName("root_cause");
            e.Property(x => x.ClosingNote).HasColumnName("closing_note");
            e.Property(x => x.ClosedAtMs).HasColumnName("closed_at_ms");
            e.HasIndex(x => new { x.Closed, x.Code }).HasDatabaseName("ix_alerts_closed_code");
            e.HasIndex(x => x.Identifier).HasDatabaseName("ix_alerts_identifier");
        });
    }
}

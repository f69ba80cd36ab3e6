using Microsoft.EntityFrameworkCore;

namespace TraceLedger.Storage;

/// <summary>
/// The ledger schema. Names are snake_case, types are plain integers, reals, text and blobs and no SQLite-only
/// feature is used, so the same model maps onto PostgreSQL later.
/// </summary>
public sealed class LedgerDbContext(DbContextOptions<LedgerDbContext> options) : DbContext(options)
{
    public DbSet<EntryRow> Entries => Set<EntryRow>();

    public DbSet<ItemHeadRow> ItemHeads => Set<ItemHeadRow>();

    public DbSet<EntryItemRow> EntryItems => Set<EntryItemRow>();

    public DbSet<TreeNodeRow> TreeNodes => Set<TreeNodeRow>();

    public DbSet<CheckpointRow> Checkpoints => Set<CheckpointRow>();

    public DbSet<LogStateRow> LogState => Set<LogStateRow>();

    public DbSet<PartyRow> Parties => Set<PartyRow>();

    public DbSet<DeviceRow> Devices => Set<DeviceRow>();

    public DbSet<DeviceKeyRow> DeviceKeys => Set<DeviceKeyRow>();

    public DbSet<ApiKeyRow> ApiKeys => Set<ApiKeyRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<EntryRow>(e =>
        {
            e.ToTable("entries");
            e.HasKey(x => x.Seq);
            e.Property(x => x.Seq).HasColumnName("seq").ValueGeneratedNever();
            e.Property(x => x.Kind).HasColumnName("kind");
            e.Property(x => x.LeafHash).HasColumnName("leaf_hash");
            e.Property(x => x.EntryBytes).HasColumnName("entry_bytes");
            e.Property(x => x.ContentHash).HasColumnName("content_hash");
            e.Property(x => x.DeviceId).HasColumnName("device_id");
            e.Property(x => x.Counter).HasColumnName("counter");
            e.Property(x => x.ReceivedAtMs).HasColumnName("received_at_ms");
            e.HasIndex(x => x.ContentHash).IsUnique().HasDatabaseName("ix_entries_content_hash");
            e.HasIndex(x => new { x.DeviceId, x.Counter }).HasDatabaseName("ix_entries_device_counter");
        });
        modelBuilder.Entity<EntryItemRow>(e =>
        {
            e.ToTable("entry_items");
            e.HasKey(x => new { x.ItemKey, x.Seq });
            e.Property(x => x.ItemKey).HasColumnName("item_key");
            e.Property(x => x.Seq).HasColumnName("seq");
            e.Property(x => x.PrevSeq).HasColumnName("prev_seq");
            e.HasIndex(x => x.Seq).HasDatabaseName("ix_entry_items_seq");
            e.HasOne<EntryRow>().WithMany().HasForeignKey(x => x.Seq).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<ItemHeadRow>(e =>
        {
            e.ToTable("item_heads");
            e.HasKey(x => x.ItemKey);
            e.Property(x => x.ItemKey).HasColumnName("item_key");
            e.Property(x => x.HeadSeq).HasColumnName("head_seq");
            e.Property(x => x.EntryCount).HasColumnName("entry_count");
        });
        modelBuilder.Entity<TreeNodeRow>(e =>
        {
            e.ToTable("tree_nodes");
            e.HasKey(x => new { x.Level, x.Index });
            e.Property(x => x.Level).HasColumnName("level");
            e.Property(x => x.Index).HasColumnName("idx");
            e.Property(x => x.Hash).HasColumnName("hash");
        });
        modelBuilder.Entity<CheckpointRow>(e =>
        {
            e.ToTable("checkpoints");
            e.HasKey(x => x.TreeSize);
            e.Property(x => x.TreeSize).HasColumnName("tree_size").ValueGeneratedNever();
            e.Property(x => x.RootHash).HasColumnName("root_hash");
            e.Property(x => x.SignedNote).HasColumnName("signed_note");
            e.Property(x => x.CreatedAtMs).HasColumnName("created_at_ms");
        });
        modelBuilder.Entity<LogStateRow>(e =>
        {
            e.ToTable("log_state");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(x => x.TreeSize).HasColumnName("tree_size");
            e.Property(x => x.RootHash).HasColumnName("root_hash");
        });
        modelBuilder.Entity<PartyRow>(e =>
        {
            e.ToTable("parties");
            e.HasKey(x => x.Gln);
            e.Property(x => x.Gln).HasColumnName("gln");
            e.Property(x => x.Name).HasColumnName("name");
            e.Property(x => x.Role).HasColumnName("role").HasConversion<string>();
            e.Property(x => x.Latitude).HasColumnName("latitude");
            e.Property(x => x.Longitude).HasColumnName("longitude");
            e.Property(x => x.RegisteredSeq).HasColumnName("registered_seq");
        });
        modelBuilder.Entity<DeviceRow>(e =>
        {
            e.ToTable("devices");
            e.HasKey(x => x.DeviceId);
            e.Property(x => x.DeviceId).HasColumnName("device_id");
            e.Property(x => x.PartyGln).HasColumnName("party_gln");
            e.Property(x => x.Active).HasColumnName("active");
            e.Property(x => x.LastCounter).HasColumnName("last_counter");
            e.Property(x => x.RegisteredSeq).HasColumnName("registered_seq");
            e.Property(x => x.RevokedSeq).HasColumnName("revoked_seq");
            e.HasOne<PartyRow>().WithMany().HasForeignKey(x => x.PartyGln).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<DeviceKeyRow>(e =>
        {
            e.ToTable("device_keys");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.DeviceId).HasColumnName("device_id");
            e.Property(x => x.PublicKey).HasColumnName("public_key");
            e.Property(x => x.ValidFromSeq).HasColumnName("valid_from_seq");
            e.Property(x => x.ValidUntilSeq).HasColumnName("valid_until_seq");
            e.HasIndex(x => new { x.DeviceId, x.ValidFromSeq }).HasDatabaseName("ix_device_keys_device_from");
            e.HasOne<DeviceRow>().WithMany().HasForeignKey(x => x.DeviceId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<ApiKeyRow>(e =>
        {
            e.ToTable("api_keys");
            e.HasKey(x => x.KeyId);
            e.Property(x => x.KeyId).HasColumnName("key_id");
            e.Property(x => x.SecretHash).HasColumnName("secret_hash");
            e.Property(x => x.Owner).HasColumnName("owner");
            e.Property(x => x.CreatedAtMs).HasColumnName("created_at_ms");
            e.Property(x => x.Revoked).HasColumnName("revoked");
        });
    }
}

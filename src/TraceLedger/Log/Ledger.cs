using TraceChain.Protocol.Checkpoints;
using TraceChain.Protocol.Proofs;
using TraceChain.Protocol.Signing;
using TraceLedger.Storage;

namespace TraceLedger.Log;

/// <summary>
/// The tamper-evident log of signed hops, over one SQLite file: what the gateway calls in-process and what
/// <c>TraceLedger serve</c> exposes over HTTP. One instance per file: it is the file's only writer.
/// </summary>
public sealed class Ledger : IAsyncDisposable
{
    private readonly LogWriter log;
    private readonly LogSigningKey key;
    private readonly HopAppender hops;
    private readonly LedgerRegistry registry;
    private readonly LedgerReader reader;
    private readonly DeviceDirectory devices;

    private Ledger(LogWriter log, LogSigningKey key, NoteSigner signer, DeviceDirectory devices, LedgerOptions options)
    {
        this.log = log;
        this.key = key;
        this.devices = devices;
        Signer = signer;
        hops = new HopAppender(log, devices, options.Rules);
        registry = new LedgerRegistry(log, devices);
        reader = new LedgerReader(log.Store, log);
        ApiKeys = new ApiKeyStore(log.Store, options.Time);
    }

    /// <summary>The single writer (the pack lifecycle appends its own entries and updates through it).</summary>
    internal LogWriter Log => log;

    /// <summary>The database file.</summary>
    public string DatabasePath => log.Store.Path;

    /// <summary>The checkpoint signer; <see cref="NoteSigner.VerifierKey"/> is what clients trust.</summary>
    public NoteSigner Signer { get; }

    /// <summary>The log key's public half as DER SubjectPublicKeyInfo.</summary>
    public byte[] PublicKeySpki => key.PublicKeySpki;

    /// <summary>API keys that guard the registry endpoints of the HTTP service.</summary>
    public ApiKeyStore ApiKeys { get; }

    /// <summary>The newest checkpoint (every receipt already returned is covered by it).</summary>
    public LedgerCheckpoint Checkpoint => log.Latest;

    /// <summary>Counters of the single writer (writes, commits, busy time) since the ledger opened.</summary>
    public WriterStatistics WriterStatistics => log.Statistics;

    /// <summary>Null while the ledger takes writes; else why it refuses them until reopened (readiness checks report it).</summary>
    public Exception? WriteFault => log.Fault;

    /// <summary>
    /// Completes once every write committed so far is durable. Writes are answered (verifications excepted, see
    /// docs/ledger.md), and checkpoints published, only then anyway; other readers of the file can see a commit up to
    /// one WAL sync earlier.
    /// </summary>
    public Task WhenDurableAsync(CancellationToken cancellationToken) => log.WhenDurableAsync(cancellationToken);

    /// <summary>Opens (creating and migrating if needed) the ledger described by <paramref name="options"/>.</summary>
    public static async Task<Ledger> OpenAsync(LedgerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var store = await LedgerStore.OpenAsync(options.DatabasePath, cancellationToken);
        var key = LogSigningKey.LoadOrCreate(options.EffectiveKeyPath);
        try
        {
            var signer = new NoteSigner(options.Origin, key.Key);
            var log = await LogWriter.OpenAsync(store, signer, options.Time, options.WalSync, options.CommittedSyncDelay, cancellationToken);
            try
            {
                var devices = new DeviceDirectory();
                await using (var connection = await store.OpenConnectionAsync(cancellationToken))
                await using (var context = store.CreateContext(connection))
                {
                    devices.Load(context, null);
                }

                return new Ledger(log, key, signer, devices, options);
            }
            catch
            {
                await log.DisposeAsync();
                throw;
            }
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Appends a batch of signed hops in one transaction and returns one receipt per hop, in order. A receipt with a
    /// sequence number is durable; the same hop sent again gets the same receipt.
    /// </summary>
    public Task<IReadOnlyList<HopReceipt>> AppendAsync(IReadOnlyList<SignedHop> signedHops, CancellationToken cancellationToken) =>
        hops.AppendAsync(signedHops, cancellationToken);

    /// <summary>Registers a party; returns the sequence number of the registration entry. Throws <see cref="RegistryException"/> when refused.</summary>
    public Task<long> RegisterPartyAsync(PartyRegistration party, CancellationToken cancellationToken) =>
        registry.RegisterPartyAsync(party, cancellationToken);

    /// <summary>Registers a device of a registered party; throws <see cref="RegistryException"/> when refused.</summary>
    public Task<long> RegisterDeviceAsync(DeviceRegistration device, CancellationToken cancellationToken) =>
        registry.RegisterDeviceAsync(device, cancellationToken);

    /// <summary>Gives a device a new key; hops signed with the old one before stay verifiable, new ones must use the new key.</summary>
    public Task<long> RotateDeviceKeyAsync(string deviceId, byte[] publicKeySpki, CancellationToken cancellationToken) =>
        registry.RotateDeviceKeyAsync(deviceId, publicKeySpki, cancellationToken);

    /// <summary>Revokes a device: its later hops are refused, its earlier ones stay in the log.</summary>
    public Task<long> RevokeDeviceAsync(string deviceId, CancellationToken cancellationToken) =>
        registry.RevokeDeviceAsync(deviceId, cancellationToken);

    /// <summary>The device as the registry holds it now, or null when no device has this id.</summary>
    public RegisteredDevice? FindDevice(string deviceId) =>
        devices.Find(deviceId) is { Keys: [.., var newest] } device
            ? new RegisteredDevice(device.DeviceId, device.PartyGln, device.Active, newest.Spki, newest.ValidFromSeq, device.LastCounter)
            : null;

    /// <summary>The entry at <paramref name="seq"/>, or null when the log is not that long.</summary>
    public Task<LedgerEntry?> GetEntryAsync(long seq, CancellationToken cancellationToken) => reader.GetEntryAsync(seq, cancellationToken);

    /// <summary>The newest <paramref name="limit"/> entries naming an item (e.g. <c>gtin:…:ser:…</c> or <c>sscc:…</c>), newest first: where it has been.</summary>
    public Task<IReadOnlyList<LedgerEntry>> ItemHistoryAsync(string itemKey, int limit, CancellationToken cancellationToken) =>
        reader.ItemHistoryAsync(itemKey, limit, cancellationToken);

    /// <summary>Inclusion proof of entry <paramref name="seq"/> in the tree of <paramref name="treeSize"/> leaves (at most the checkpoint size); throws <see cref="LedgerRangeException"/> outside it.</summary>
    public Task<LedgerInclusionProof> InclusionProofAsync(long seq, long treeSize, CancellationToken cancellationToken) =>
        reader.InclusionProofAsync(seq, treeSize, cancellationToken);

    /// <summary>Consistency proof between two tree sizes (the second at most the checkpoint size).</summary>
    public Task<LedgerConsistencyProof> ConsistencyProofAsync(long fromSize, long toSize, CancellationToken cancellationToken) =>
        reader.ConsistencyProofAsync(fromSize, toSize, cancellationToken);

    /// <summary>Entry, inclusion proof and newest signed checkpoint, for offline checking; null when there is no such entry.</summary>
    public Task<ProofBundle?> BundleAsync(long seq, CancellationToken cancellationToken) => reader.BundleAsync(seq, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await log.DisposeAsync();
        key.Dispose();
    }
}

namespace TraceGateway.Counter;

/// <summary>
/// Opens the counter-device store on first use and keeps it once open. A failed open (the directory not there yet, the
/// file locked or unreadable for a moment) is not kept: the caller gets the error and the next request tries again,
/// so a transient failure never disables the counter page until a restart.
/// </summary>
public sealed class CounterDeviceStoreOpener(string path) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private CounterDeviceStore? store;

    /// <summary>The open store, opening it now if no earlier attempt succeeded.</summary>
    public async Task<CounterDeviceStore> OpenAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref store) is { } open)
        {
            return open;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (store is null)
            {
                Volatile.Write(ref store, await CounterDeviceStore.OpenAsync(path, cancellationToken));
            }

            return store!;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();
}

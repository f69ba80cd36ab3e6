using TraceChain.Mqtt.Broker;

namespace TraceChain.Mqtt.Tests.Broker;

/// <summary>
/// A real Mosquitto broker for tests: temp folder, password file (user <see cref="User"/>), a plain and a TLS
/// listener on free ports. Used as a shared fixture, or started alone (e.g. with persistence for restarts).
/// </summary>
public sealed class MosquittoBroker : IAsyncLifetime
{
    public const string User = "agent";
    public const string Password = "s3cret pass";

    private readonly bool persistence;
    private TestCertificates? certificates;
    private MosquittoProcess? process;

    public MosquittoBroker()
        : this(persistence: false)
    {
    }

    private MosquittoBroker(bool persistence)
    {
        this.persistence = persistence;
        Directory = System.IO.Directory.CreateTempSubdirectory("tracechain-mosquitto-").FullName;
    }

    public string Directory { get; }

    public MosquittoProcess Process => process ?? throw new InvalidOperationException("Broker not started");

    public int Port => Process.Port;

    public int TlsPort => Process.TlsPort ?? throw new InvalidOperationException("No TLS listener");

    public System.Security.Cryptography.X509Certificates.X509Certificate2 Ca =>
        certificates?.Ca ?? throw new InvalidOperationException("Broker not started");

    public static async Task<MosquittoBroker> StartAsync(bool persistence)
    {
        var broker = new MosquittoBroker(persistence);
        await broker.InitializeAsync();
        return broker;
    }

    /// <summary>Client options for this broker with the right credentials.</summary>
    public MqttClientOptions ClientOptions(string? clientId = null) => new()
    {
        Host = "127.0.0.1",
        Port = Port,
        ClientId = clientId ?? "test-" + Guid.NewGuid().ToString("N")[..10],
        Username = User,
        Password = Password,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        ReconnectMinDelay = TimeSpan.FromMilliseconds(50),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(500),
    };

    /// <summary>Arguments for mosquitto_pub/sub that reach this broker.</summary>
    public string[] CliArguments() => ["-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-u", User, "-P", Password];

    public async Task InitializeAsync()
    {
        certificates = TestCertificates.Create(Path.Combine(Directory, "tls"));
        process = await MosquittoProcess.StartAsync(
            new MosquittoOptions
            {
                DataDirectory = Directory,
                Users = new Dictionary<string, string> { [User] = Password },
                Persistence = persistence,
                Tls = certificates.Files,
            },
            CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (process is not null)
        {
            await process.DisposeAsync();
        }

        certificates?.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

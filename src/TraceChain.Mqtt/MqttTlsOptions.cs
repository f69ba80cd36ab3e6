using System.Security.Cryptography.X509Certificates;

namespace TraceChain.Mqtt;

/// <summary>
/// TLS with CA pinning: the broker's certificate chain must end at <paramref name="CaCertificate"/> (the system
/// trust store is not consulted) and name <paramref name="TargetHost"/> (or the connect host when null).
/// </summary>
public sealed record MqttTlsOptions(X509Certificate2 CaCertificate, string? TargetHost = null);

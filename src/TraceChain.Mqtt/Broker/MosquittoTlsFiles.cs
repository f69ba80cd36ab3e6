namespace TraceChain.Mqtt.Broker;

/// <summary>PEM files for a TLS listener: the CA that signed the server certificate, the certificate and its key.</summary>
public sealed record MosquittoTlsFiles(string CaFile, string CertificateFile, string KeyFile);

namespace TraceGateway.Features.RegisterCounterDevice;

/// <summary>A pharmacy's counter device: its registry entry, device id and public key (the private key never leaves the gateway).</summary>
public sealed record CounterDeviceResponse(string PartyGln, string DeviceId, string KeyId, string PublicKey, long Seq);

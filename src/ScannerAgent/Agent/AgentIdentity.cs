using System.Security.Cryptography;
using TraceChain.Protocol.Gs1;

namespace ScannerAgent.Agent;

/// <summary>Who signs: the device id, its key, the read point and the clock and zone hops are stamped with.</summary>
/// <param name="DeviceId">Registered device id.</param>
/// <param name="Key">The device's private key.</param>
/// <param name="Location">GLN of the read point.</param>
/// <param name="Time">Clock for event times.</param>
/// <param name="Zone">Zone for eventTimeZoneOffset.</param>
/// <param name="ParseOptions">GS1 parsing options (century rule clock).</param>
public sealed record AgentIdentity(string DeviceId, ECDsa Key, string Location, TimeProvider Time, TimeZoneInfo Zone, Gs1ParseOptions ParseOptions);

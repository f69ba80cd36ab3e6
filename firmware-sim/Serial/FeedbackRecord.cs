using TraceChain.Protocol.Scanning;

namespace FirmwareSim.Serial;

/// <summary>A host command a simulated scanner received and obeyed (BEEP, LED_ON/OFF, sessions, PARAM_SEND).</summary>
/// <param name="Scanner">Scanner number.</param>
/// <param name="Opcode">The command.</param>
/// <param name="Argument">Its first data byte (beep pattern, LED selection), or null.</param>
public sealed record FeedbackRecord(int Scanner, SsiOpcode Opcode, byte? Argument);

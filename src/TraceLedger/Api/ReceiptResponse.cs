namespace TraceLedger.Api;

/// <summary>One hop's receipt on the wire. Status is accepted, duplicate or refused; reason is a snake_case refusal name.</summary>
public sealed record ReceiptResponse(int Index, string Status, long? Seq, string? LeafHash, string? Reason, string? Message);

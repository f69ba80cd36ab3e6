using System.Security.Cryptography;

namespace TraceLedger.Log;

/// <summary>One key of a device, imported once, with the log range [ValidFromSeq, ValidUntilSeq) it signs for.</summary>
internal sealed record DeviceKeyState(string KeyId, byte[] Spki, ECDsa PublicKey, long ValidFromSeq, long? ValidUntilSeq)
{
    public bool IsCurrent => ValidUntilSeq is null;

    public bool ValidAt(long seq) => seq >= ValidFromSeq && (ValidUntilSeq is not { } until || seq < until);
}

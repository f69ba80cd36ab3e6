using TraceChain.Protocol.Gs1;

namespace ScannerAgent.Tests.Support;

/// <summary>Valid GS1 test data.</summary>
internal static class TestCodes
{
    public const string Gtin = "09506000134352";

    public static string Gln(int n) => CheckDigit.Append($"401234{n:D6}");

    public static string Sscc(int n) => CheckDigit.Append($"34012345{n:D9}");

    /// <summary>A GS1 DataMatrix read of pack <paramref name="serial"/> as a scanner sends it (AIM ]d2, GS = 0x1D).</summary>
    public static string Pack(string serial) => $"]d201{Gtin}17271231" + "10LOT42\u001d21" + serial;

    public static string PackId(string serial) => $"gtin:{Gtin}:ser:{serial}";
}

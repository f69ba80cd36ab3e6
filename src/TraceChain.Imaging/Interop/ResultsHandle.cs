using System.Runtime.InteropServices;

namespace TraceChain.Imaging.Interop;

/// <summary>Owns a tc_results*; freeing it releases every tc_code pointer read from it.</summary>
internal sealed class ResultsHandle : SafeHandle
{
    public ResultsHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.ResultsFree(handle);
        return true;
    }
}

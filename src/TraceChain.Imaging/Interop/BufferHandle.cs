using System.Runtime.InteropServices;

namespace TraceChain.Imaging.Interop;

/// <summary>Owns a tc_buffer* (label pixels, PNG or SVG bytes).</summary>
internal sealed class BufferHandle : SafeHandle
{
    public BufferHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.BufferFree(handle);
        return true;
    }
}

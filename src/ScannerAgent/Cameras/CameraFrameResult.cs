using ScannerAgent.Outbox;

namespace ScannerAgent.Cameras;

/// <summary>What one camera frame gave.</summary>
/// <param name="Stored">Hops committed to the outbox, one per new code.</param>
/// <param name="Suppressed">Codes that repeat a recent sighting by the same camera (no hop).</param>
/// <param name="Invalid">Codes that name no pack, each with the problem (no hop).</param>
/// <param name="ImageProblem">Why the frame could not be decoded at all (not an image, corrupt, over the limits); null when it was.</param>
public sealed record CameraFrameResult(IReadOnlyList<OutboxEntry> Stored, int Suppressed, IReadOnlyList<string> Invalid, string? ImageProblem)
{
    /// <summary>Warnings for stored hops of a batch the agent's recall cache knows as recalled or withdrawn.</summary>
    public IReadOnlyList<string> Recalled { get; init; } = [];

    /// <summary>Codes stored as hops by an earlier handling of the same frame (before a crash), so no new hop.</summary>
    public int AlreadyStored { get; init; }

    /// <summary>Codes found in the frame.</summary>
    public int CodesFound => Stored.Count + Suppressed + AlreadyStored + Invalid.Count;

    /// <summary>A frame that could not be decoded.</summary>
    public static CameraFrameResult BadImage(string problem) => new([], 0, [], problem);
}

namespace TraceLedger.Log;

/// <summary>The hash of leaves [Index * 2^Level, (Index + 1) * 2^Level).</summary>
internal sealed record TreeNode(int Level, long Index, byte[] Hash);

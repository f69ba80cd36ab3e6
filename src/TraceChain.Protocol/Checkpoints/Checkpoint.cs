using System.Globalization;
using System.Text;
using TraceChain.Protocol.Merkle;

namespace TraceChain.Protocol.Checkpoints;

/// <summary>
/// A C2SP tlog-checkpoint body: <c>&lt;origin&gt;\n&lt;tree size&gt;\n&lt;base64 root hash&gt;\n</c> followed by
/// optional extension lines. It becomes trustworthy only inside a verified <see cref="SignedNote"/>.
/// </summary>
/// <param name="Origin">Unique log identity, e.g. <c>tracechain.example/log</c>; non-empty, no newline.</param>
/// <param name="TreeSize">Number of leaves.</param>
/// <param name="RootHash">RFC 9162 root hash of the first <paramref name="TreeSize"/> leaves (32 bytes).</param>
/// <param name="Extensions">Extension lines after the root hash (without newlines); usually empty.</param>
public sealed record Checkpoint(string Origin, long TreeSize, byte[] RootHash, IReadOnlyList<string>? Extensions = null)
{
    /// <summary>The note text, ending in a newline.</summary>
    public string ToNoteText()
    {
        Validate();
        var text = new StringBuilder()
            .Append(Origin).Append('\n')
            .Append(TreeSize.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(Convert.ToBase64String(RootHash)).Append('\n');
        foreach (var line in Extensions ?? [])
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Parses a checkpoint note text strictly; throws <see cref="FormatException"/> naming the problem.</summary>
    public static Checkpoint Parse(string noteText)
    {
        ArgumentNullException.ThrowIfNull(noteText);
        if (!noteText.EndsWith('\n'))
        {
            throw new FormatException("Checkpoint text must end with a newline.");
        }

        var lines = noteText[..^1].Split('\n');
        if (lines.Length < 3)
        {
            throw new FormatException($"Checkpoint needs origin, tree size and root hash lines; found {lines.Length} line(s).");
        }

        var size = ParseSize(lines[1]);
        byte[] root;
        try
        {
            root = Convert.FromBase64String(lines[2]);
        }
        catch (FormatException e)
        {
            throw new FormatException($"Checkpoint root hash '{lines[2]}' is not standard base64.", e);
        }

        if (Convert.ToBase64String(root) != lines[2])
        {
            throw new FormatException($"Checkpoint root hash '{lines[2]}' is not canonical base64.");
        }

        var checkpoint = new Checkpoint(lines[0], size, root, lines[3..]);
        checkpoint.Validate();
        return checkpoint;
    }

    /// <summary>Value equality, comparing the root hash and extensions by content.</summary>
    public bool Equals(Checkpoint? other) =>
        other is not null
        && Origin == other.Origin
        && TreeSize == other.TreeSize
        && RootHash.AsSpan().SequenceEqual(other.RootHash)
        && (Extensions ?? []).SequenceEqual(other.Extensions ?? [], StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Origin, TreeSize);

    private void Validate()
    {
        if (string.IsNullOrEmpty(Origin) || Origin.Contains('\n', StringComparison.Ordinal))
        {
            throw new FormatException("Checkpoint origin must be a non-empty line.");
        }

        if (TreeSize < 0)
        {
            throw new FormatException($"Checkpoint tree size {TreeSize} is negative.");
        }

        if (RootHash is not { Length: MerkleHash.Size })
        {
            throw new FormatException($"Checkpoint root hash must be {MerkleHash.Size} bytes.");
        }

        foreach (var line in Extensions ?? [])
        {
            if (line.Length == 0 || line.Contains('\n', StringComparison.Ordinal))
            {
                throw new FormatException("Checkpoint extension lines must be non-empty single lines.");
            }
        }
    }

    private static long ParseSize(string line)
    {
        // ASCII decimal without sign or leading zeros, so each size has one spelling.
        if (line.Length == 0 || line.Length > 19 || !line.All(char.IsAsciiDigit) || (line.Length > 1 && line[0] == '0')
            || !long.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            throw new FormatException($"Checkpoint tree size '{line}' must be a decimal number without sign or leading zeros.");
        }

        return size;
    }
}

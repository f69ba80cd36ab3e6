using System.Buffers.Binary;
using System.Text;

namespace TraceChain.Protocol.Checkpoints;

/// <summary>
/// A C2SP signed note: text ending in a newline, a blank line, then one or more signature lines
/// <c>— &lt;name&gt; &lt;base64(key id || signature)&gt;</c>. Parsing is strict; trust comes only from
/// <see cref="NoteVerifier"/>.
/// </summary>
/// <param name="Text">The signed text, including its final newline.</param>
/// <param name="Signatures">Signature lines in order.</param>
public sealed record SignedNote(string Text, IReadOnlyList<NoteSignature> Signatures)
{
    /// <summary>Most signature lines accepted (the spec requires at least 16).</summary>
    public const int MaxSignatures = 64;

    /// <summary>Largest note accepted, in bytes.</summary>
    public const int MaxBytes = 1 << 20;

    private const string Dash = "\u2014 ";

    /// <summary>The note as transmitted.</summary>
    public string Format()
    {
        var note = new StringBuilder(Text).Append('\n');
        foreach (var signature in Signatures)
        {
            var blob = new byte[4 + signature.Signature.Length];
            BinaryPrimitives.WriteUInt32BigEndian(blob, signature.KeyId);
            signature.Signature.CopyTo(blob, 4);
            note.Append(Dash).Append(signature.KeyName).Append(' ').Append(Convert.ToBase64String(blob)).Append('\n');
        }

        return note.ToString();
    }

    /// <summary>Parses UTF-8 note bytes strictly; throws <see cref="FormatException"/> naming the problem.</summary>
    public static SignedNote Parse(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxBytes)
        {
            throw new FormatException($"Signed note is larger than {MaxBytes} bytes.");
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(utf8);
        }
        catch (DecoderFallbackException e)
        {
            throw new FormatException("Signed note is not valid UTF-8.", e);
        }

        return Parse(text);
    }

    /// <summary>Parses a note strictly; throws <see cref="FormatException"/> naming the problem.</summary>
    public static SignedNote Parse(string note)
    {
        ArgumentNullException.ThrowIfNull(note);
        for (var i = 0; i < note.Length; i++)
        {
            if (note[i] < ' ' && note[i] != '\n')
            {
                throw new FormatException($"Signed note contains control character U+{(int)note[i]:X4} at offset {i}.");
            }
        }

        // The text ends at the last blank line; everything after it is signature lines.
        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0)
        {
            throw new FormatException("Signed note has no blank line between text and signatures.");
        }

        var text = note[..(split + 1)];
        var block = note[(split + 2)..];
        if (block.Length == 0 || !block.EndsWith('\n'))
        {
            throw new FormatException("Signed note must end with signature lines, each ending in a newline.");
        }

        var signatures = new List<NoteSignature>();
        foreach (var line in block[..^1].Split('\n'))
        {
            if (signatures.Count == MaxSignatures)
            {
                throw new FormatException($"Signed note has more than {MaxSignatures} signatures.");
            }

            signatures.Add(ParseLine(line));
        }

        return new SignedNote(text, signatures);
    }

    /// <summary>True when <paramref name="name"/> is a valid key name (non-empty, no Unicode space, no '+').</summary>
    public static bool IsValidKeyName(string? name) =>
        !string.IsNullOrEmpty(name) && !name.Any(c => char.IsWhiteSpace(c) || c == '+');

    private static NoteSignature ParseLine(string line)
    {
        if (!line.StartsWith(Dash, StringComparison.Ordinal))
        {
            throw new FormatException($"Signature line '{line}' must start with an em dash and a space.");
        }

        var rest = line[Dash.Length..];
        var space = rest.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            throw new FormatException($"Signature line '{line}' must be '— <key name> <base64 signature>'.");
        }

        var name = rest[..space];
        var encoded = rest[(space + 1)..];
        if (!IsValidKeyName(name))
        {
            throw new FormatException($"Key name '{name}' must be non-empty without spaces or '+'.");
        }

        byte[] blob;
        try
        {
            blob = Convert.FromBase64String(encoded);
        }
        catch (FormatException e)
        {
            throw new FormatException($"Signature of '{name}' is not standard base64.", e);
        }

        if (blob.Length < 5 || Convert.ToBase64String(blob) != encoded)
        {
            throw new FormatException($"Signature of '{name}' must be canonical base64 of a 4-byte key id and at least one signature byte.");
        }

        return new NoteSignature(name, BinaryPrimitives.ReadUInt32BigEndian(blob), blob[4..]);
    }
}

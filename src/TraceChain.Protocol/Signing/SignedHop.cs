using System.Security.Cryptography;
using System.Text.Json;
using TraceChain.Protocol.Hops;
using TraceChain.Protocol.Json;
using TraceChain.Protocol.Merkle;

namespace TraceChain.Protocol.Signing;

/// <summary>
/// A hop with its device signature. <see cref="ToEntryBytes"/> is the log entry: the RFC 8785 canonical JSON
/// <c>{"hop":{…},"keyId":"…","signature":"…"}</c>; its Merkle leaf is SHA-256(0x00 || entry).
/// </summary>
/// <param name="Hop">The signed hop.</param>
/// <param name="KeyId">Key id of the device key (<see cref="DeviceKeys.KeyId(ECDsa)"/>).</param>
/// <param name="Signature">base64url P1363 signature of the hop's canonical bytes (<see cref="DeviceSignature"/>).</param>
public sealed record SignedHop(Hop Hop, string KeyId, string Signature)
{
    /// <summary>Signs <paramref name="hop"/> with a device's private key.</summary>
    public static SignedHop Create(Hop hop, ECDsa deviceKey)
    {
        var bytes = HopCanonicalizer.Canonicalize(hop);
        return new SignedHop(hop, DeviceKeys.KeyId(deviceKey), DeviceSignature.Encode(DeviceSignature.Sign(bytes, deviceKey)));
    }

    /// <summary>True when the key id names <paramref name="devicePublicKey"/> and the signature over the hop's canonical bytes verifies.</summary>
    public bool Verify(ECDsa devicePublicKey)
    {
        ArgumentNullException.ThrowIfNull(devicePublicKey);
        return HopRules.Problems(Hop).Count == 0
            && KeyId == DeviceKeys.KeyId(devicePublicKey)
            && DeviceSignature.TryDecode(Signature, out var signature)
            && DeviceSignature.Verify(HopCanonicalizer.Canonicalize(Hop), signature, devicePublicKey);
    }

    /// <summary>The log entry bytes (canonical JSON).</summary>
    public byte[] ToEntryBytes()
    {
        if (KeyId is null || KeyId.Length != DeviceKeys.KeyIdLength || !DeviceSignature.TryDecode(Signature, out _))
        {
            throw new InvalidOperationException("A signed hop needs a 16-hex-digit key id and an 86-character base64url signature.");
        }

        var w = new CanonicalJsonWriter();
        w.StartObject();
        w.PropertyName("hop");
        w.CanonicalValue(HopCanonicalizer.Canonicalize(Hop));
        w.PropertyName("keyId");
        w.String(KeyId);
        w.PropertyName("signature");
        w.String(Signature);
        w.EndObject();
        return w.ToArray();
    }

    /// <summary>Merkle leaf hash of the entry: SHA-256(0x00 || <see cref="ToEntryBytes"/>).</summary>
    public byte[] LeafHash() => MerkleHash.Leaf(ToEntryBytes());

    /// <summary>Parses the JSON form (any member order); throws <see cref="FormatException"/> naming the problem.</summary>
    public static SignedHop Parse(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8Json.ToArray());
            return FromElement(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new FormatException($"Signed hop is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>Reads the JSON form from a parsed element; throws <see cref="FormatException"/> naming the problem.</summary>
    public static SignedHop FromElement(JsonElement element)
    {
        try
        {
            return Read(element);
        }
        catch (InvalidOperationException e)
        {
            // System.Text.Json will not decode escaped lone surrogates into .NET strings.
            throw new FormatException("Signed hop contains a string that is not well-formed Unicode.", e);
        }
    }

    private static SignedHop Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"Signed hop must be a JSON object, not {element.ValueKind}.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in element.EnumerateObject())
        {
            if (member.Name is not ("hop" or "keyId" or "signature"))
            {
                throw new FormatException($"Signed hop has unknown member '{member.Name}'.");
            }

            if (!seen.Add(member.Name))
            {
                throw new FormatException($"Signed hop has member '{member.Name}' twice.");
            }
        }

        if (!element.TryGetProperty("hop", out var hop))
        {
            throw new FormatException("Signed hop member 'hop' is required.");
        }

        var keyId = element.TryGetProperty("keyId", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString()! : null;
        if (keyId is null || keyId.Length != DeviceKeys.KeyIdLength || !keyId.All(char.IsAsciiHexDigitLower))
        {
            throw new FormatException("Signed hop member 'keyId' must be 16 lower-case hex digits.");
        }

        var signature = element.TryGetProperty("signature", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        if (!DeviceSignature.TryDecode(signature, out _))
        {
            throw new FormatException("Signed hop member 'signature' must be 86 characters of unpadded base64url (a 64-byte P1363 signature).");
        }

        return new SignedHop(HopJson.FromElement(hop), keyId, signature!);
    }
}

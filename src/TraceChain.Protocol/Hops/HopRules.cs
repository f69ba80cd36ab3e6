using System.Text.RegularExpressions;
using TraceChain.Protocol.Gs1;

namespace TraceChain.Protocol.Hops;

/// <summary>The field rules every hop obeys before it is canonicalised, signed or logged.</summary>
public static partial class HopRules
{
    /// <summary>Largest counter JSON carries exactly (I-JSON, RFC 7493: 2^53 - 1).</summary>
    public const long MaxCounter = (1L << 53) - 1;

    /// <summary>Longest raw scan kept, in UTF-16 code units.</summary>
    public const int MaxRawScanLength = 1024;

    /// <summary>What is wrong with <paramref name="hop"/>; empty when it is valid.</summary>
    public static IReadOnlyList<string> Problems(Hop hop)
    {
        ArgumentNullException.ThrowIfNull(hop);
        var problems = new List<string>();
        if (hop.DeviceId is null || !DeviceIdPattern().IsMatch(hop.DeviceId))
        {
            problems.Add($"deviceId '{hop.DeviceId}' must be 1-64 characters of A-Z a-z 0-9 . _ : -");
        }

        if (hop.Counter is < 0 or > MaxCounter)
        {
            problems.Add($"counter {hop.Counter} must be between 0 and 2^53-1");
        }

        if (hop.EventTime.Offset != TimeSpan.Zero)
        {
            problems.Add($"eventTime must be UTC (offset {hop.EventTime.Offset} given); put the local offset in eventTimeZoneOffset");
        }

        if (hop.EventTime.UtcTicks % TimeSpan.TicksPerMillisecond != 0)
        {
            problems.Add("eventTime must have millisecond precision");
        }

        if (hop.TimeZoneOffset is null || !OffsetPattern().IsMatch(hop.TimeZoneOffset))
        {
            problems.Add($"eventTimeZoneOffset '{hop.TimeZoneOffset}' must be ±hh:mm between -14:00 and +14:00");
        }

        if (!Enum.IsDefined(hop.BizStep))
        {
            problems.Add($"bizStep {(int)hop.BizStep} is not a CBV business step");
        }

        if (!Enum.IsDefined(hop.Disposition))
        {
            problems.Add($"disposition {(int)hop.Disposition} is not a CBV disposition");
        }

        CheckGln("location", hop.Location, required: true, problems);
        CheckGln("source", hop.Source, required: false, problems);
        CheckGln("destination", hop.Destination, required: false, problems);
        CheckIdentifiers(hop, problems);
        CheckParent(hop, problems);

        if (hop.Batch is not null && (hop.Batch.Length is < 1 or > 20 || !hop.Batch.All(PackIdentifier.IsCset82)))
        {
            problems.Add($"batch '{hop.Batch}' must be 1-20 characters of GS1 CSET 82");
        }

        if (hop.Expiry is not null && !ExpiryPattern().IsMatch(hop.Expiry))
        {
            problems.Add($"expiry '{hop.Expiry}' must be YYMMDD as read (month 01-12, day 00-31)");
        }

        if (hop.RawScan is not null && (hop.RawScan.Length > MaxRawScanLength || !IsWellFormedUtf16(hop.RawScan)))
        {
            problems.Add($"rawScan must be well-formed text of at most {MaxRawScanLength} characters");
        }

        return problems;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem when <paramref name="hop"/> is invalid.</summary>
    public static void Require(Hop hop)
    {
        var problems = Problems(hop);
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid hop: " + string.Join("; ", problems), nameof(hop));
        }
    }

    private static void CheckIdentifiers(Hop hop, List<string> problems)
    {
        if (hop.Identifiers is null || hop.Identifiers.Count == 0)
        {
            problems.Add("identifiers must list at least one pack identifier");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in hop.Identifiers)
        {
            if (PackIdentifier.Problem(id) is { } problem)
            {
                problems.Add("identifiers: " + problem);
            }
            else if (!seen.Add(id))
            {
                problems.Add($"identifiers: '{id}' is listed twice");
            }
        }
    }

    private static void CheckParent(Hop hop, List<string> problems)
    {
        if (hop.Parent is not null && !PackIdentifier.IsSscc(hop.Parent))
        {
            problems.Add($"parent '{hop.Parent}' must be sscc:{{18 digits}} with a valid check digit");
        }

        if (hop.Parent is null && hop.BizStep is BizStep.Packing or BizStep.Unpacking)
        {
            problems.Add($"parent is required for {CbvVocabulary.ToWire(hop.BizStep)}");
        }

        if (hop.Parent is not null && hop.Identifiers?.Contains(hop.Parent, StringComparer.Ordinal) == true)
        {
            problems.Add("parent must not also be one of the identifiers");
        }
    }

    private static void CheckGln(string field, string? gln, bool required, List<string> problems)
    {
        if (gln is null)
        {
            if (required)
            {
                problems.Add($"{field} GLN is required");
            }

            return;
        }

        if (!PackIdentifier.IsDigits(gln, 13))
        {
            problems.Add($"{field} '{gln}' must be a 13-digit GLN");
        }
        else if (!CheckDigit.IsValid(gln))
        {
            problems.Add($"{field} GLN '{gln}' has a wrong check digit");
        }
    }

    private static bool IsWellFormedUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex(@"^[A-Za-z0-9._:-]{1,64}\z")]
    private static partial Regex DeviceIdPattern();

    [GeneratedRegex(@"^[+-](0[0-9]|1[0-3]):[0-5][0-9]\z|^[+-]14:00\z")]
    private static partial Regex OffsetPattern();

    [GeneratedRegex(@"^[0-9]{2}(0[1-9]|1[0-2])(0[0-9]|[12][0-9]|3[01])\z")]
    private static partial Regex ExpiryPattern();
}

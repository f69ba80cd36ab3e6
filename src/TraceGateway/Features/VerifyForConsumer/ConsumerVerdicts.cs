namespace TraceGateway.Features.VerifyForConsumer;

/// <summary>The verdict names a consumer can get (wire spellings).</summary>
public static class ConsumerVerdicts
{
    /// <summary>In the log and in the supply chain: safe to use.</summary>
    public const string Genuine = "genuine";

    /// <summary>Already handed out to a patient: a second copy of this code is suspicious.</summary>
    public const string AlreadyDispensed = "already_dispensed";

    public const string Recalled = "recalled";

    public const string Expired = "expired";

    /// <summary>Reported destroyed or stolen.</summary>
    public const string DoNotUse = "do_not_use";

    /// <summary>No record of this code: possible counterfeit.</summary>
    public const string Unknown = "unknown";

    /// <summary>The code itself is malformed (a typo, or not a pack code).</summary>
    public const string InvalidCode = "invalid_code";
}

namespace TraceChain.Mqtt;

/// <summary>The broker refused one or more topic filters of a SUBSCRIBE (SUBACK return code 0x80).</summary>
public sealed class MqttSubscribeException : Exception
{
    /// <summary>Creates the exception for the refused filters.</summary>
    public MqttSubscribeException(IReadOnlyList<string> refusedFilters)
        : base($"Broker refused subscription to: {string.Join(", ", refusedFilters)}")
    {
        RefusedFilters = refusedFilters;
    }

    /// <summary>Creates the exception with a message.</summary>
    public MqttSubscribeException(string message)
        : base(message)
    {
        RefusedFilters = [];
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public MqttSubscribeException(string message, Exception innerException)
        : base(message, innerException)
    {
        RefusedFilters = [];
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public MqttSubscribeException()
        : this("Broker refused the subscription")
    {
    }

    /// <summary>The filters the broker refused.</summary>
    public IReadOnlyList<string> RefusedFilters { get; }
}

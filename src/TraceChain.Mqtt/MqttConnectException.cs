using TraceChain.Mqtt.Packets;

namespace TraceChain.Mqtt;

/// <summary>The broker refused the connection (CONNACK return code other than 0).</summary>
public sealed class MqttConnectException : Exception
{
    /// <summary>Creates the exception for a refusal code.</summary>
    public MqttConnectException(MqttConnectReturnCode returnCode)
        : base($"Broker refused the connection: {Describe(returnCode)} (CONNACK return code {(int)returnCode})")
    {
        ReturnCode = returnCode;
    }

    /// <summary>Creates the exception with a message.</summary>
    public MqttConnectException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public MqttConnectException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public MqttConnectException()
        : base("Broker refused the connection")
    {
    }

    /// <summary>The broker's refusal code, or null when it never answered (timeout).</summary>
    public MqttConnectReturnCode? ReturnCode { get; }

    /// <summary>A sentence for a return code.</summary>
    public static string Describe(MqttConnectReturnCode code) => code switch
    {
        MqttConnectReturnCode.Accepted => "accepted",
        MqttConnectReturnCode.UnacceptableProtocolVersion => "the broker does not accept MQTT 3.1.1",
        MqttConnectReturnCode.IdentifierRejected => "client id rejected",
        MqttConnectReturnCode.ServerUnavailable => "server unavailable",
        MqttConnectReturnCode.BadUsernameOrPassword => "bad user name or password",
        MqttConnectReturnCode.NotAuthorized => "not authorised (wrong credentials or no permission)",
        _ => "unknown reason",
    };
}

namespace TraceChain.Mqtt.Tests.Client;

public sealed class MqttClientOptionsTests
{
    [Fact]
    public void Validate_Defaults_AreAccepted() => new MqttClientOptions().Validate();

    [Fact]
    public void Validate_FractionalKeepAlive_IsRejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new MqttClientOptions { KeepAlive = TimeSpan.FromMilliseconds(1500) }.Validate());
        Assert.Contains("whole seconds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PasswordWithoutUser_IsRejected() =>
        Assert.Throws<ArgumentException>(() => new MqttClientOptions { Password = "x" }.Validate());

    [Fact]
    public void Validate_PersistentSessionWithoutClientId_IsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new MqttClientOptions { ClientId = "", CleanSession = false }.Validate());
        Assert.Contains("needs a client id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MqttClient(new MqttClientOptions { MaxInFlight = 0 }));
}

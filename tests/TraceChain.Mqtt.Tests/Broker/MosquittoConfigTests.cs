using TraceChain.Mqtt.Broker;

namespace TraceChain.Mqtt.Tests.Broker;

public sealed class MosquittoConfigTests
{
    [Fact]
    public void Render_WithUsersPersistenceAndTls_ListsEverySetting()
    {
        var options = new MosquittoOptions { DataDirectory = "/data", Persistence = true, Tls = new MosquittoTlsFiles("/t/ca.pem", "/t/s.pem", "/t/s.key") };
        var lines = MosquittoConfig.Render(options, 1883, 8883, "/data/passwd", runningAsRoot: false).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("allow_anonymous false", lines);
        Assert.Contains("password_file /data/passwd", lines);
        Assert.Contains("persistence true", lines);
        Assert.Contains("persistence_location /data/", lines);
        Assert.Contains("listener 1883 127.0.0.1", lines);
        Assert.Contains("listener 8883 127.0.0.1", lines);
        Assert.Contains("cafile /t/ca.pem", lines);
        Assert.Contains("certfile /t/s.pem", lines);
        Assert.Contains("keyfile /t/s.key", lines);
        Assert.DoesNotContain("user root", lines);
        Assert.True(Array.IndexOf(lines, "listener 8883 127.0.0.1") < Array.IndexOf(lines, "cafile /t/ca.pem"), "TLS files must follow their listener");
    }

    [Fact]
    public void Render_WithoutUsers_AllowsAnonymousOnPlainListenerOnly()
    {
        var lines = MosquittoConfig.Render(new MosquittoOptions { DataDirectory = "/d" }, 1234, 0, null, runningAsRoot: true).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("allow_anonymous true", lines);
        Assert.Contains("persistence false", lines);
        Assert.Contains("user root", lines);
        Assert.Single(lines, l => l.StartsWith("listener ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("password_file", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_WithAcl_PointsAtTheAclFileInTheDataDirectory()
    {
        var with = MosquittoConfig.Render(new MosquittoOptions { DataDirectory = "/d", Acl = "user a\ntopic read x/#\n" }, 1234, 0, "/d/passwd", runningAsRoot: false).Split('\n');
        Assert.Contains("acl_file /d/acl", with);
        var without = MosquittoConfig.Render(new MosquittoOptions { DataDirectory = "/d" }, 1234, 0, null, runningAsRoot: false);
        Assert.DoesNotContain("acl_file", without, StringComparison.Ordinal);
    }
}

using System.Globalization;
using System.Text;

namespace TraceChain.Mqtt.Broker;

/// <summary>Writes mosquitto.conf for <see cref="MosquittoOptions"/>. Pure text generation.</summary>
public static class MosquittoConfig
{
    /// <summary>The config text; <paramref name="passwordFile"/> is null when anonymous clients are allowed.</summary>
    public static string Render(MosquittoOptions options, int port, int tlsPort, string? passwordFile, bool runningAsRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        var c = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        c.AppendLine("per_listener_settings false");
        if (runningAsRoot)
        {
            // Mosquitto drops root privileges to user "mosquitto", which cannot read a private temp folder.
            c.AppendLine("user root");
        }

        c.AppendLine(inv, $"allow_anonymous {(passwordFile is null ? "true" : "false")}");
        if (passwordFile is not null)
        {
            c.AppendLine(inv, $"password_file {passwordFile}");
        }

        if (options.Acl is not null)
        {
            c.AppendLine(inv, $"acl_file {Path.Combine(options.DataDirectory, "acl")}");
        }

        c.AppendLine(inv, $"persistence {(options.Persistence ? "true" : "false")}");
        if (options.Persistence)
        {
            c.AppendLine(inv, $"persistence_location {options.DataDirectory.TrimEnd('/')}/");
        }

        c.AppendLine(inv, $"log_dest file {Path.Combine(options.DataDirectory, "mosquitto.log")}");
        c.AppendLine("log_type error");
        c.AppendLine("log_type warning");
        c.AppendLine("log_type notice");

        // Information too: "mosquitto version … running", logged once every listener is bound, is how a start is known
        // to be this broker's (MosquittoProcess); it also logs each client's connect and disconnect.
        c.AppendLine("log_type information");
        c.AppendLine("max_queued_messages 100000");
        c.AppendLine(inv, $"listener {port} 127.0.0.1");
        if (options.Tls is { } tls)
        {
            c.AppendLine(inv, $"listener {tlsPort} 127.0.0.1");
            c.AppendLine(inv, $"cafile {tls.CaFile}");
            c.AppendLine(inv, $"certfile {tls.CertificateFile}");
            c.AppendLine(inv, $"keyfile {tls.KeyFile}");
        }

        return c.ToString();
    }
}

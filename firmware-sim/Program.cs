using System.CommandLine;
using FirmwareSim.Commands;

var root = new RootCommand("firmware-sim: simulates scanner firmware on pseudo-terminals and MQTT.");
root.Subcommands.Add(SerialCommand.Create());
root.Subcommands.Add(CameraCommand.Create());
root.Subcommands.Add(MqttCommand.Create());
return await root.Parse(args).InvokeAsync();

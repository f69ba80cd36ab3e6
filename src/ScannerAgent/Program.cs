using System.CommandLine;
using ScannerAgent.Commands;

var root = new RootCommand("ScannerAgent: reads scanners, signs hops, keeps them in a durable outbox and forwards them.");
root.Subcommands.Add(CheckScanCommand.Create());
root.Subcommands.Add(KeygenCommand.Create());
root.Subcommands.Add(RegisterCommand.Create());
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(LabelsCommand.Create());
return CommandLineExit.Run(root, args);

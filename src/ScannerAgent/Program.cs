using System.CommandLine;
using ScannerAgent.Commands;

var root = new RootCommand("ScannerAgent: reads scanners, signs hops, keeps them in a durable outbox and forwards them.");
root.Subcommands.Add(CheckScanCommand.Create());
return CommandLineExit.Run(root, args);

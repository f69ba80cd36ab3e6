using System.CommandLine;

var root = new RootCommand("ScannerAgent: reads scanners, signs hops, keeps them in a durable outbox and forwards them.");
return root.Parse(args).Invoke();

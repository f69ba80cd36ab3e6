using System.CommandLine;

var root = new RootCommand("firmware-sim: simulates scanner firmware on pseudo-terminals and MQTT.");
return root.Parse(args).Invoke();

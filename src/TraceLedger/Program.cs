using System.CommandLine;
using TraceLedger.Commands;

namespace TraceLedger;

// An explicit, namespaced entry point: the gateway references this assembly to host the ledger in-process,
// and a second global top-level Program would clash with its own.
internal static class Program
{
    public static Task<int> Main(string[] args)
    {
        var root = new RootCommand("TraceLedger: the tamper-evident log of signed supply-chain hops.")
        {
            ServeCommand.Create(),
            VerifyProofCommand.Create(),
            VerifyLogCommand.Create(),
            LogKeyCommand.Create(),
            ApiKeyCommand.Create(),
        };
        return root.Parse(args).InvokeAsync();
    }
}

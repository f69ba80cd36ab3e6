using System.CommandLine;

namespace TraceLedger;

// An explicit, namespaced entry point: the gateway references this assembly to host the ledger in-process,
// and a second global top-level Program would clash with its own.
internal static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("TraceLedger: the tamper-evident log of signed supply-chain hops.");
        var urls = new Option<string>("--urls") { Description = "Address to listen on", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var serve = new Command("serve", "Run the ledger as an HTTP service.") { urls };
        serve.SetAction(parse =>
        {
            var builder = WebApplication.CreateBuilder();
            builder.WebHost.UseUrls(parse.GetValue(urls)!);
            var app = builder.Build();
            app.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok" }));
            app.Run();
            return 0;
        });
        root.Subcommands.Add(serve);
        return root.Parse(args).Invoke();
    }
}

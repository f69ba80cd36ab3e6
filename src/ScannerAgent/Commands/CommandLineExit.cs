using System.CommandLine;

namespace ScannerAgent.Commands;

/// <summary>Runs a parsed command line, keeping exit code 2 for usage errors so that 1 can mean "invalid scan".</summary>
internal static class CommandLineExit
{
    public const int UsageError = 2;

    public static int Run(RootCommand root, string[] args, InvocationConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        var parse = root.Parse(args);
        var code = parse.Invoke(configuration ?? new InvocationConfiguration());
        return parse.Errors.Count > 0 ? UsageError : code;
    }
}

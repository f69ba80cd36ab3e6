namespace TraceChain.Bench;

/// <summary>
/// What a profile showed limits a figure, written by hand from a profiling session (tool, mode, commit) and printed
/// under the table of BENCHMARKS.md whenever that figure is measured, so a missed goal comes with its reason.
/// </summary>
public static class ProfileNotes
{
    public static readonly IReadOnlyList<(string Figure, string Text)> All =
    [
        ("verify_http_rps", VerifyHttp),
    ];

    private const string VerifyHttp =
        "Profile of the measured phase (Linux perf at 499 Hz with the runtime's perf map; inclusive share of the process's CPU samples, "
        + "the in-process clients included). Before the fixes (quick, commit 6755e06, 625-945 req/s): the API-key check was 31 % "
        + "(ApiKeyStore.VerifyAsync opened a SQLite connection and built an EF Core context per request; the context set-up alone 12 %), "
        + "validators built per request 4 %, and every verification was its own durable commit (fsync 6 %). Now verified keys are cached "
        + "(auth 0.6-1.5 %), validators are built once, and concurrent verifications share one durable commit (about 9 per commit at 16 "
        + "clients; the row update touches no index). After (full, 1,000,000 packs, machine load 30-40 from other builds): the runtime's "
        + "background tiered JIT 43 % (still recompiling after a 10 s warm-up), thread-pool spinning 8 %, Kestrel request handling 7 %, "
        + "in-process HttpClient 5 %, socket syscalls 4 %, fsync 4 %, the log writer 3.5 % (the verification body 2.5 %). What limits the "
        + "figure here is wall clock in the single writer: busy 77-80 % with a commit taking 7.6-11.9 ms on the shared CPU and disk "
        + "(a lone commit 0.3-0.6 ms when quiet), so about 9 verifications per commit cap it near 800/s. On quiet cores the ceiling is "
        + "CPU: 440-520 us per verification without the JIT, clients included, i.e. 3,800-4,500 req/s on 2 cores, and the same clients "
        + "reach only 5,100-7,100 req/s on GET /healthz: HTTP on loopback with its clients on the same 2 cores is itself near the goal. "
        + "Re-measured on a quiet machine (quick, commit 056f284, load about 3): 3,976 req/s, p50 3.6 ms, p99 12.3 ms; 279 us CPU per "
        + "verification plus 141 us of background JIT; the writer busy 92 % with 4.8 verifications per 0.94 ms durable commit. The "
        + "single writer's commits are the ceiling again: more verifications per commit (more concurrent clients) or a cheaper commit "
        + "(WAL checkpoints moved off the writer) are the next steps, not more CPU work removed from the request.";
}

namespace TraceChain.Bench;

/// <summary>
/// What a profile showed limits a figure, written by hand from a profiling session (tool, mode, commit) and printed
/// under the table of BENCHMARKS.md whenever that figure is measured, so a missed goal comes with its reason.
/// </summary>
public static class ProfileNotes
{
    public static readonly IReadOnlyList<(string Figure, string Text)> All =
    [
        ("verify_http_p99_ms", VerifyHttpLatency),
        ("verify_http_rps", VerifyHttp),
    ];

    private const string VerifyHttpLatency =
        "Latency is measured at the goal's rate: 64 clients paced at 5,000 req/s in all, each request timed from when it was due "
        + "if its client was still waiting for the previous answer (no coordinated omission), after a 2 s paced warm-up. A pacer thread "
        + "with clock_nanosleep keeps the schedule; until 2026-11-23 a Task.Delay pacer sent bursts of about twenty every few "
        + "milliseconds, which the writer turned into large groups for free, so every figure before then was measured under bursts. "
        + "Each verification is recorded by the ledger's single writer; concurrent ones share a commit, and a new group starts at most "
        + "once per millisecond unless 8 wait (LogWriter.GroupWindow: about 6 per commit, writer busy about 25 %; without it 16.6 ms, "
        + "p50 0.46 ms). What decided the figure was waiting for the disk: answered only after the WAL sync of their commit, the p99 was "
        + "7.1-12.4 ms (6.6-14.1 ms the day before), because a WAL fdatasync here has a p99 of 1.5-4 ms and single stalls of 10-40 ms "
        + "(the background checkpoint's page writes share the disk), and a stalled sync holds every verification arriving meanwhile. "
        + "Verifications are now answered at commit and synced within 50 ms (LogWriter.CommittedSyncDelay; state changes still wait for "
        + "their sync; docs/ledger.md, Durability): 3.9 ms in each of four same-hour runs, 3.4-5.1 ms over six with a 10 ms delay, "
        + "6.2 ms answered at commit but synced at once. Experiments on the record itself, none kept: no write at all 3.1-3.4 ms; an "
        + "append-only row instead of the update in the packs table 5.9 ms (still answered after the sync); an update in a 100-page "
        + "table 7.4-7.7 ms. Not kept either: checkpoint passes every 20 or 50 ms instead of 5 (4.9-13.3 and 45.7 ms: bigger flushes), "
        + "a 64 MB gen0 budget (3.3-4.2 ms, within noise), and before, the writer and sync threads at nice -10, two syncs in flight, a "
        + "minimum gap between syncs, 1 KiB pages, memory-mapped reads. Earlier work (commits 08a6558 and after): idle thread-pool "
        + "workers spinning in sched_yield, the host watching its content root, a 64 MiB writer page cache and HttpClient in the load "
        + "cost CPU; the WAL sync runs beside the writer, and SQLite's WAL checkpoints on a connection of their own in small passes. "
        + "What is left of the tail is CPU scheduling on 2 shared cores (the in-process clients included) and GC pauses.";

    private const string VerifyHttp =
        "Throughput is the most the 64 clients of the latency run get answered back to back (16 clients no longer saturated the server "
        + "once the writer holds a group open for up to a millisecond: about 5,200 req/s, latency-bound). Before the first fixes (commit 6755e06) an API-key check per "
        + "request and one durable commit per verification held it near 800/s; now verified keys are cached, validators built once, and "
        + "concurrent verifications share one commit, answered at commit with the WAL sync beside the writer (about 9,500 req/s "
        + "when they waited for the sync, 11,500-13,900 since). Saturated, the process uses about 136 us of CPU per verification, "
        + "clients included (about 14,700 req/s at most on 2 cores). Runs on this shared machine vary by up to a factor of 2 from one to the next.";
}

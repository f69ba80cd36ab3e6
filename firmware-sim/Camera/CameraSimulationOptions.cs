namespace FirmwareSim.Camera;

/// <summary>What `firmware-sim camera` renders.</summary>
/// <param name="Packs">The packs' GS1 element strings in bracketed form, e.g. "(01)09506000134352(17)271231(10)LOT42(21)CAM000001".</param>
public sealed record CameraSimulationOptions(IReadOnlyList<string> Packs)
{
    /// <summary>Consecutive frames that show the same pack or tray (a camera sees a pack for a while).</summary>
    public int Repeat { get; init; } = 3;

    /// <summary>Packs per frame, laid out in a grid (a tray); 1 = one pack per frame.</summary>
    public int Tray { get; init; } = 1;

    /// <summary>Seed of every random choice: the same seed gives byte-identical frames.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Frame width in pixels.</summary>
    public int Width { get; init; } = 1280;

    /// <summary>Frame height in pixels.</summary>
    public int Height { get; init; } = 720;

    /// <summary>How much each frame is distorted.</summary>
    public CameraDistortion Distortion { get; init; } = CameraDistortion.Camera;

    /// <summary>What the labels carry.</summary>
    public CameraSymbology Symbology { get; init; } = CameraSymbology.DataMatrix;

    /// <summary>Digital Link domain (stem) for <see cref="CameraSymbology.DigitalLink"/>.</summary>
    public string Domain { get; init; } = "https://id.tracechain.example";

    /// <summary>Label pixels per module before the camera's scale.</summary>
    public int ModulePixels { get; init; } = 4;

    /// <summary>Frames per second (0 = as fast as they can be made).</summary>
    public double Rate { get; init; } = 10;

    /// <summary>The packs of frame group <paramref name="group"/> (frames group*Repeat .. group*Repeat+Repeat-1).</summary>
    public IReadOnlyList<string> PacksOfGroup(int group) => [.. Packs.Skip(group * Tray).Take(Tray)];

    /// <summary>How many frames the simulation makes.</summary>
    public int FrameCount => ((Packs.Count + Tray - 1) / Tray) * Repeat;

    /// <summary>Every problem with the options, each naming the option; empty when usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Packs.Count == 0)
        {
            problems.Add("no packs to show (--count or --codes)");
        }

        if (Repeat is < 1 or > 1000)
        {
            problems.Add($"--repeat {Repeat} must be 1..1000");
        }

        if (Tray is < 1 or > 16)
        {
            problems.Add($"--tray {Tray} must be 1..16");
        }

        if (Width is < 64 or > 8192 || Height is < 64 or > 8192)
        {
            problems.Add($"frame size {Width}x{Height} must be 64..8192 a side");
        }

        if (ModulePixels is < 1 or > 16)
        {
            problems.Add($"--module-pixels {ModulePixels} must be 1..16");
        }

        if (Rate < 0 || double.IsNaN(Rate))
        {
            problems.Add($"--rate {Rate} must not be negative");
        }

        return problems;
    }
}

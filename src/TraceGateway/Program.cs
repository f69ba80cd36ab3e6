var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok" }));
app.MapGet("/readyz", () => TypedResults.Ok(new { status = "ready" }));

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;

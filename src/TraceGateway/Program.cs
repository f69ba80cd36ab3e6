using TraceGateway.Hosting;
using TraceLedger.Api;

var builder = WebApplication.CreateBuilder(HostArguments.With(args));
builder.AddGateway();
var app = builder.Build();
app.UseGateway();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;

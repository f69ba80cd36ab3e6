using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TraceLedger.Packs.Storage;

/// <summary>Lets `dotnet ef migrations add --context PackDbContext` build the model without starting the service.</summary>
internal sealed class DesignTimePackDbContextFactory : IDesignTimeDbContextFactory<PackDbContext>
{
    public PackDbContext CreateDbContext(string[] args) => PackSchema.CreateContext(new Microsoft.Data.Sqlite.SqliteConnection("Data Source=design.db"));
}

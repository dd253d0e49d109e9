using Attest.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Attest.Migrations.Sqlite;

/// <summary>Lets dotnet-ef build the model for Sqlite without the web app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AttestDbContext>
{
    public AttestDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<AttestDbContext>();
        DatabaseOptions.Configure(builder, DatabaseProvider.Sqlite, Environment.GetEnvironmentVariable("ATTEST_DESIGN_CONNECTION") ?? DefaultConnection);
        return new AttestDbContext(builder.Options, NoCentre.Instance);
    }

    private const string DefaultConnection = "Data Source=design.db";
}

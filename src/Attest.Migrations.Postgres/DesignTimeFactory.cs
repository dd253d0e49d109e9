using Attest.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Attest.Migrations.Postgres;

/// <summary>Lets dotnet-ef build the model for Postgres without the web app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AttestDbContext>
{
    public AttestDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<AttestDbContext>();
        DatabaseOptions.Configure(builder, DatabaseProvider.Postgres, Environment.GetEnvironmentVariable("ATTEST_DESIGN_CONNECTION") ?? DefaultConnection);
        return new AttestDbContext(builder.Options, NoCentre.Instance);
    }

    private const string DefaultConnection = "Host=127.0.0.1;Database=attest_design;Username=postgres";
}

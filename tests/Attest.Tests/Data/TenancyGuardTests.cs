using Attest.Core.Centres;
using Attest.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.Data;

/// <summary>security.md test 3: every tenant entity is filtered by centre; the build fails otherwise.</summary>
public class TenancyGuardTests
{
    /// <summary>Entities with a CentreId that are deliberately not filtered, each with its reason.</summary>
    private static readonly Dictionary<Type, string> Exempt = new()
    {
        [typeof(AppUser)] = "sign-in must find the account before its centre is known; pages list users only with an explicit centre condition",
        [typeof(Attest.Core.Accounts.SingleSignOnDomain)] = "the sign-in page finds a domain's centre before anyone is signed in; the administrator's page changes only its own centre's domains",
        [typeof(Attest.Core.Accounts.SignInFailure)] = "a failed attempt on an unknown address belongs to no centre; no page lists them",
        [typeof(Attest.Core.Mail.OutboxMail)] = "one sender delivers every centre's mail; pages list mail only with an explicit centre condition",
        [typeof(ResumableUpload)] = "the sweeper removes expired uploads of every centre; every other query names the centre and the user",
    };

    [Fact]
    public void Every_entity_with_a_centre_is_filtered_by_it()
    {
        using var database = TestDatabase.Create(DatabaseProvider.Sqlite);
        using var db = database.Context(NoCentre.Instance);

        foreach (var entity in db.Model.GetEntityTypes())
        {
            var hasCentre = entity.FindProperty("CentreId") is not null;
            if (!hasCentre || Exempt.ContainsKey(entity.ClrType))
            {
                continue;
            }

            Assert.True(typeof(ICentreOwned).IsAssignableFrom(entity.ClrType), $"{entity.ClrType.Name} has a CentreId but is not ICentreOwned");
            Assert.True(entity.GetDeclaredQueryFilters().Count > 0, $"{entity.ClrType.Name} has no centre query filter");
        }
    }

    [Fact]
    public void Every_centre_owned_type_is_in_the_model()
    {
        using var database = TestDatabase.Create(DatabaseProvider.Sqlite);
        using var db = database.Context(NoCentre.Instance);
        var owned = typeof(ICentreOwned).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICentreOwned).IsAssignableFrom(t));

        Assert.All(owned, t => Assert.NotNull(db.Model.FindEntityType(t)));
    }

    [Fact]
    public void IgnoreQueryFilters_is_used_nowhere_in_the_application()
    {
        var src = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src"));
        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains(".IgnoreQueryFilters(", StringComparison.Ordinal))
            .ToList();

        Assert.True(Directory.Exists(src), src);
        Assert.Empty(offenders);
    }
}

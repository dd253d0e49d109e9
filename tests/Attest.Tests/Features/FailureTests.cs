using System.Data.Common;
using System.Net;
using Attest.Core.Data;
using Attest.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Features;

/// <summary>security.md test 9: the database failing mid-request gives a clear retryable error, no half rows, and the retry works without a restart.</summary>
public class FailureTests
{
    /// <summary>Fails the next save, as a database that went away at the moment of commit would.</summary>
    private sealed class FailNextSave : SaveChangesInterceptor
    {
        public bool Armed { get; set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Armed)
            {
                Armed = false;
                throw new DatabaseWentAway();
            }

            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }

    private sealed class DatabaseWentAway() : DbException("connection to the database was lost");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_upload_whose_commit_fails_leaves_no_row_and_no_file_and_the_retry_succeeds(DatabaseProvider provider)
    {
        var fault = new FailNextSave();
        using var app = await new AttestFactory(provider, services: s => s.ConfigureDbContext<AttestDbContext>(o => o.AddInterceptors(fault))).SeedAsync();
        var candidate = await app.SignedInAsync(app.A.Candidate);
        var filesBefore = Directory.EnumerateFiles(Path.Combine(app.DataFolder, "files"), "*", SearchOption.AllDirectories).Count();

        fault.Armed = true;
        var failed = await EvidenceTests.PostRawFileAsync(candidate, "log.pdf", "%PDF-1.4 case log"u8.ToArray(), "Case log");
        var page = await failed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Contains("Nothing was saved", page, StringComparison.Ordinal);
        Assert.DoesNotContain("DatabaseWentAway", page, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Attest.", page, StringComparison.Ordinal);
        await using (var db = app.Db(app.A.Id))
        {
            Assert.Equal(1, await db.EvidenceItems.CountAsync(i => i.CandidateId == app.A.CandidateId));
            Assert.Equal(0, await db.EvidenceWarnings.CountAsync());
        }

        Assert.Equal(filesBefore, Directory.EnumerateFiles(Path.Combine(app.DataFolder, "files"), "*", SearchOption.AllDirectories).Count());
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(app.DataFolder, "staging"), "*", SearchOption.AllDirectories));

        var retried = await EvidenceTests.PostRawFileAsync(candidate, "log.pdf", "%PDF-1.4 case log"u8.ToArray(), "Case log");
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        await using (var db = app.Db(app.A.Id))
        {
            Assert.Equal(["E001", "E002"], await db.EvidenceItems.Where(i => i.CandidateId == app.A.CandidateId).OrderBy(i => i.Reference).Select(i => i.Reference).ToListAsync());
        }
    }
}

using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Core.Qualifications;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Infrastructure;

/// <summary>Demo centre and users for the embedded default, so a newcomer can sign in at once and see each role at work (<see cref="DemoStory"/>).</summary>
public static class DemoSeeder
{
    public const string CentreNumber = "99999";

    public static readonly IReadOnlyList<(string Email, string Name, string Role)> People =
    [
        ("admin@demo.attest.test", "Alex Admin", Roles.CentreAdmin),
        ("assessor@demo.attest.test", "Asha Assessor", Roles.Assessor),
        ("iqa@demo.attest.test", "Ian Quality", Roles.Iqa),
        ("eqa@demo.attest.test", "Erin External", Roles.Eqa),
        ("candidate1@demo.attest.test", "Sam Patel", Roles.Candidate),
        ("candidate2@demo.attest.test", "Jo Evans", Roles.Candidate),
        ("candidate3@demo.attest.test", "Maya Clarke", Roles.Candidate),
        ("candidate4@demo.attest.test", "Tom Reid", Roles.Candidate),
        ("linemanager@demo.attest.test", "Lee Morgan", Roles.Employer),
    ];

    /// <summary>Seeds once: does nothing when the demo centre exists.</summary>
    public static async Task<bool> SeedAsync(IServiceProvider services, Catalogue catalogue, CancellationToken cancellationToken = default)
    {
        var db = services.GetRequiredService<AttestDbContext>();
        if (await db.Centres.AnyAsync(c => c.Number == CentreNumber, cancellationToken))
        {
            return false;
        }

        var clock = services.GetRequiredService<TimeProvider>();
        var provisioning = services.GetRequiredService<CentreProvisioning>();
        var centre = await provisioning.CreateCentreAsync("Demo Training Centre", CentreNumber, cancellationToken);
        var created = new Dictionary<string, AppUser>();
        foreach (var (email, name, role) in People)
        {
            created[email] = await provisioning.CreateUserWithPasswordAsync(centre.Id, email, name, role, DemoOptions.Password);
        }

        await using var scoped = new AttestDbContext(services.GetRequiredService<Microsoft.EntityFrameworkCore.DbContextOptions<AttestDbContext>>(), new FixedCentre(centre.Id));
        var now = clock.GetUtcNow().UtcDateTime;
        // The demo signs in with the printed passwords alone; a real centre requires a second factor for administrators,
        // IQAs and EQAs by default, and the settings page shows where to turn it on.
        var policy = CentrePolicy.Defaults(centre.Id);
        policy.RequireTwoFactorFor([], created["admin@demo.attest.test"].Id, now);
        scoped.CentrePolicies.Add(policy);
        var sam = new Candidate { CentreId = centre.Id, UserId = created["candidate1@demo.attest.test"].Id, GivenName = "Sam", FamilyName = "Patel", DateOfBirth = new DateOnly(2001, 4, 12), Uln = "1234567899", AwardingBodyCandidateNumber = "0101", CreatedAt = now };
        var jo = new Candidate { CentreId = centre.Id, UserId = created["candidate2@demo.attest.test"].Id, GivenName = "Jo", FamilyName = "Evans", DateOfBirth = new DateOnly(2005, 9, 30), Uln = Uln.Temporary, AwardingBodyCandidateNumber = "0102", CreatedAt = now };
        scoped.Candidates.AddRange(sam, jo);

        // Jo starts on the graded Unit 7 with an assessor, so the assessor's caseload is not empty.
        var unit7 = catalogue.Qualifications.FirstOrDefault(q => q.Assessment == AssessmentKind.Graded);
        if (unit7 is not null)
        {
            var enrolment = Enrolment.Create(centre.Id, jo.Id, unit7, [.. unit7.Units.Where(u => u.IsAssessable).Select(u => u.Code)], DateOnly.FromDateTime(now), now);
            enrolment.AssignAssessor(created["assessor@demo.attest.test"].Id);
            scoped.Enrolments.Add(enrolment);
        }

        await scoped.SaveChangesAsync(cancellationToken);

        // Learners at every stage, in one transaction: a demo is either whole or not there.
        await using (var transaction = await scoped.Database.BeginTransactionAsync(cancellationToken))
        {
            await DemoStory.AddAsync(scoped, catalogue, centre.Id, created, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return true;
    }
}

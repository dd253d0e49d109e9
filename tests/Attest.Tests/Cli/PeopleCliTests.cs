using System.Net;
using Attest.Core.Accounts;
using Attest.Core.Data;
using Attest.Tests.Data;
using Attest.Tests.Features;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.Cli;

/// <summary>
/// Issue 12, item 2, for operators: `attest centre create` invites the first administrator, `attest user invite` and
/// `attest user deactivate` look after staff from the command line, through the same rules as the web pages.
/// </summary>
public class PeopleCliTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_new_centre_invites_its_first_administrator_by_email_and_no_password_is_printed(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var (exit, output) = await app.CliAsync("centre", "create", "--name", "Riverside College", "--number", "30003", "--admin-email", "head@riverside.test", "--admin-name", "Rhian Head");
        Assert.Equal(0, exit);
        Assert.StartsWith("Created centre Riverside College (30003) and invited its administrator head@riverside.test.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("password", output, StringComparison.OrdinalIgnoreCase);

        // The web app's sender delivers what the command queued; the administrator sets a password and runs the centre.
        var invitation = await app.Mail.WaitForAsync("head@riverside.test");
        Assert.Contains("The Attest service team has invited you", invitation.TextBody, StringComparison.Ordinal);
        Assert.Contains("at Riverside College as a centre administrator", invitation.TextBody, StringComparison.Ordinal);
        const string password = "cobalt meadow pilot rain";
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().PostFormAsync(Mailbox.LinkPath(invitation, "/Account/Password/"), new() { ["Password"] = password, ["ConfirmPassword"] = password })).StatusCode);
        using var head = await app.SignedInAsync("head@riverside.test", password);
        // A new centre requires a second factor of its administrators from the start.
        Assert.Equal("/Account/TwoFactor", (await head.GetAsync("/Admin/Staff")).Headers.Location!.OriginalString);
        var key = TwoFactorTests.SharedKey(await head.GetStringAsync("/Account/TwoFactor"));
        await head.PostFormAsync("/Account/TwoFactor?handler=Enable", new() { ["Code"] = TwoFactorTests.Code(key) }, tokenFrom: "/Account/TwoFactor");
        Assert.Contains("Rhian Head", await head.GetStringAsync("/Admin/Staff"), StringComparison.Ordinal);
        Assert.Equal((2, "A centre with number 30003 already exists."), await app.CliAsync("centre", "create", "--name", "Again", "--number", "30003", "--admin-email", "x@riverside.test", "--admin-name", "X"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_operator_invites_and_deactivates_staff_and_is_refused_what_the_pages_refuse(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var (exit, output) = await app.CliAsync("user", "invite", "--centre", "20001", "--email", "quinn@a.test", "--name", "Quinn Quality", "--roles", "Assessor,Iqa,LeadIqa");
        Assert.Equal(0, exit);
        Assert.StartsWith("Invited Quinn Quality <quinn@a.test> to Centre A (20001) as an assessor and the lead internal quality assurer (IQA).", output, StringComparison.Ordinal);
        Assert.Contains("Quinn Quality", (await app.Mail.WaitForAsync("quinn@a.test")).TextBody, StringComparison.Ordinal);
        await using (var db = app.Db(app.A.Id))
        {
            Assert.True(await db.IsLeadIqaAsync(await app.UserIdAsync("quinn@a.test"), default));
        }

        Assert.Equal((2, "Owner is not a role. Roles: CentreAdmin, Assessor, Iqa, LeadIqa (with Iqa), Eqa."), await app.CliAsync("user", "invite", "--centre", "20001", "--email", "o@a.test", "--name", "O", "--roles", "Owner"));
        Assert.Equal((2, "An external quality assurer works for the awarding body: their account cannot have a centre role as well"), await app.CliAsync("user", "invite", "--centre", "20001", "--email", "o@a.test", "--name", "O", "--roles", "Eqa,Assessor"));
        Assert.Equal((2, "No centre has the number 77777."), await app.CliAsync("user", "invite", "--centre", "77777", "--email", "o@a.test", "--name", "O", "--roles", "Assessor"));
        Assert.Equal(2, (await app.CliAsync("user", "invite", "--centre", "20001", "--email", "quinn@a.test", "--name", "Quinn", "--roles", "Assessor")).Exit);

        using var session = await app.SignedInAsync(app.A.Assessor);
        var refused = await app.CliAsync("user", "deactivate", "--centre", "20001", "--email", app.A.Assessor);
        Assert.Equal((2, "assessor A assesses 2 candidates: choose a new assessor for each of them. Give --reassign-to with an active assessor's email."), refused);
        Assert.Equal((2, "assessor B@b.test is not an active assessor of centre 20001."), await app.CliAsync("user", "deactivate", "--centre", "20001", "--email", app.A.Assessor, "--reassign-to", "assessor B@b.test"));
        Assert.Equal(2, (await app.CliAsync("user", "deactivate", "--centre", "20002", "--email", app.A.Assessor)).Exit);

        var done = await app.CliAsync("user", "deactivate", "--centre", "20001", "--email", app.A.Assessor, "--reassign-to", app.A.OtherAssessor);
        Assert.Equal((0, "Deactivated assessor A <assessor@a.test> at Centre A (20001): their sessions have ended and 2 candidates move to assessor2@a.test."), done);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/Assessor")).StatusCode);
        await using var check = app.Db(app.A.Id);
        var successor = await app.UserIdAsync(app.A.OtherAssessor);
        Assert.All(await check.Enrolments.ToListAsync(), e => Assert.Equal(successor, e.AssessorId));
        Assert.Equal("An operator (attest command line)", (await check.SecurityEvents.SingleAsync(e => e.Kind == Core.Accounts.SecurityEventKind.Deactivated)).ActorName);
    }
}

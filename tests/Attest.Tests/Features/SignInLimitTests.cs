using System.Net;
using Attest.Core.Accounts;
using Attest.Core.Data;
using Attest.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.Features;

/// <summary>
/// Issue 13: "Sign-in is limited to 20 requests a minute per address, and loading the sign-in page counts: a class of
/// learners behind one college address is locked out at the start of a lesson. Limit failed attempts per account and per
/// address (as lockout already does), not page loads." Every request of a test client comes from one address.
/// </summary>
public class SignInLimitTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_class_behind_one_address_signs_in_while_an_address_that_keeps_failing_is_paused_for_the_window(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var everyone = new[] { app.A.Admin, app.A.Assessor, app.A.Iqa, app.A.Candidate, app.B.Admin, app.B.Assessor, app.B.Candidate };

        // The start of a lesson: the page opened many times, some passwords mistyped once, then everyone in, more than
        // the old limit of 20 a minute.
        var visitor = app.Anonymous();
        for (var i = 0; i < 60; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/Account/SignIn")).StatusCode);
        }

        for (var round = 0; round < 4; round++)
        {
            foreach (var email in everyone)
            {
                var mistyped = await app.Anonymous().PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = email, ["Input.Password"] = "not it" + round });
                Assert.Equal(HttpStatusCode.OK, mistyped.StatusCode);
                Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = email, ["Input.Password"] = AttestFactory.Password })).StatusCode);
            }
        }

        // Someone trying address after address from the same network: the failures reach the limit, then even a right
        // password from that address is paused (nothing is tried), with a page saying why and for how long.
        for (var i = everyone.Length * 4; i < SignInFailures.Limit; i++)
        {
            var guess = await app.Anonymous().PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = $"guess{i}@example.test", ["Input.Password"] = "password1" });
            Assert.Contains("Enter a correct email address and password", WebUtility.HtmlDecode(await guess.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        var paused = await app.Anonymous().PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = app.A.Assessor, ["Input.Password"] = AttestFactory.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, paused.StatusCode);
        Assert.Contains(SignInFailures.RefusedMessage, WebUtility.HtmlDecode(await paused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/Account/SignIn")).StatusCode); // the page still opens

        // Once the failures are older than the window, the address signs in again and the old attempts are forgotten.
        await using (var db = app.Db(app.A.Id))
        {
            Assert.Equal(SignInFailures.Limit, await db.SignInFailures.CountAsync());
            var earlier = SignInFailures.Window + TimeSpan.FromMinutes(1);
            var failures = await db.SignInFailures.ToListAsync();
            db.SignInFailures.RemoveRange(failures);
            db.SignInFailures.AddRange(failures.Select(f => new SignInFailure { Address = f.Address, At = f.At - earlier }));
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = "guess@example.test", ["Input.Password"] = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = app.A.Assessor, ["Input.Password"] = AttestFactory.Password })).StatusCode);
        await using (var db = app.Db(app.A.Id))
        {
            Assert.Equal(1, await db.SignInFailures.CountAsync());
        }
    }
}

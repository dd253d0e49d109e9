using System.Net;
using System.Text.Json;
using Attest.Core.Data;
using Attest.Core.Mail;
using Attest.Tests.Data;
using Attest.Tests.Features;
using Attest.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Attest.Tests.Mail;

/// <summary>
/// Issue 12, item 1, through a real SMTP server: mail is never lost (written with the change, kept while the server is
/// down, sent after a kill -9) and never sent twice (one sender claims each mail); a refused address is recorded at once.
/// </summary>
public class MailDeliveryTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Mail_goes_through_the_smtp_server_and_an_address_it_refuses_is_marked_not_delivered_at_once_with_the_reason(DatabaseProvider provider)
    {
        Skip.If(TestSmtp.Server is null, TestSmtp.SkipReason);
        using var app = await new AttestFactory(provider, TestSmtp.AppSettings()).SeedAsync();
        using var admin = await app.SignedInAsync(app.A.Admin);
        var good = TestSmtp.Address("nia");
        var refused = TestSmtp.Address("refused");
        foreach (var email in new[] { good, refused })
        {
            var invited = await admin.PostFormAsync("/Admin/Staff/Invite", new() { ["Input.Name"] = "Nia Newstarter", ["Input.Email"] = email, ["Input.Roles"] = "Assessor" }, tokenFrom: "/Admin/Staff/Invite");
            Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        }

        var arrived = await TestSmtp.Received.WaitForAsync(good);
        Assert.Equal(("Set up your Attest account for Centre A", "attest@college.test"), (arrived.Subject, arrived.From.Mailboxes.Single().Address));
        Assert.Contains("/Account/Password/", arrived.TextBody, StringComparison.Ordinal);

        var failed = await WaitAsync(app, m => m.ToAddress == refused && m.FailedAt != null);
        Assert.Equal(1, failed.Attempts);
        Assert.StartsWith($"The mail server refused the address {refused}: 550", failed.LastError, StringComparison.Ordinal);
        Assert.Empty(TestSmtp.Received.To(refused));

        var refusedId = await app.UserIdAsync(refused);
        Assert.Contains("Not delivered", await admin.GetStringAsync($"/Admin/Staff/{refusedId}"), StringComparison.Ordinal);
        var log = WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Mail?undelivered=true"));
        Assert.Contains(refused, log, StringComparison.Ordinal);
        Assert.Contains("The mail server refused the address", log, StringComparison.Ordinal);
        Assert.DoesNotContain(good, log, StringComparison.Ordinal);
        Assert.DoesNotContain(good, await (await app.SignedInAsync(app.B.Admin)).GetStringAsync("/Admin/Mail"), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_invitation_a_second_factor_and_a_password_reset_all_work_through_the_smtp_server(DatabaseProvider provider)
    {
        Skip.If(TestSmtp.Server is null, TestSmtp.SkipReason);
        using var app = await new AttestFactory(provider, TestSmtp.AppSettings()).SeedAsync();
        await TwoFactorTests.RequireForAsync(app, "Assessor");
        using var admin = await app.SignedInAsync(app.A.Admin);
        var email = TestSmtp.Address("journey");
        await admin.PostFormAsync("/Admin/Staff/Invite", new() { ["Input.Name"] = "Jo Journey", ["Input.Email"] = email, ["Input.Roles"] = "Assessor" }, tokenFrom: "/Admin/Staff/Invite");

        const string first = "juniper canal orbit slate";
        var invitation = await TestSmtp.Received.WaitForAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().PostFormAsync(Mailbox.LinkPath(invitation, "/Account/Password/"), new() { ["Password"] = first, ["ConfirmPassword"] = first })).StatusCode);

        // The centre requires a second factor of assessors: set up at the first sign-in, asked for at the next.
        using var jo = await app.SignedInAsync(email, first);
        var key = TwoFactorTests.SharedKey(await jo.GetStringAsync("/Account/TwoFactor"));
        await jo.PostFormAsync("/Account/TwoFactor?handler=Enable", new() { ["Code"] = TwoFactorTests.Code(key) }, tokenFrom: "/Account/TwoFactor");
        Assert.Equal(HttpStatusCode.OK, (await jo.GetAsync("/Assessor")).StatusCode);

        // A forgotten password: the reset and its confirmation arrive through the server; the second factor is still asked for.
        await app.Anonymous().PostFormAsync("/Account/ForgotPassword", new() { ["Email"] = email });
        const string second = "harbour thistle copper wren";
        var reset = await TestSmtp.Received.WaitForAsync(email, count: 2);
        Assert.Equal("Reset your Attest password", reset.Subject);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().PostFormAsync(Mailbox.LinkPath(reset, "/Account/Password/"), new() { ["Password"] = second, ["ConfirmPassword"] = second })).StatusCode);
        Assert.Equal("Your Attest password has been changed", (await TestSmtp.Received.WaitForAsync(email, count: 3)).Subject);
        using var again = app.Anonymous();
        var signIn = await again.PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = email, ["Input.Password"] = second });
        Assert.StartsWith("/Account/SignIn/TwoFactor", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await again.PostFormAsync("/Account/SignIn/TwoFactor", new() { ["Code"] = TwoFactorTests.Code(key) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/Assessor")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await jo.GetAsync("/Assessor")).StatusCode);
        Assert.Equal(3, TestSmtp.Received.To(email).Count);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task While_the_mail_server_is_down_mail_waits_with_its_error_and_goes_once_when_the_server_is_back(DatabaseProvider provider)
    {
        Skip.If(TestSmtp.Server is null, TestSmtp.SkipReason);
        var down = TestSmtp.AppSettings(port: ChildApp.FreePort());
        using var app = await new AttestFactory(provider, down).SeedAsync();
        using var admin = await app.SignedInAsync(app.A.Admin);
        var email = TestSmtp.Address("waiting");
        await admin.PostFormAsync("/Admin/Staff/Invite", new() { ["Input.Name"] = "Wyn Waiting", ["Input.Email"] = email, ["Input.Roles"] = "Iqa" }, tokenFrom: "/Admin/Staff/Invite");

        var waiting = await WaitAsync(app, m => m.ToAddress == email && m.Attempts == 1 && m.ClaimedUntil == null);
        Assert.Null(waiting.SentAt);
        Assert.Null(waiting.FailedAt);
        Assert.StartsWith($"Could not send through SMTP server 127.0.0.1:{down["Mail:Smtp:Port"]}", waiting.LastError, StringComparison.Ordinal);
        Assert.InRange(waiting.NextAttemptAt - waiting.CreatedAt, TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(90));
        using var health = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/health"));
        var outbox = health.RootElement.GetProperty("checks").GetProperty("outbox").GetProperty("data");
        Assert.True(outbox.GetProperty("waiting").GetInt32() >= 1);
        Assert.True(outbox.GetProperty("oldestWaitingSeconds").GetInt32() >= 0);
        // The queue depth an operator's metrics show (what an OpenTelemetry exporter reads), as the sender last saw it.
        Assert.True(OutboxWaitingGauge(app) >= 1);

        // The server is back; two minutes on, a sender (any instance) delivers it, once.
        var up = new MailOptions();
        new ConfigurationBinderHelper(TestSmtp.AppSettings()).Bind(up);
        var later = new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddMinutes(2));
        using var signal = new OutboxSignal();
        var sender = new OutboxSender(app.Services.GetRequiredService<IServiceScopeFactory>(), new SmtpMailTransport(Options.Create(up)), signal, Options.Create(up), later, new Attest.Web.Infrastructure.AppInstance(), app.Services.GetRequiredService<Attest.Web.Infrastructure.AttestMetrics>(), NullLogger<OutboxSender>.Instance);
        Assert.Equal(1, await sender.DeliverDueAsync(default));
        Assert.Equal(0, await sender.DeliverDueAsync(default));
        await TestSmtp.Received.WaitForAsync(email);
        Assert.Equal(0, OutboxWaitingGauge(app));
        await using var db = app.Db(app.A.Id);
        var sent = await db.OutboxMails.SingleAsync(m => m.ToAddress == email);
        Assert.Equal((2, true, (string?)null), (sent.Attempts, sent.SentAt is not null, sent.LastError));
        Assert.Single(TestSmtp.Received.To(email));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_senders_working_at_once_deliver_each_mail_exactly_once(DatabaseProvider provider)
    {
        Skip.If(TestSmtp.Server is null, TestSmtp.SkipReason);
        var settings = TestSmtp.AppSettings();
        settings["Mail:SenderEnabled"] = "false";
        using var app = await new AttestFactory(provider, settings).SeedAsync();
        var addresses = Enumerable.Range(0, 24).Select(i => TestSmtp.Address($"many{i}")).ToList();
        await using (var db = app.Db(app.A.Id))
        {
            var mailer = new Mailer(db, MailTemplates.Shipped(), TimeProvider.System);
            foreach (var address in addresses)
            {
                mailer.Queue(app.A.Id, null, "password-changed", address, "Many", new Dictionary<string, string> { ["name"] = "Many", ["email"] = address, ["centre"] = "Centre A", ["when"] = "now" }, holdsLink: false);
            }

            await db.SaveChangesAsync();
        }

        var options = new MailOptions();
        new ConfigurationBinderHelper(settings).Bind(options);
        var senders = Enumerable.Range(0, 2).Select(_ => new OutboxSender(app.Services.GetRequiredService<IServiceScopeFactory>(), new SmtpMailTransport(Options.Create(options)), new OutboxSignal(),
            Options.Create(options), TimeProvider.System, new Attest.Web.Infrastructure.AppInstance(), app.Services.GetRequiredService<Attest.Web.Infrastructure.AttestMetrics>(), NullLogger<OutboxSender>.Instance)).ToList();
        var sent = await Task.WhenAll(senders.Select(s => s.DeliverDueAsync(default)));
        Assert.Equal(24, sent.Sum());

        foreach (var address in addresses)
        {
            await TestSmtp.Received.WaitForAsync(address);
        }

        await Task.Delay(500);
        Assert.All(addresses, a => Assert.Single(TestSmtp.Received.To(a)));
    }

    [SkippableFact]
    public async Task A_mail_committed_just_before_a_kill_9_is_sent_exactly_once_after_the_restart()
    {
        Skip.If(TestSmtp.Server is null, TestSmtp.SkipReason);
        using var app = new ChildApp();
        var settings = TestSmtp.AppSettings();
        // The first run commits mail but never sends it, so the kill is sure to fall between the commit and the send.
        settings["Mail:SenderEnabled"] = "false";
        await app.StartAsync(settings);
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        var signIn = await client.PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = "admin@demo.attest.test", ["Input.Password"] = Attest.Web.Infrastructure.DemoOptions.Password });
        Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, app.Log());
        var email = TestSmtp.Address("afterkill");
        var invited = await client.PostFormAsync("/Admin/Staff/Invite", new() { ["Input.Name"] = "Kit Killed", ["Input.Email"] = email, ["Input.Roles"] = "Assessor" }, tokenFrom: "/Admin/Staff/Invite");
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);

        var database = new DbContextOptionsBuilder<AttestDbContext>();
        DatabaseOptions.Configure(database, DatabaseProvider.Sqlite, $"Data Source={Path.Combine(app.DataFolder, "attest.db")};Pooling=False");
        await using (var db = new AttestDbContext(database.Options, NoCentre.Instance))
        {
            Assert.Null((await db.OutboxMails.SingleAsync(m => m.ToAddress == email)).SentAt);
        }

        app.Kill();
        Assert.Empty(TestSmtp.Received.To(email));

        settings["Mail:SenderEnabled"] = "true";
        await app.StartAsync(settings);
        await TestSmtp.Received.WaitForAsync(email);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(TestSmtp.Received.To(email));
        await using (var db = new AttestDbContext(database.Options, NoCentre.Instance))
        {
            var mail = await db.OutboxMails.SingleAsync(m => m.ToAddress == email);
            Assert.Equal((1, true), (mail.Attempts, mail.SentAt is not null));
        }
    }

    private static async Task<OutboxMail> WaitAsync(AttestFactory app, System.Linq.Expressions.Expression<Func<OutboxMail, bool>> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            await using var db = app.Db(Guid.Empty);
            if (await db.OutboxMails.AsNoTracking().FirstOrDefaultAsync(condition) is { } mail)
            {
                return mail;
            }

            await Task.Delay(100);
        }

        Assert.Fail("the outbox never reached the state waited for");
        return null!;
    }

    /// <summary>Binds "Mail:..." settings onto MailOptions as the app does.</summary>
    private sealed class ConfigurationBinderHelper(Dictionary<string, string> settings)
    {
        public void Bind(MailOptions options) =>
            new ConfigurationBuilder().AddInMemoryCollection(settings!).Build().GetSection(MailOptions.Section).Bind(options);
    }

    /// <summary>The latest value of this app's attest.outbox.waiting gauge, read as a metrics exporter would.</summary>
    private static long OutboxWaitingGauge(AttestFactory app)
    {
        var meter = app.Services.GetRequiredService<Attest.Web.Infrastructure.AttestMetrics>().Meter;
        long? value = null;
        using var listener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter == meter && instrument.Name == "attest.outbox.waiting")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, measurement, _, _) => value = measurement);
        listener.Start();
        listener.RecordObservableInstruments();
        return value ?? throw new InvalidOperationException("no attest.outbox.waiting gauge is published");
    }
}

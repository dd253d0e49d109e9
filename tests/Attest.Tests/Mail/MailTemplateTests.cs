using Attest.Core.Mail;
using Attest.Web.Infrastructure.Mail;

namespace Attest.Tests.Mail;

public class MailTemplateTests
{
    private static readonly MailTemplates Shipped = MailTemplates.Shipped();

    private static readonly Dictionary<string, string[]> Placeholders = new()
    {
        ["invitation"] = ["name", "inviter", "centre", "roles", "link", "expires", "email"],
        ["password-reset"] = ["name", "email", "centre", "link", "expires"],
        ["password-changed"] = ["name", "email", "centre", "when"],
        ["two-factor-reset"] = ["name", "actor", "email", "centre", "when"],
        ["witness-request"] = ["name", "assessor", "centre", "candidate", "activity", "link", "expires"],
        ["review-signature"] = ["name", "assessor", "centre", "candidate", "held", "link", "expires"],
    };

    [Fact]
    public void Every_shipped_template_has_a_subject_a_text_and_an_html_part_and_fills_every_placeholder()
    {
        Assert.Equal(Placeholders.Keys.Order(), Shipped.Names.Order());
        foreach (var (name, keys) in Placeholders)
        {
            var mail = Shipped.Render(name, keys.ToDictionary(k => k, k => $"<{k}>"));
            Assert.False(string.IsNullOrWhiteSpace(mail.Subject), name);
            Assert.DoesNotContain("{{", mail.Subject + mail.Text + mail.Html, StringComparison.Ordinal);
            // Values are text in the plain part and escaped in the HTML part: a name cannot inject markup.
            Assert.DoesNotContain("<name>", mail.Html, StringComparison.Ordinal);
            Assert.Contains("&lt;name&gt;", mail.Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_missing_or_unexpected_value_fails_loudly_rather_than_sending_a_broken_mail()
    {
        var values = Placeholders["password-changed"].ToDictionary(k => k, k => k);
        Assert.Contains("no value for when", Assert.Throws<InvalidOperationException>(() => Shipped.Render("password-changed", values.Where(v => v.Key != "when").ToDictionary())).Message, StringComparison.Ordinal);
        Assert.Contains("no placeholder for link", Assert.Throws<InvalidOperationException>(() => Shipped.Render("password-changed", new Dictionary<string, string>(values) { ["link"] = "x" })).Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => Shipped.Render("no-such-mail", values));
    }

    [Fact]
    public void A_template_file_without_its_subject_line_stops_the_app_naming_the_file()
    {
        var folder = Directory.CreateTempSubdirectory("attest-templates-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "_layout.html"), "{{content}}");
            File.WriteAllText(Path.Combine(folder, "broken.txt"), "Hello {{name}}\n");
            File.WriteAllText(Path.Combine(folder, "broken.html"), "<p>Hello</p>");
            var error = Assert.Throws<InvalidOperationException>(() => MailTemplates.Load(folder));
            Assert.Contains("broken.txt:1: the first line must be \"Subject: ...\"", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_retried_mail_keeps_its_message_id_so_a_receiver_can_tell_a_repeat()
    {
        var mail = new OutboxMail { Subject = "s", ToAddress = "a@b.test", ToName = "A", TextBody = "t", HtmlBody = "<p>t</p>", CreatedAt = new DateTime(2026, 12, 4, 9, 0, 0, DateTimeKind.Utc) };
        var settings = new MailOptions { FromAddress = "attest@college.test", FromName = "Attest" };
        var first = OutboxSender.Message(mail, settings);
        Assert.Equal(first.MessageId, OutboxSender.Message(mail, settings).MessageId);
        Assert.Equal(("auto-generated", "t", "<p>t</p>"), (first.Headers["Auto-Submitted"], first.TextBody, first.HtmlBody));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(5, 16)]
    [InlineData(8, 120)]
    [InlineData(12, 120)]
    public void Retries_wait_a_minute_then_double_up_to_two_hours(int attempts, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), OutboxSender.RetryDelay(attempts));
}

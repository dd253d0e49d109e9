using System.Net;
using Attest.Core.Data;
using Attest.Tests.Data;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Attest.Tests.Features;

/// <summary>Hygiene warnings reach the candidate and the assessor with what was found and where, and never block (seed 003).</summary>
public class HygieneJourneyTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_pdf_with_a_third_partys_phone_and_email_is_kept_with_warnings_naming_the_page(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var candidate = await app.SignedInAsync(app.A.Candidate);
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4).AddText("Case log written by Cara Centrea", 12, new UglyToad.PdfPig.Core.PdfPoint(50, 700), font);
        builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4).AddText("Called back Mrs Jones on 07700 900123 and emailed jo.jones@example.com", 12, new UglyToad.PdfPig.Core.PdfPoint(50, 700), font);
        var upload = await EvidenceTests.PostRawFileAsync(candidate, "case-log.pdf", builder.Build(), "Case log");
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);

        var page = await candidate.GetStringAsync(upload.Headers.Location!.OriginalString);
        Assert.Contains("07700 900123", page, StringComparison.Ordinal);
        Assert.Contains("jo.jones@example.com", page, StringComparison.Ordinal);
        Assert.Contains("Mrs Jones", page, StringComparison.Ordinal);
        Assert.Contains("page 2", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Cara Centrea</td>", page, StringComparison.Ordinal);

        var assessor = await app.SignedInAsync(app.A.Assessor);
        var id = upload.Headers.Location!.OriginalString.Split('/')[^1];
        Assert.Contains("jo.jones@example.com", await assessor.GetStringAsync($"/Evidence/{id}"), StringComparison.Ordinal);
        await using var db = app.Db(app.A.Id);
        var found = await db.EvidenceWarnings.Where(w => w.EvidenceItemId == Guid.Parse(id)).Select(w => new { w.Kind, w.Location }).ToListAsync();
        Assert.Contains(found, w => w.Kind == "Email" && w.Location == "page 2");
        Assert.Contains(found, w => w.Kind == "PhoneNumber" && w.Location == "page 2");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_blank_form_and_personal_data_in_a_written_account_are_flagged_with_where(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var candidate = await app.SignedInAsync(app.A.Candidate);
        var form = "Customer feedback form\nName: ______________\nDate: ______________\nTelephone: ______________\nSignature: ______________\n[ ] Satisfied  [ ] Not satisfied\n";
        var blank = await EvidenceTests.PostRawFileAsync(candidate, "form.txt", System.Text.Encoding.UTF8.GetBytes(form), "Feedback form");
        Assert.Contains("BlankTemplate", await KindsAsync(app, blank), StringComparer.Ordinal);

        var account = await candidate.PostFormAsync("/Candidate/Evidence/Add?kind=ReflectiveAccount", new()
        {
            ["Input.Title"] = "Difficult caller",
            ["Input.Body"] = "Mr Patel rang at 10:30 about order 4471; I emailed him at r.patel@example.org to confirm the refund of £12.50.",
            ["Input.Context"] = "RealWork",
        });
        var page = await candidate.GetStringAsync(account.Headers.Location!.OriginalString);
        Assert.Contains("r.patel@example.org", page, StringComparison.Ordinal);
        Assert.Contains("reflective account", page, StringComparison.Ordinal);
        var kinds = await KindsAsync(app, account);
        Assert.Contains("Email", kinds, StringComparer.Ordinal);
        Assert.Contains("ThirdPartyName", kinds, StringComparer.Ordinal);
        Assert.DoesNotContain("PaymentCardNumber", kinds, StringComparer.Ordinal);
    }

    private static async Task<List<string>> KindsAsync(AttestFactory app, HttpResponseMessage created)
    {
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
        await using var db = app.Db(app.A.Id);
        return await db.EvidenceWarnings.Where(w => w.EvidenceItemId == id).Select(w => w.Kind).ToListAsync();
    }
}

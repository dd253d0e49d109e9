using Attest.Core.Certification;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Web.Features.Portfolio;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Claims;

/// <summary>
/// The centre's record of achievement for a claim, as a PDF: the candidate, each unit claimed with the date achieved, and
/// the claim's ledger entry. The certificate itself comes from the awarding body; this says so.
/// </summary>
public sealed class CertificateModel(AttestDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid claimId, CancellationToken cancellationToken)
    {
        var claim = await db.CertificationClaims.AsNoTracking().SingleOrDefaultAsync(c => c.Id == claimId, cancellationToken);
        if (claim is null)
        {
            return NotFound();
        }

        var centre = await db.Centres.AsNoTracking().SingleAsync(c => c.Id == claim.CentreId, cancellationToken);
        var entry = await db.LedgerEntries.AsNoTracking().Where(e => e.SubjectId == claim.Id && e.Kind == CertificationClaim.Kind).OrderBy(e => e.Sequence).FirstOrDefaultAsync(cancellationToken);
        using var document = PdfLayout.NewDocument($"Record of achievement: {claim.CandidateName}, {claim.QualificationCode}");
        using (var pdf = new PdfLayout(document))
        {
            pdf.Heading(claim.Scope == ClaimScope.Qualification ? "Record of qualification achievement" : "Record of unit achievement", 18);
            pdf.Text($"{centre.Name} (centre number {centre.Number}) records that");
            pdf.Heading(claim.CandidateName, 14);
            pdf.Text($"ULN {claim.Uln}; awarding body candidate number {claim.CandidateNumber ?? "not given"}; registered {claim.RegisteredOn:d MMMM yyyy}");
            pdf.Text(claim.Scope == ClaimScope.Qualification
                ? $"has achieved {claim.QualificationTitle} (scheme code {claim.QualificationCode}) with the units below."
                : $"has achieved the units below of {claim.QualificationTitle} (scheme code {claim.QualificationCode}).");
            pdf.Heading("Units", 13);
            foreach (var line in claim.Lines.OrderBy(l => l.UnitCode, StringComparer.Ordinal))
            {
                pdf.Text($"Unit {line.UnitCode} {line.UnitTitle}: achieved {line.AchievedOn:d MMMM yyyy}{(line.Grade is null ? string.Empty : ", grade " + line.Grade)}");
            }

            pdf.Heading("Claim", 13);
            pdf.Text($"Claimed on {claim.ClaimDate:d MMMM yyyy} by {claim.ClaimedByName}, signed {claim.SignedAt:d MMMM yyyy HH:mm} UTC{(entry is null ? "." : $" (ledger entry {entry.Sequence}, {entry.EntryHash}).")}");
            pdf.Text($"\"{CertificationClaim.Statement}\"");
            pdf.Text("The certificate is issued by the awarding body; this record is the centre's.");
        }

        using var output = new MemoryStream();
        await PdfLayout.SaveAsync(document, output, cancellationToken);
        return File(output.ToArray(), "application/pdf", $"achievement-{claim.QualificationCode}-{claim.Id.ToString("N")[..12]}.pdf");
    }
}

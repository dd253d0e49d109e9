namespace Attest.Web.Features.Shared;

/// <summary>
/// Where a piece of evidence opens for its reader: the candidate's own evidence page when the page shows the reader's own
/// portfolio, the centre's evidence page (which checks what staff may see) otherwise.
/// </summary>
public static class EvidenceLink
{
    public static string To(Guid itemId, bool ownPortfolio) => ownPortfolio ? $"/Candidate/Evidence/{itemId}" : $"/Evidence/{itemId}";
}

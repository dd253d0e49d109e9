namespace Attest.Core.Quality;

/// <summary>
/// What an EQA's sanction stops at the centre (product.md: the EQA "can impose sanctions"). The latest report's sanction
/// is in force until a later report replaces it: certification suspended stops claims, registration suspended stops
/// new enrolments; an action plan stops nothing.
/// </summary>
public static class EqaSanctions
{
    public static EqaReport? InForce(IEnumerable<EqaReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        return reports.MaxBy(r => r.ReportedAt) is { Sanction: EqaSanction.CertificationSuspended or EqaSanction.RegistrationSuspended } report ? report : null;
    }

    /// <summary>Why no claim can be made, or null.</summary>
    public static string? CertificationHold(EqaReport? inForce) =>
        inForce?.Sanction == EqaSanction.CertificationSuspended ? Hold(inForce, "Certification", "claim") : null;

    /// <summary>Why no candidate can be registered, or null.</summary>
    public static string? RegistrationHold(EqaReport? inForce) =>
        inForce?.Sanction == EqaSanction.RegistrationSuspended ? Hold(inForce, "Registration", "registration") : null;

    private static string Hold(EqaReport report, string what, string act) =>
        $"{what} is suspended at this centre by the EQA's report of {report.ReportedAt:d MMMM yyyy} ({report.EqaName}); no {act} can be made until a later EQA report lifts it. Actions: {report.Actions}";
}

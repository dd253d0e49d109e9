using Attest.Core.Apprenticeships;

namespace Attest.Web.Features.Admin.Employers;

public static class ApprenticeshipText
{
    /// <summary>
    /// What is done about a standard the catalogue does not hold, in the product's own terms (people using Attest never see
    /// its repository's docs): the standards held are listed on the Qualifications page (/Catalogue), an administrator
    /// corrects a wrong reference from the learner's page (Admin/Enrolments/Apprenticeship), and standards ship with Attest,
    /// so a missing one is added by whoever runs it.
    /// </summary>
    public const string StandardNotHeld =
        "An administrator compares the reference with the apprenticeship standards listed on the Qualifications page and, if it is wrong, corrects it under \u201cApprenticeship\u201d on the learner\u2019s page; a standard not listed there is added to the catalogue by whoever runs Attest for the centre.";

    /// <summary>"Standard ST0229 Hospitality team member", with " version 1.1" once a version is pinned.</summary>
    public static string Programme(Apprenticeship apprenticeship)
    {
        ArgumentNullException.ThrowIfNull(apprenticeship);
        return $"{(apprenticeship.Programme == ApprenticeshipProgramme.Standard ? "Standard" : "Framework")} {apprenticeship.ProgrammeCode} {apprenticeship.ProgrammeTitle}"
            + (apprenticeship.StandardVersion is { } version ? " version " + version : "");
    }
}

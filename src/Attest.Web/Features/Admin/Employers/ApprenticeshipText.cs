using Attest.Core.Apprenticeships;

namespace Attest.Web.Features.Admin.Employers;

public static class ApprenticeshipText
{
    /// <summary>"Standard ST0229 Hospitality team member".</summary>
    public static string Programme(Apprenticeship apprenticeship)
    {
        ArgumentNullException.ThrowIfNull(apprenticeship);
        return $"{(apprenticeship.Programme == ApprenticeshipProgramme.Standard ? "Standard" : "Framework")} {apprenticeship.ProgrammeCode} {apprenticeship.ProgrammeTitle}";
    }
}

using Attest.Core.Centres;
using Attest.Core.Portfolios;
using Attest.Core.Qualifications;

namespace Attest.Core.Apprenticeships;

public enum ApprenticeshipProgramme { Standard, Framework }

/// <summary>What the administrator enters about an apprenticeship; the planned end is the enrolment's (<see cref="Enrolment.PlannedEndDate"/>).</summary>
/// <param name="StandardVersion">A version of the standard to move the apprentice to; none keeps the one they follow.</param>
public sealed record ApprenticeshipTerms(
    ApprenticeshipProgramme? Programme, string? ProgrammeCode, string? ProgrammeTitle, DateOnly? StartDate, DateOnly? PlannedEndDate,
    decimal? ContractedHoursPerWeek, decimal? PlannedOffTheJobHours, Guid? EmployerId, string? StandardVersion = null);

/// <summary>
/// An enrolment that is an apprenticeship (one row per enrolment, keyed by it): the standard or framework, when it starts,
/// the apprentice's contracted hours, the planned off-the-job hours and the employer. The planned end is the enrolment's
/// own, so a break in learning moves both. Changed in place by the administrator; the row says who last changed it and when.
/// </summary>
public sealed class Apprenticeship : ICentreOwned
{
    public const int MaxCodeLength = 20;

    public const int MaxTitleLength = 200;

    /// <summary>The hours in a week: contracted hours above it are a typing mistake.</summary>
    public const decimal HoursInAWeek = 168;

    /// <summary>Hours are entered to the quarter hour at most, and kept within what a column of precision 7, scale 2 holds.</summary>
    public const decimal MaxPlannedHours = 99_999;

    private Apprenticeship()
    {
    }

    public Guid EnrolmentId { get; private init; }

    public Guid CentreId { get; private init; }

    public ApprenticeshipProgramme Programme { get; private set; }

    /// <summary>The standard's reference (ST0123) or the framework's code, as typed: later looked up in the catalogue.</summary>
    public string ProgrammeCode { get; private set; } = string.Empty;

    public string ProgrammeTitle { get; private set; } = string.Empty;

    /// <summary>
    /// The version of the standard the apprentice follows, pinned when the apprenticeship starts on a standard the catalogue
    /// holds (its newest then): the KSBs and the gateway are that version's, and a newer version added later moves nobody
    /// until an administrator moves them. Null for a framework, or a standard not held when last saved.
    /// </summary>
    public string? StandardVersion { get; private set; }

    public DateOnly StartDate { get; private set; }

    public decimal ContractedHoursPerWeek { get; private set; }

    public decimal PlannedOffTheJobHours { get; private set; }

    public Guid EmployerId { get; private set; }

    public DateTime CreatedAt { get; private init; }

    public Guid CreatedBy { get; private init; }

    public DateTime ChangedAt { get; private set; }

    public Guid ChangedBy { get; private set; }

    /// <summary>Makes the enrolment an apprenticeship; see <see cref="Change"/> for what is refused.</summary>
    /// <param name="employer">The employer the terms name, found among the centre's own employers, or null when it is not one of them.</param>
    public static Apprenticeship Start(Enrolment enrolment, ApprenticeshipTerms terms, Employer? employer, OffTheJobRules rules, Catalogue catalogue, Guid by, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        var apprenticeship = new Apprenticeship { EnrolmentId = enrolment.Id, CentreId = enrolment.CentreId, CreatedAt = now, CreatedBy = by };
        apprenticeship.Change(enrolment, terms, employer, rules, catalogue, by, now);
        return apprenticeship;
    }

    /// <summary>
    /// The standard the apprentice follows, at the version pinned (the newest held while none is); null for a framework or a
    /// standard the catalogue does not hold. Every page, export and check that needs the apprentice's KSBs or gateway asks this.
    /// </summary>
    public StandardSpec? StandardIn(Catalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return Programme != ApprenticeshipProgramme.Standard ? null
            : StandardVersion is { } version ? catalogue.FindStandard(ProgrammeCode, version)
            : catalogue.FindStandard(ProgrammeCode);
    }

    /// <summary>
    /// Sets the terms, refusing with every reason under its field: a missing programme, code or title; a missing start or
    /// planned end, or an end not after the start (or the registration, <see cref="Enrolment.PlanEnd"/>); contracted
    /// hours that are not more than none and at most a week's; planned off-the-job hours below the minimum of the
    /// <paramref name="rules"/> in force at the start; an employer that is not one of the enrolment's centre's; and a version
    /// to move to that the <paramref name="catalogue"/> does not hold, or any other standard or version once the gateway
    /// declaration is signed (<paramref name="gatewaySigned"/>: the declaration and the end-point assessment are of the
    /// version signed for). The planned end is set on the enrolment, and the standard's version pinned (<see cref="VersionToFollow"/>).
    /// </summary>
    public void Change(Enrolment enrolment, ApprenticeshipTerms terms, Employer? employer, OffTheJobRules rules, Catalogue catalogue, Guid by, DateTime now, bool gatewaySigned = false)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(terms);
        var errors = new List<(string Field, string Message)>();
        var code = terms.ProgrammeCode?.Trim() ?? string.Empty;
        var title = terms.ProgrammeTitle?.Trim() ?? string.Empty;
        if (terms.Programme is not { } programme || !Enum.IsDefined(programme))
        {
            errors.Add(("Programme", "Choose whether the apprenticeship follows a standard or a framework"));
        }

        if (code.Length is 0 or > MaxCodeLength)
        {
            errors.Add(("ProgrammeCode", $"Enter the standard's reference or the framework's code, for example ST0123 ({MaxCodeLength} characters or fewer)"));
        }

        if (title.Length is 0 or > MaxTitleLength)
        {
            errors.Add(("ProgrammeTitle", $"Enter the standard's or framework's title ({MaxTitleLength} characters or fewer)"));
        }

        if (terms.StartDate is null)
        {
            errors.Add(("StartDate", "Enter the date the apprenticeship starts"));
        }

        if (terms.PlannedEndDate is null)
        {
            errors.Add(("PlannedEndDate", "Enter the date the apprenticeship is planned to end"));
        }
        else if (terms.StartDate is DateOnly start && terms.PlannedEndDate <= start)
        {
            errors.Add(("PlannedEndDate", $"The planned end date must be after the start date ({start:d MMMM yyyy})"));
        }
        else if (terms.PlannedEndDate <= enrolment.RegisteredOn)
        {
            errors.Add(("PlannedEndDate", $"The planned end date must be after the registration date ({enrolment.RegisteredOn:d MMMM yyyy})"));
        }

        if (terms.ContractedHoursPerWeek is not (> 0 and <= HoursInAWeek))
        {
            errors.Add(("ContractedHoursPerWeek", $"Enter the apprentice's contracted hours a week: more than 0 and at most {HoursInAWeek:0}"));
        }

        errors.AddRange(PlannedOffTheJobHoursProblems(terms, rules));
        if (terms.EmployerId is null)
        {
            errors.Add(("EmployerId", "Choose the apprentice's employer"));
        }
        else if (employer is null || employer.Id != terms.EmployerId || employer.CentreId != enrolment.CentreId)
        {
            errors.Add(("EmployerId", "Choose one of this centre's employers: that employer is not one of them"));
        }

        var sameProgramme = terms.Programme == Programme && string.Equals(code, ProgrammeCode, StringComparison.OrdinalIgnoreCase);
        var version = VersionToFollow(terms.Programme, code, sameProgramme, terms.StandardVersion?.Trim(), catalogue, errors);
        if (gatewaySigned && errors.TrueForAll(e => e.Field != "StandardVersion") && !(sameProgramme && version == StandardVersion))
        {
            errors.Add((sameProgramme ? "StandardVersion" : "ProgrammeCode", $"The gateway declaration is signed for {ProgrammeCode}{(StandardVersion is null ? "" : " version " + StandardVersion)}: the apprentice stays on it for the end-point assessment"));
        }

        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }

        enrolment.PlanEnd(terms.PlannedEndDate);
        (Programme, ProgrammeCode, ProgrammeTitle, StandardVersion, StartDate) = (terms.Programme!.Value, code, title, version, terms.StartDate!.Value);
        (ContractedHoursPerWeek, PlannedOffTheJobHours, EmployerId, ChangedAt, ChangedBy) = (terms.ContractedHoursPerWeek!.Value, terms.PlannedOffTheJobHours!.Value, employer!.Id, now, by);
    }

    /// <summary>
    /// The version of the standard to pin: one chosen to move to, when the catalogue holds it for the standard followed; the
    /// one pinned, while the standard is unchanged; else the newest the catalogue holds (null when it holds none). A version
    /// chosen while changing the standard is not applied: versions are the old standard's, and the new one starts at its newest.
    /// </summary>
    private string? VersionToFollow(ApprenticeshipProgramme? programme, string code, bool sameStandard, string? chosen, Catalogue catalogue, List<(string Field, string Message)> errors)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        if (programme != ApprenticeshipProgramme.Standard || code.Length == 0)
        {
            return null;
        }

        var held = catalogue.StandardVersions(code);
        if (sameStandard && !string.IsNullOrEmpty(chosen) && chosen != StandardVersion)
        {
            if (held.FirstOrDefault(s => s.Version == chosen) is { } moveTo)
            {
                return moveTo.Version;
            }

            errors.Add(("StandardVersion", held.Count == 0
                ? $"The catalogue holds no version of {code}: the apprentice cannot move to version {chosen}"
                : $"Choose a version of {code} the catalogue holds: {string.Join(", ", held.Select(s => s.Version))}"));
            return null;
        }

        return sameStandard && StandardVersion is { } pinned ? pinned : (held.Count > 0 ? held[0].Version : null);
    }

    /// <summary>
    /// What is wrong with the planned off-the-job hours: none planned, or fewer than the minimum the funding rules in force
    /// at the start give (checked only once the start, planned end and contracted hours it is worked out from are sound).
    /// </summary>
    private static IEnumerable<(string Field, string Message)> PlannedOffTheJobHoursProblems(ApprenticeshipTerms terms, OffTheJobRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (terms.PlannedOffTheJobHours is not (> 0 and <= MaxPlannedHours))
        {
            yield return ("PlannedOffTheJobHours", $"Enter the planned off-the-job training hours: more than 0 and at most {MaxPlannedHours:#,0}");
            yield break;
        }

        if (terms is { StartDate: DateOnly start, PlannedEndDate: DateOnly end, ContractedHoursPerWeek: decimal contracted and > 0 and <= HoursInAWeek } && end > start)
        {
            var (minimum, why) = rules.RuleSetFor(start).MinimumExplained(start, end, contracted);
            if (terms.PlannedOffTheJobHours < minimum)
            {
                yield return ("PlannedOffTheJobHours", $"Plan {why}.");
            }
        }
    }
}

using Attest.Core.Centres;
using Attest.Core.Portfolios;

namespace Attest.Core.Apprenticeships;

public enum ApprenticeshipProgramme { Standard, Framework }

/// <summary>What the administrator enters about an apprenticeship; the planned end is the enrolment's (<see cref="Enrolment.PlannedEndDate"/>).</summary>
public sealed record ApprenticeshipTerms(
    ApprenticeshipProgramme? Programme, string? ProgrammeCode, string? ProgrammeTitle, DateOnly? StartDate, DateOnly? PlannedEndDate,
    decimal? ContractedHoursPerWeek, decimal? PlannedOffTheJobHours, Guid? EmployerId);

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
    public static Apprenticeship Start(Enrolment enrolment, ApprenticeshipTerms terms, Employer? employer, Guid by, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        var apprenticeship = new Apprenticeship { EnrolmentId = enrolment.Id, CentreId = enrolment.CentreId, CreatedAt = now, CreatedBy = by };
        apprenticeship.Change(enrolment, terms, employer, by, now);
        return apprenticeship;
    }

    /// <summary>
    /// Sets the terms, refusing with every reason under its field: a missing programme, code or title; a missing start or
    /// planned end, or an end not after the start (or the registration, <see cref="Enrolment.PlanEnd"/>); contracted
    /// hours that are not more than none and at most a week's; planned off-the-job hours that are not more than none; and
    /// an employer that is not one of the enrolment's centre's. The planned end is set on the enrolment.
    /// </summary>
    public void Change(Enrolment enrolment, ApprenticeshipTerms terms, Employer? employer, Guid by, DateTime now)
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

        errors.AddRange(PlannedOffTheJobHoursProblems(terms));
        if (terms.EmployerId is null)
        {
            errors.Add(("EmployerId", "Choose the apprentice's employer"));
        }
        else if (employer is null || employer.Id != terms.EmployerId || employer.CentreId != enrolment.CentreId)
        {
            errors.Add(("EmployerId", "Choose one of this centre's employers: that employer is not one of them"));
        }

        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }

        enrolment.PlanEnd(terms.PlannedEndDate);
        (Programme, ProgrammeCode, ProgrammeTitle, StartDate) = (terms.Programme!.Value, code, title, terms.StartDate!.Value);
        (ContractedHoursPerWeek, PlannedOffTheJobHours, EmployerId, ChangedAt, ChangedBy) = (terms.ContractedHoursPerWeek!.Value, terms.PlannedOffTheJobHours!.Value, employer!.Id, now, by);
    }

    /// <summary>
    /// What is wrong with the planned off-the-job hours. The one place the minimum worked out from the funding rules in
    /// force (issue 17: hours per week, contracted hours, pro-rating, exclusions) is to be checked, once that calculator
    /// exists; until then only that some hours are planned.
    /// </summary>
    private static IEnumerable<(string Field, string Message)> PlannedOffTheJobHoursProblems(ApprenticeshipTerms terms)
    {
        if (terms.PlannedOffTheJobHours is not (> 0 and <= MaxPlannedHours))
        {
            yield return ("PlannedOffTheJobHours", $"Enter the planned off-the-job training hours: more than 0 and at most {MaxPlannedHours:#,0}");
        }
    }
}

using System.ComponentModel.DataAnnotations;

namespace Attest.Core.Centres;

/// <summary>
/// The rules for a candidate's details, shared by the registration form and the import from a college MIS, so both
/// refuse exactly the same things with the same words. Each reason names its field (the names of <see cref="Fields"/>).
/// </summary>
public static class CandidateDetails
{
    public const int MaxNameLength = 100;

    public const int MaxCandidateNumberLength = 20;

    /// <summary>The longest address an account can have (as <c>AccountService</c> checks).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>The oldest date of birth accepted, in years before today.</summary>
    public const int MaxAgeYears = 120;

    public static class Fields
    {
        public const string GivenName = "GivenName";
        public const string FamilyName = "FamilyName";
        public const string DateOfBirth = "DateOfBirth";
        public const string Uln = "Uln";
        public const string CandidateNumber = "CandidateNumber";
        public const string Email = "Email";
    }

    /// <summary>Every broken rule, each with its field; none when the details can be registered. Values are trimmed first.</summary>
    /// <param name="email">Optional: null or blank means no account.</param>
    public static IReadOnlyList<(string Field, string Message)> Check(
        string? givenName, string? familyName, DateOnly? dateOfBirth, string? uln, string? candidateNumber, string? email, DateOnly today)
    {
        var reasons = new List<(string Field, string Message)>();
        Name(reasons, Fields.GivenName, givenName, "given name", "Given name");
        Name(reasons, Fields.FamilyName, familyName, "family name", "Family name");
        if (dateOfBirth is not DateOnly dob)
        {
            reasons.Add((Fields.DateOfBirth, "Enter the candidate's date of birth"));
        }
        else if (dob > today || dob < today.AddYears(-MaxAgeYears))
        {
            reasons.Add((Fields.DateOfBirth, "Date of birth must be a real date in the past"));
        }

        if (string.IsNullOrWhiteSpace(uln))
        {
            reasons.Add((Fields.Uln, "Enter the candidate's ULN, or 9999999999 if they do not have one yet"));
        }
        else if (Centres.Uln.Validate(uln) is string ulnProblem)
        {
            reasons.Add((Fields.Uln, ulnProblem));
        }

        if (candidateNumber?.Trim().Length > MaxCandidateNumberLength)
        {
            reasons.Add((Fields.CandidateNumber, $"Candidate number must be {MaxCandidateNumberLength} characters or fewer"));
        }

        if (!string.IsNullOrWhiteSpace(email) && !IsEmailAddress(email))
        {
            reasons.Add((Fields.Email, "Enter an email address in the correct format, like name@example.com"));
        }

        return reasons;
    }

    /// <summary>An address an account can be made with (the format and length <c>AccountService</c> accepts).</summary>
    public static bool IsEmailAddress(string? email)
    {
        var trimmed = email?.Trim() ?? string.Empty;
        return trimmed.Length is > 0 and <= MaxEmailLength && new EmailAddressAttribute().IsValid(trimmed);
    }

    private static void Name(List<(string Field, string Message)> reasons, string field, string? value, string lower, string upper)
    {
        var name = value?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            reasons.Add((field, $"Enter the candidate's {lower}"));
        }
        else if (name.Length > MaxNameLength)
        {
            reasons.Add((field, $"{upper} must be {MaxNameLength} characters or fewer"));
        }
    }
}

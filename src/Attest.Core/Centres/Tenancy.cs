namespace Attest.Core.Centres;

/// <summary>Every entity owned by a centre carries its id; the DbContext filters every query by it.</summary>
public interface ICentreOwned
{
    Guid CentreId { get; }
}

/// <summary>The centre of the signed-in user, from the session, never from the request.</summary>
public interface ICurrentCentre
{
    Guid? CentreId { get; }
}

/// <summary>Rows that are never changed or deleted once written (decisions, sign-offs, declarations, claims).</summary>
public interface IAppendOnly;

public static class Roles
{
    public const string CentreAdmin = "CentreAdmin";
    public const string Assessor = "Assessor";
    public const string Iqa = "Iqa";
    public const string Eqa = "Eqa";
    public const string Candidate = "Candidate";

    /// <summary>An apprentice's line manager at their employer: sees only their own employer's apprentices (decisions/0023).</summary>
    public const string Employer = "Employer";

    public static readonly IReadOnlyList<string> All = [CentreAdmin, Assessor, Iqa, Eqa, Candidate, Employer];

    public static string Describe(string role) => role switch
    {
        CentreAdmin => "Centre administrator",
        Assessor => "Assessor",
        Iqa => "Internal quality assurer",
        Eqa => "External quality assurer",
        Candidate => "Candidate",
        Employer => "Employer (line manager)",
        _ => role,
    };

    /// <summary>The role's people, as a list of choices names them ("Assessors", "Employers (line managers)").</summary>
    public static string DescribePeople(string role) => role == Employer ? "Employers (line managers)" : Describe(role) + "s";
}

using System.ComponentModel.DataAnnotations;
using Attest.Core.Centres;

namespace Attest.Core.Apprenticeships;

/// <summary>
/// An organisation that employs a centre's apprentices. Reference data the administrator keeps up to date, so it is
/// changed in place; the row says who last changed it and when.
/// </summary>
public sealed class Employer : ICentreOwned
{
    public const int MaxNameLength = 200;

    public const int MaxAddressLength = 500;

    private Employer()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid CentreId { get; private init; }

    public string Name { get; private set; } = string.Empty;

    public string? Address { get; private set; }

    public DateTime CreatedAt { get; private init; }

    public Guid CreatedBy { get; private init; }

    public DateTime ChangedAt { get; private set; }

    public Guid ChangedBy { get; private set; }

    public static Employer Create(Guid centreId, string? name, string? address, Guid by, DateTime now)
    {
        var employer = new Employer { CentreId = centreId, CreatedAt = now, CreatedBy = by };
        employer.Change(name, address, by, now);
        return employer;
    }

    /// <summary>Renames the employer or changes its address, refusing a missing or overlong name and an overlong address.</summary>
    public void Change(string? name, string? address, Guid by, DateTime now)
    {
        var errors = new List<(string Field, string Message)>();
        name = name?.Trim() ?? string.Empty;
        address = string.IsNullOrWhiteSpace(address) ? null : address.Trim();
        if (name.Length is 0 or > MaxNameLength)
        {
            errors.Add(("Name", $"Enter the employer's name ({MaxNameLength} characters or fewer)"));
        }

        if (address?.Length > MaxAddressLength)
        {
            errors.Add(("Address", $"The address must be {MaxAddressLength} characters or fewer"));
        }

        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }

        (Name, Address, ChangedAt, ChangedBy) = (name, address, now, by);
    }
}

/// <summary>
/// A person at an employer the centre deals with, usually an apprentice's line manager. When invited to sign in, their
/// account (role <see cref="Roles.Employer"/>) is linked here, and through this row to exactly one employer.
/// </summary>
public sealed class EmployerContact : ICentreOwned
{
    public const int MaxNameLength = 200;

    public const int MaxJobTitleLength = 200;

    public const int MaxEmailLength = 254;

    public const int MaxPhoneLength = 30;

    private EmployerContact()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid CentreId { get; private init; }

    public Guid EmployerId { get; private init; }

    public string Name { get; private set; } = string.Empty;

    public string? JobTitle { get; private set; }

    public string? Email { get; private set; }

    public string? Phone { get; private set; }

    /// <summary>Their sign-in account once invited (unique: an account is one contact's, so of one employer).</summary>
    public Guid? UserId { get; private set; }

    public DateTime ChangedAt { get; private set; }

    public Guid ChangedBy { get; private set; }

    public static EmployerContact Create(Employer employer, string? name, string? jobTitle, string? email, string? phone, Guid by, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(employer);
        var contact = new EmployerContact { CentreId = employer.CentreId, EmployerId = employer.Id };
        contact.Change(name, jobTitle, email, phone, by, now);
        return contact;
    }

    /// <summary>
    /// Changes the contact's details. A name is needed, and an email address or telephone number to reach them by; the email
    /// address of someone who signs in is their user name, so it is not changed here.
    /// </summary>
    public void Change(string? name, string? jobTitle, string? email, string? phone, Guid by, DateTime now)
    {
        static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        var errors = new List<(string Field, string Message)>();
        name = name?.Trim() ?? string.Empty;
        (jobTitle, email, phone) = (Clean(jobTitle), Clean(email), Clean(phone));
        if (name.Length is 0 or > MaxNameLength)
        {
            errors.Add(("Name", $"Enter the contact's full name ({MaxNameLength} characters or fewer)"));
        }

        if (jobTitle?.Length > MaxJobTitleLength)
        {
            errors.Add(("JobTitle", $"The job title must be {MaxJobTitleLength} characters or fewer"));
        }

        if (email is not null && (email.Length > MaxEmailLength || !new EmailAddressAttribute().IsValid(email)))
        {
            errors.Add(("Email", "Enter an email address in the correct format, like name@example.com"));
        }
        else if (UserId is not null && !string.Equals(email, Email, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(("Email", $"{Name} signs in with {Email}: their email address cannot be changed here"));
        }

        if (phone is not null && (phone.Length > MaxPhoneLength || !phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '(' or ')' or '-')))
        {
            errors.Add(("Phone", $"Enter a telephone number, like 01632 960123 ({MaxPhoneLength} characters or fewer)"));
        }

        if (email is null && phone is null)
        {
            errors.Add(("Email", "Enter an email address or a telephone number for the contact"));
        }

        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }

        (Name, JobTitle, Email, Phone, ChangedAt, ChangedBy) = (name, jobTitle, email, phone, now, by);
    }

    /// <summary>Links the account the contact was invited to.</summary>
    public void LinkAccount(Guid userId) => UserId = userId;
}

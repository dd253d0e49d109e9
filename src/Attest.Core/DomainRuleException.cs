namespace Attest.Core;

/// <summary>
/// A rule of the qualification or the process was broken. The messages are for the person who tried:
/// they name the field or rule and, where a seed gives it, its wording. Pages show them as form errors.
/// </summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(string message, string? field = null)
        : this([message], field)
    {
    }

    public DomainRuleException(IReadOnlyList<string> reasons, string? field = null)
        : base(string.Join(" ", reasons))
    {
        Reasons = reasons;
        Field = field;
    }

    /// <summary>Reasons that each belong to their own form field.</summary>
    public DomainRuleException(IReadOnlyList<(string Field, string Message)> reasons)
        : base(string.Join(" ", reasons.Select(r => r.Message)))
    {
        Reasons = [.. reasons.Select(r => r.Message)];
        FieldReasons = reasons;
    }

    public DomainRuleException()
        : this("The request breaks a rule.")
    {
    }

    public DomainRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reasons = [message];
    }

    public IReadOnlyList<string> Reasons { get; } = [];

    /// <summary>The form field the reasons belong to, when there is one.</summary>
    public string? Field { get; }

    /// <summary>Each reason with its own field, when they differ.</summary>
    public IReadOnlyList<(string Field, string Message)>? FieldReasons { get; }
}

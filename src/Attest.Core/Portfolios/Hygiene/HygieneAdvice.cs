namespace Attest.Core.Portfolios.Hygiene;

/// <summary>What the candidate should do about each kind of warning, in the words of the moderators' report where it has them.</summary>
public static class HygieneAdvice
{
    /// <summary>Seed 003, the moderators' report on copies of policies and procedures.</summary>
    public const string PolicyQuote =
        "Candidates should not include policies and procedures and other such documentation as part of their evidence. "
        + "They do not provide evidence of knowledge, skills or understanding.";

    /// <summary>Seed 003, the moderators' report on blank documents.</summary>
    public const string BlankQuote =
        "Candidates should not include copies of blank documents (unless they have created them and are using them to "
        + "emphasise something that they have initiated). Blank documents do not provide evidence of competent performance, "
        + "knowledge or understanding.";

    /// <summary>Seed 003, the moderators' report on sensitive evidence.</summary>
    public const string SensitiveQuote =
        "It is also important that candidates do not include evidence of a sensitive nature, even if they attempt to block "
        + "out the information.";

    private const string Anonymise =
        "If this belongs to someone other than you, such as a customer or colleague, remove it or replace it with a description "
        + "before you submit. Personal details of anyone other than yourself must be blanked out (anonymised). ";

    public static string For(HygieneKind kind) => kind switch
    {
        HygieneKind.ThirdPartyName =>
            "This looks like the name of someone other than you. Replace it with their role or an initial, for example "
            + "\"the customer\" or \"Mrs P\". If it is your own name or a member of your centre's staff, you can ignore this.",
        HygieneKind.Email => Anonymise + "For example, write \"the customer's email address\". You can ignore this if it is your own or your workplace's general address.",
        HygieneKind.PhoneNumber => Anonymise + "For example, write \"the customer's phone number\". You can ignore this if it is your own or your workplace's main number.",
        HygieneKind.Postcode => Anonymise + "A postcode can show where someone lives: remove it, or keep only the first half (for example \"LS1\"). You can ignore this if it is your workplace's address.",
        HygieneKind.DateOfBirth => Anonymise + "A date of birth must not appear in your evidence.",
        HygieneKind.NationalInsuranceNumber or HygieneKind.PaymentCardNumber =>
            "Remove this from your evidence. The moderators' report says: \"" + SensitiveQuote + "\" "
            + "Your assessor can check sensitive documents at your workplace instead.",
        HygieneKind.BlankTemplate =>
            "This looks like a blank form. The moderators' report says: \"" + BlankQuote + "\" "
            + "Upload a completed example with other people's details removed, or explain in your own words how you use the form. "
            + "If you designed it yourself, say so for your assessor.",
        HygieneKind.PolicyDocument =>
            "This looks like a copy of a policy or procedure. The moderators' report says: \"" + PolicyQuote + "\" "
            + "Instead, explain in your own words what it requires in your job role and how you apply it.",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

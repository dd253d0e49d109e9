namespace Attest.Core.Portfolios.Hygiene;

/// <summary>A piece of extracted text and where it came from, in words a candidate can follow: "page 3", "paragraph 12", "line 4", "description".</summary>
public sealed record TextSegment(string Location, string Text);

public enum HygieneKind
{
    ThirdPartyName,
    Email,
    PhoneNumber,
    Postcode,
    DateOfBirth,
    NationalInsuranceNumber,
    PaymentCardNumber,
    BlankTemplate,
    PolicyDocument,
}

/// <summary>
/// Something the candidate should look at before submitting. <see cref="Found"/> is shown to them (card and National
/// Insurance numbers masked to their last four characters); <see cref="Advice"/> says what to do. Warnings never block.
/// </summary>
public sealed record HygieneWarning(HygieneKind Kind, string Found, string Location, string Advice);

/// <summary>Names and contact details that are not a third party's: the candidate's own, and the centre staff's.</summary>
public sealed record HygieneContext(IReadOnlyCollection<string> KnownNames, IReadOnlyCollection<string> KnownContacts)
{
    public static HygieneContext None { get; } = new([], []);
}

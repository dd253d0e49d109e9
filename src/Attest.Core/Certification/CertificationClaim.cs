using System.Globalization;
using System.Text;
using Attest.Core.Centres;
using Attest.Core.Ledger;

namespace Attest.Core.Certification;

public enum ClaimScope
{
    /// <summary>Unit certificates: achievement of the units named, short of the whole qualification.</summary>
    Unit,

    /// <summary>The whole qualification, its rules of combination met.</summary>
    Qualification,
}

/// <summary>
/// A certification claim for one enrolment, as the centre sends it to the awarding body: the candidate's details,
/// the qualification and each unit with the date it was achieved, and the centre's declaration. Append-only and
/// signed into the ledger; made only from a <see cref="Claimability"/> that allows it.
/// </summary>
public sealed class CertificationClaim : ICentreOwned, IAppendOnly, ISignable
{
    public const string Kind = "certification-claim";

    /// <summary>What the administrator signs when claiming.</summary>
    public const string Statement = "I confirm that the achievement claimed has been assessed, countersigned by the candidate and internally quality assured as the centre's policy requires, and that the candidate's details are correct.";

    private readonly List<ClaimLine> _lines = [];

    private CertificationClaim()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid CentreId { get; private init; }

    public Guid EnrolmentId { get; private init; }

    public Guid CandidateId { get; private init; }

    public ClaimScope Scope { get; private init; }

    public string QualificationCode { get; private init; } = string.Empty;

    public string QualificationTitle { get; private init; } = string.Empty;

    /// <summary>The candidate's details as claimed.</summary>
    public string CandidateName { get; private init; } = string.Empty;

    public string Uln { get; private init; } = string.Empty;

    public string? CandidateNumber { get; private init; }

    public DateOnly RegisteredOn { get; private init; }

    public DateOnly ClaimDate { get; private init; }

    public Guid ClaimedById { get; private init; }

    public string ClaimedByName { get; private init; } = string.Empty;

    public DateTime SignedAt { get; private init; }

    public IReadOnlyList<ClaimLine> Lines => _lines;

    public string LedgerKind => Kind;

    /// <summary>
    /// Makes a claim for the units named (unit certificates) or for the qualification, refusing with every reason
    /// when <paramref name="claimability"/> does not allow it.
    /// </summary>
    public static CertificationClaim Make(
        Claimability claimability, ClaimScope scope, IReadOnlyCollection<string> unitCodes, Guid claimedById, string claimedByName, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(claimability);
        ArgumentNullException.ThrowIfNull(unitCodes);
        var reasons = new List<string>();
        if (claimability.Closed is { } closed)
        {
            reasons.Add(closed);
        }

        // A claim is made today, by the person signing it: its date is the server's, and its standing must be today's.
        if (claimability.ClaimDate != UkTime.DateOf(now))
        {
            throw new InvalidOperationException($"The claim's standing was worked out for {claimability.ClaimDate:yyyy-MM-dd}, not for today, {UkTime.DateOf(now):yyyy-MM-dd}.");
        }

        List<UnitClaimability> units;
        if (scope == ClaimScope.Qualification)
        {
            if (claimability.QualificationClaimed)
            {
                reasons.Add($"{claimability.Qualification.DisplayName} has already been claimed for this candidate.");
            }

            reasons.AddRange(claimability.QualificationReasons);
            units = [.. claimability.Units.Where(u => u.Certifiable)];
        }
        else
        {
            units = [];
            if (unitCodes.Count == 0)
            {
                reasons.Add("Choose at least one unit to claim.");
            }

            foreach (var code in unitCodes.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                var unit = claimability.Units.FirstOrDefault(u => string.Equals(u.Unit.Code, code, StringComparison.OrdinalIgnoreCase));
                if (unit is null)
                {
                    reasons.Add($"Unit {code} is not one of the candidate's units.");
                }
                else if (unit.UnitCertificateClaimed)
                {
                    reasons.Add($"Unit {unit.Unit.Code} has already been claimed.");
                }
                else
                {
                    reasons.AddRange(unit.Reasons);
                    units.Add(unit);
                }
            }
        }

        if (reasons.Count > 0)
        {
            throw new DomainRuleException(reasons, "Units");
        }

        var subject = claimability.Subject;
        var claim = new CertificationClaim
        {
            CentreId = subject.CentreId,
            EnrolmentId = subject.EnrolmentId,
            CandidateId = subject.CandidateId,
            Scope = scope,
            QualificationCode = claimability.Qualification.Code,
            QualificationTitle = claimability.Qualification.Title,
            CandidateName = subject.CandidateName,
            Uln = subject.Uln,
            CandidateNumber = subject.CandidateNumber,
            RegisteredOn = subject.RegisteredOn,
            ClaimDate = claimability.ClaimDate,
            ClaimedById = claimedById,
            ClaimedByName = claimedByName,
            SignedAt = now,
        };
        claim._lines.AddRange(units.OrderBy(u => u.Unit.Code, StringComparer.Ordinal).Select(u => new ClaimLine
        {
            CentreId = subject.CentreId,
            ClaimId = claim.Id,
            EnrolmentId = subject.EnrolmentId,
            Scope = scope,
            UnitCode = u.Unit.Code,
            UnitTitle = u.Unit.Title,
            AchievedOn = u.Achievement!.AchievedOn,
            Grade = u.Achievement.Grade,
            SignOffId = u.Achievement.SignOffId,
        }));
        return claim;
    }

    public string SignedContent()
    {
        var units = new StringBuilder();
        foreach (var line in _lines.OrderBy(l => l.UnitCode, StringComparer.Ordinal))
        {
            units.Append(line.UnitCode).Append(' ').Append(line.AchievedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                .Append(' ').Append(line.Grade ?? "-").Append(" signoff ").Append(line.SignOffId.ToString("N")).Append('\n');
        }

        return new SignedText(Kind)
            .Add("enrolment", EnrolmentId)
            .Add("candidate", CandidateId)
            .Add("scope", Scope)
            .Add("qualification", QualificationCode)
            .Add("qualificationTitle", QualificationTitle)
            .Add("candidateName", CandidateName)
            .Add("uln", Uln)
            .Add("candidateNumber", CandidateNumber)
            .Add("registeredOn", RegisteredOn)
            .Add("claimDate", ClaimDate)
            .Add("units", units.ToString())
            .Add("claimedBy", ClaimedById)
            .Add("claimedByName", ClaimedByName)
            .Add("signedAt", SignedAt)
            .Add("statement", Statement)
            .ToString();
    }
}

/// <summary>
/// One unit of a claim. Unique per enrolment, scope and unit, so a unit is certificated once and counted in one
/// qualification claim, however many administrators press the button.
/// </summary>
public sealed class ClaimLine : ICentreOwned, IAppendOnly
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CentreId { get; init; }

    public Guid ClaimId { get; init; }

    public Guid EnrolmentId { get; init; }

    public ClaimScope Scope { get; init; }

    public string UnitCode { get; init; } = string.Empty;

    public string UnitTitle { get; init; } = string.Empty;

    public DateOnly AchievedOn { get; init; }

    public string? Grade { get; init; }

    /// <summary>The sign-off the achievement rests on.</summary>
    public Guid SignOffId { get; init; }
}

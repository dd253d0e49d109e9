using Attest.Core.Ledger;

namespace Attest.Core.Quality;

/// <summary>What an EQA may impose after a visit (product.md: "reports; can impose sanctions").</summary>
public enum EqaSanction { None, ActionPlan, CertificationSuspended, RegistrationSuspended }

/// <summary>
/// An awarding body's external quality assurer's visit: the EQA account, a time window, and the sample of portfolios
/// chosen by the centre or the EQA. Inside the window the EQA reads the sampled portfolios and records, and nothing
/// else; outside it, nothing. Every request the EQA makes is logged (<see cref="EqaAccess"/>).
/// </summary>
public sealed class EqaVisit : Centres.ICentreOwned
{
    public static readonly TimeSpan LongestWindow = TimeSpan.FromDays(31);

    private readonly List<EqaVisitSample> _samples = [];

    private EqaVisit()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid CentreId { get; private init; }

    /// <summary>The awarding body's reference for the visit.</summary>
    public string Reference { get; private init; } = string.Empty;

    public Guid EqaId { get; private init; }

    public string EqaName { get; private init; } = string.Empty;

    public DateTime WindowStart { get; private init; }

    public DateTime WindowEnd { get; private init; }

    public Guid CreatedBy { get; private init; }

    public DateTime CreatedAt { get; private init; }

    public IReadOnlyList<EqaVisitSample> Samples => _samples;

    public bool IsOpen(DateTime now) => WindowStart <= now && now < WindowEnd;

    public static EqaVisit Create(Guid centreId, string? reference, Guid eqaId, string eqaName, DateTime? windowStart, DateTime? windowEnd, Guid createdBy, DateTime now)
    {
        var reasons = new List<(string Field, string Message)>();
        if (string.IsNullOrWhiteSpace(reference))
        {
            reasons.Add(("Reference", "Enter the awarding body's reference for the visit"));
        }

        if (windowStart is null)
        {
            reasons.Add(("WindowStart", "Enter when the EQA's access opens"));
        }

        if (windowEnd is null)
        {
            reasons.Add(("WindowEnd", "Enter when the EQA's access closes"));
        }
        else if (windowStart is not null && windowEnd <= windowStart)
        {
            reasons.Add(("WindowEnd", "Access must close after it opens"));
        }
        else if (windowStart is not null && windowEnd - windowStart > LongestWindow)
        {
            reasons.Add(("WindowEnd", $"Access can be open for {LongestWindow.Days} days at the most: make another visit for more"));
        }
        else if (windowEnd <= now)
        {
            reasons.Add(("WindowEnd", "Access must close in the future"));
        }

        if (reasons.Count > 0)
        {
            throw new DomainRuleException(reasons);
        }

        return new EqaVisit
        {
            CentreId = centreId,
            Reference = reference!.Trim(),
            EqaId = eqaId,
            EqaName = eqaName,
            WindowStart = windowStart!.Value,
            WindowEnd = windowEnd!.Value,
            CreatedBy = createdBy,
            CreatedAt = now,
        };
    }

    /// <summary>Adds a candidate's portfolio (one enrolment) to the sample; by the centre, or by the EQA inside the window.</summary>
    public EqaVisitSample AddSample(Guid enrolmentId, Guid candidateId, string candidateName, string addedByRole, Guid addedBy, DateTime now)
    {
        if (_samples.Any(s => s.EnrolmentId == enrolmentId))
        {
            throw new DomainRuleException($"{candidateName}'s portfolio is already in the sample", "EnrolmentId");
        }

        var sample = new EqaVisitSample
        {
            CentreId = CentreId, VisitId = Id, EnrolmentId = enrolmentId, CandidateId = candidateId, CandidateName = candidateName, AddedByRole = addedByRole, AddedBy = addedBy, AddedAt = now,
        };
        _samples.Add(sample);
        return sample;
    }
}

public sealed class EqaVisitSample : Centres.ICentreOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CentreId { get; init; }

    public Guid VisitId { get; init; }

    public Guid EnrolmentId { get; init; }

    public Guid CandidateId { get; init; }

    public string CandidateName { get; init; } = string.Empty;

    /// <summary>CentreAdmin or Eqa: who chose it.</summary>
    public string AddedByRole { get; init; } = string.Empty;

    public Guid AddedBy { get; init; }

    public DateTime AddedAt { get; init; }
}

/// <summary>The EQA's report of a visit: findings, actions for the centre and any sanction. Append-only and signed.</summary>
public sealed class EqaReport : Centres.ICentreOwned, Centres.IAppendOnly, ISignable
{
    public const string Kind = "eqa-report";

    private EqaReport()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid CentreId { get; private init; }

    public Guid VisitId { get; private init; }

    public string Findings { get; private init; } = string.Empty;

    public string? Actions { get; private init; }

    public EqaSanction Sanction { get; private init; }

    public Guid EqaId { get; private init; }

    public string EqaName { get; private init; } = string.Empty;

    public DateTime ReportedAt { get; private init; }

    public string LedgerKind => Kind;

    public static EqaReport Write(EqaVisit visit, string? findings, string? actions, EqaSanction sanction, Guid eqaId, string eqaName, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var reasons = new List<(string Field, string Message)>();
        if (visit.EqaId != eqaId || !visit.IsOpen(now))
        {
            reasons.Add((string.Empty, "Only the visit's EQA can report, while the visit's window is open"));
        }

        if (string.IsNullOrWhiteSpace(findings))
        {
            reasons.Add(("Findings", "Enter the findings of the visit"));
        }

        if (sanction != EqaSanction.None && string.IsNullOrWhiteSpace(actions))
        {
            reasons.Add(("Actions", "A sanction needs the actions the centre must take"));
        }

        if (reasons.Count > 0)
        {
            throw new DomainRuleException(reasons);
        }

        return new EqaReport
        {
            CentreId = visit.CentreId,
            VisitId = visit.Id,
            Findings = findings!.Trim(),
            Actions = string.IsNullOrWhiteSpace(actions) ? null : actions.Trim(),
            Sanction = sanction,
            EqaId = eqaId,
            EqaName = eqaName,
            ReportedAt = now,
        };
    }

    public string SignedContent() => new SignedText(Kind)
        .Add("visit", VisitId)
        .Add("findings", Findings)
        .Add("actions", Actions)
        .Add("sanction", Sanction)
        .Add("eqa", EqaId)
        .Add("eqaName", EqaName)
        .Add("reportedAt", ReportedAt)
        .ToString();
}

/// <summary>One request an EQA made: logged for every EQA request, kept append-only.</summary>
public sealed class EqaAccess : Centres.ICentreOwned, Centres.IAppendOnly
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CentreId { get; init; }

    public Guid UserId { get; init; }

    public DateTime At { get; init; }

    public string Method { get; init; } = string.Empty;

    public string Path { get; init; } = string.Empty;

    public int Status { get; init; }
}

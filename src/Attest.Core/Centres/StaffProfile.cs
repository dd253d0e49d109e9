using Attest.Core.Quality;

namespace Attest.Core.Centres;

/// <summary>
/// What the centre says about a member of staff for quality assurance: an assessor's standing (new and trainee
/// assessors are sampled at a higher rate) and who is lead IQA (sets the sampling strategy and adjusts plans).
/// </summary>
public sealed class StaffProfile : ICentreOwned
{
    public Guid CentreId { get; init; }

    public Guid UserId { get; init; }

    public AssessorStanding Standing { get; set; } = AssessorStanding.Qualified;

    public bool LeadIqa { get; set; }

    public Guid? ChangedBy { get; set; }

    public DateTime? ChangedAt { get; set; }
}

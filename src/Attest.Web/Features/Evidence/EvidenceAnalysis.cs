using Attest.Core.Portfolios;

namespace Attest.Web.Features.Evidence;

/// <summary>What an analyser is given: the item about to be kept and, for a file, its staged copy on local disk.</summary>
public sealed record AnalysisInput(EvidenceItem Item, string? StagedPath, string CandidateName);

/// <summary>
/// Looks at a new item before it is kept and reports hygiene warnings or facts (such as a recording's
/// length) to record on it. Analysers never block: a failure to analyse is logged and the item is kept.
/// </summary>
public interface IEvidenceAnalyser
{
    Task<IReadOnlyList<EvidenceWarning>> AnalyseAsync(AnalysisInput input, CancellationToken cancellationToken);
}

using Attest.Core.Portfolios;

namespace Attest.Web.Features.Evidence;

/// <summary>
/// What an analyser is given: the item about to be kept, its staged file on local disk (if any), and the
/// names and contacts that belong in a portfolio (the candidate's and the centre staff's), which are not
/// third parties' personal data.
/// </summary>
/// <param name="LongRecordingLimit">The centre's longest recording before a warning, when it has set one.</param>
public sealed record AnalysisInput(EvidenceItem Item, string? StagedPath, IReadOnlyCollection<string> KnownNames, IReadOnlyCollection<string> KnownContacts, TimeSpan? LongRecordingLimit = null);

/// <summary>
/// Looks at a new item before it is kept and reports hygiene warnings or facts (such as a recording's
/// length) to record on it. Analysers never block: a failure to analyse is logged and the item is kept.
/// </summary>
public interface IEvidenceAnalyser
{
    Task<IReadOnlyList<EvidenceWarning>> AnalyseAsync(AnalysisInput input, CancellationToken cancellationToken);
}

using Attest.Core.Portfolios;
using Attest.Web.Infrastructure.Media;
using Microsoft.Extensions.Options;

namespace Attest.Web.Features.Evidence;

/// <summary>
/// Reads a recording's length and basic quality with ffprobe, and flags one longer than the centre's limit
/// with the parts it could be split into (seed 003 asks for recordings an assessor and verifier can review).
/// </summary>
public sealed class RecordingAnalyser(IMediaProbe probe, IOptions<MediaOptions> options) : IEvidenceAnalyser
{
    public async Task<IReadOnlyList<EvidenceWarning>> AnalyseAsync(AnalysisInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.StagedPath is null || !input.Item.IsRecording || !probe.Available || await probe.ProbeAsync(input.StagedPath, cancellationToken) is not { } facts)
        {
            return [];
        }

        input.Item.DurationSeconds = facts.Duration.TotalSeconds;
        input.Item.MediaNotes = facts.QualityNotes.Count == 0 ? null : string.Join("; ", facts.QualityNotes);
        if (RecordingLength.Check(facts.Duration, input.LongRecordingLimit ?? options.Value.LongRecordingLimit) is not { } advice)
        {
            return [];
        }

        var parts = string.Join(", ", advice.SuggestedParts.Select(p => $"{RecordingLength.Clock(p.Start)}-{RecordingLength.Clock(p.End)}"));
        return [new EvidenceWarning
        {
            Kind = "LongRecording",
            Found = $"A recording {RecordingLength.Describe(facts.Duration, roundToMinutes: true)} long",
            Location = "the whole recording",
            Advice = $"{advice.Warning} Suggested parts: {parts}.",
        }];
    }
}

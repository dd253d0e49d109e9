using Attest.Core.Portfolios;
using Attest.Core.Portfolios.Hygiene;

namespace Attest.Web.Features.Evidence.Hygiene;

/// <summary>
/// Runs the hygiene checks on what the candidate wrote and on the text of the staged file, so warnings
/// are there when the candidate first opens the item (seed 003: no third parties' details, no blank forms,
/// no copied policies). Who can show evidence held elsewhere is a colleague's contact by design, so it is
/// not checked. A PDF's page count, read in the same pass, is recorded on the item, so that a page locator
/// past its last page is refused (<see cref="EvidenceLocator.For"/>).
/// </summary>
public sealed class HygieneAnalyser(ILogger<HygieneAnalyser> logger) : IEvidenceAnalyser
{
    /// <summary>PDF text extraction is synchronous CPU work; past this the item is kept with a "check it yourself" note.</summary>
    private static readonly TimeSpan ExtractionLimit = TimeSpan.FromSeconds(30);

    public async Task<IReadOnlyList<EvidenceWarning>> AnalyseAsync(AnalysisInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var item = input.Item;
        var segments = new List<TextSegment>();
        void Add(string location, string? text)
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                segments.Add(new TextSegment(location, text));
            }
        }

        Add("title", item.Title);
        Add("description", item.Description);
        Add(EvidenceRules.Describe(item.Kind).ToLowerInvariant(), item.Body);
        Add("customer label", item.CustomerLabel);
        Add("where it is kept", item.HeldAt);

        var warnings = new List<EvidenceWarning>();
        if (input.StagedPath is { } path && item.OriginalFileName is { } fileName)
        {
            var extraction = await ExtractAsync(path, Path.GetExtension(fileName), cancellationToken);
            item.PageCount = extraction.PageCount;
            segments.AddRange(extraction.Segments);
            if (extraction.Status is not (TextExtractionStatus.Complete or TextExtractionStatus.NotChecked) && extraction.Message is { } message)
            {
                warnings.Add(Warning("TextNotChecked", "Text not fully checked", "the file", message));
            }
        }

        var context = new HygieneContext(input.KnownNames, input.KnownContacts);
        warnings.AddRange(HygieneScanner.Scan(segments, context).Select(w => Warning(w.Kind.ToString(), w.Found, w.Location, w.Advice)));
        return warnings;
    }

    private async Task<TextExtraction> ExtractAsync(string path, string extension, CancellationToken cancellationToken)
    {
        await using var content = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous);
        try
        {
            return await Task.Run(() => EvidenceTextExtractor.ExtractAsync(content, extension, cancellationToken), cancellationToken).WaitAsync(ExtractionLimit, cancellationToken);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("Reading the text of a {Extension} file for the hygiene checks took longer than {Limit}", extension, ExtractionLimit);
            return new TextExtraction([], TextExtractionStatus.TooLarge, "This file took too long to read, so its text was not checked. Check it yourself for other people's personal details before you submit it.");
        }
    }

    private static EvidenceWarning Warning(string kind, string found, string location, string advice) =>
        new() { Kind = kind, Found = found, Location = location, Advice = advice };
}

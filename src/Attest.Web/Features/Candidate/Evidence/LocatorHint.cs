using Attest.Core.Portfolios;

namespace Attest.Web.Features.Candidate.Evidence;

/// <summary>What the candidate is told to type as "where in the evidence", for what the item is (the rule is <see cref="EvidenceLocator.For"/>).</summary>
public static class LocatorHint
{
    public static string For(EvidenceItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        switch (EvidenceLocator.KindFor(item))
        {
            case LocatorKind.Timings:
                return "Start and end timings in the recording, for example \u201804:10-06:30\u2019";
            case LocatorKind.Pages:
                return "Page numbers, for example \u20182-3\u2019 or \u20181, 4\u2019" + (item.PageCount is int pages ? $" (it has {Count(pages, "page")})" : "");
            default:
                var headings = EvidenceLocator.Headings(item);
                return $"Paragraph numbers, for example \u20182-3\u2019 (it has {Count(EvidenceLocator.Paragraphs(item).Count, "paragraph")})"
                    + (headings.Count == 0 ? "" : $", or a heading, such as \u2018{headings[0]}\u2019");
        }
    }

    private static string Count(int n, string what) => $"{n} {what}{(n == 1 ? "" : "s")}";
}

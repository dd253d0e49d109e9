using Attest.Core.Apprenticeships;
using Attest.Core.Spreadsheets;
using Attest.Core.Tracking;
using Attest.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Attest.Web.Features.OffTheJob;

/// <summary>
/// The funding audit's file, CSV or XLSX, with the columns of <see cref="OffTheJobIlr.Columns"/>: the same for one
/// enrolment's log and for the centre's report, so the two always agree on what a line says.
/// </summary>
public static class OffTheJobExport
{
    private static readonly IReadOnlyList<string> Header = [.. OffTheJobIlr.Columns.Select(c => c.Header)];

    /// <summary>An enrolment's line: the learner's references, the apprenticeship, and the plan and progress worked out from its log.</summary>
    public static OffTheJobIlrLine Line(string? candidateNumber, string? uln, Apprenticeship apprenticeship, OffTheJobPlan plan, OffTheJobProgress progress)
    {
        ArgumentNullException.ThrowIfNull(apprenticeship);
        return OffTheJobIlr.Line(candidateNumber ?? string.Empty, uln ?? string.Empty, $"{apprenticeship.ProgrammeCode} {apprenticeship.ProgrammeTitle}", plan, progress);
    }

    /// <summary>Written to the response line by line as <paramref name="lines"/> arrive.</summary>
    public static Task<IActionResult> CsvAsync(HttpResponse response, string name, IAsyncEnumerable<OffTheJobIlrLine> lines, CancellationToken cancellationToken) =>
        Downloads.CsvAsync(response, name + ".csv", Header, lines.Select(l => OffTheJobIlr.Columns.Select(c => TrackingTable.Text(c.Value(l)))), cancellationToken);

    /// <summary>The lines as a CSV file in memory, for a pack that holds it with other files.</summary>
    public static byte[] CsvBytes(IEnumerable<OffTheJobIlrLine> lines) =>
        Csv.ToBytes(Header, lines.Select(l => OffTheJobIlr.Columns.Select(c => TrackingTable.Text(c.Value(l)))));

    /// <summary>The workbook's package cannot be written while awaiting, so <paramref name="lines"/> are read synchronously as they are written.</summary>
    public static Task<IActionResult> XlsxAsync(HttpResponse response, string name, IEnumerable<OffTheJobIlrLine> lines) =>
        Downloads.XlsxAsync(response, name + ".xlsx", "Off-the-job", Header, lines.Select(l => (IReadOnlyList<object?>)[.. OffTheJobIlr.Columns.Select(c => c.Value(l))]));
}

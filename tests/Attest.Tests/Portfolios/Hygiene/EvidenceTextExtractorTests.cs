using System.IO.Compression;
using System.Security;
using System.Text;
using Attest.Core.Portfolios.Hygiene;
using Attest.Web.Features.Evidence.Hygiene;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Attest.Tests.Portfolios.Hygiene;

public class EvidenceTextExtractorTests
{
    private static readonly HygieneContext Candidate = new(["Priya Shah"], []);

    private static async Task<(TextExtraction Text, IReadOnlyList<HygieneWarning> Warnings)> CheckAsync(byte[] file, string extension)
    {
        using var stream = new MemoryStream(file);
        var text = await EvidenceTextExtractor.ExtractAsync(stream, extension, CancellationToken.None);
        return (text, HygieneScanner.Scan(text.Segments, Candidate));
    }

    [Fact]
    public async Task A_third_partys_phone_number_and_email_on_page_2_of_a_PDF_are_reported_as_written_on_page_2()
    {
        var pdf = Pdf(
            ["Reflective account by Priya Shah", "At 10:30 I helped a customer with a late delivery of £12.50.", "I apologised and rebooked it."],
            ["Follow-up details", "The customer asked me to reply to jo.bloggs@example.com", "or to ring her on 07700 900123 after 5pm."]);

        var (text, warnings) = await CheckAsync(pdf, ".pdf");

        Assert.Equal(TextExtractionStatus.Complete, text.Status);
        Assert.Contains(warnings, w => w is { Kind: HygieneKind.Email, Found: "jo.bloggs@example.com", Location: "page 2" });
        Assert.Contains(warnings, w => w is { Kind: HygieneKind.PhoneNumber, Found: "07700 900123", Location: "page 2" });
        Assert.DoesNotContain(warnings, w => w.Location == "page 1");
    }

    [Fact]
    public async Task A_PDFs_pages_are_counted_so_page_locators_can_be_checked_and_a_text_file_has_no_page_count()
    {
        Assert.Equal(3, (await CheckAsync(Pdf(["One"], [], ["Three"]), ".pdf")).Text.PageCount);
        Assert.Null((await CheckAsync("One line\nAnother"u8.ToArray(), ".txt")).Text.PageCount);
    }

    [Fact]
    public async Task A_blank_form_PDF_is_reported_as_a_blank_template_on_its_page()
    {
        var pdf = Pdf(
        [
            "Witness Testimony Form",
            "Candidate name: ______________________",
            "Witness name: ______________________",
            "Date of activity: ____________",
            "Description of what you saw: ..............................................",
            "Signed: ____________________ Date: __________",
        ]);

        var (_, warnings) = await CheckAsync(pdf, "pdf");

        var warning = Assert.Single(warnings);
        Assert.Equal(HygieneKind.BlankTemplate, warning.Kind);
        Assert.Equal("page 1", warning.Location);
    }

    [Fact]
    public async Task A_corrupt_PDF_gives_could_not_read_rather_than_an_exception()
    {
        var pdf = Pdf(["Reflective account"]);
        var corrupt = pdf[..(pdf.Length / 3)].Concat(Encoding.ASCII.GetBytes("garbage")).ToArray();

        var (text, warnings) = await CheckAsync(corrupt, ".pdf");

        Assert.Equal(TextExtractionStatus.Unreadable, text.Status);
        Assert.Contains("could not read the text of this file", text.Message, StringComparison.Ordinal);
        Assert.Empty(warnings);
    }

    [Fact]
    public async Task A_scanned_PDF_with_no_text_says_there_was_nothing_to_check()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4);

        var (text, _) = await CheckAsync(builder.Build(), ".pdf");

        Assert.Equal(TextExtractionStatus.NoText, text.Status);
        Assert.Contains("scanned", text.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_003_a_DOCX_copy_of_a_procedure_is_reported_with_the_paragraphs_and_footer_that_show_it()
    {
        var docx = Docx(
            Paragraph("Complaints Handling Procedure")
            + Paragraph("1. Purpose")
            + Paragraph("This procedure sets out how we receive, record and resolve complaints from customers.")
            + Paragraph("2. Scope")
            + Paragraph("It applies to every member of staff who deals with customers.")
            + Paragraph("3. Responsibilities")
            + Paragraph("Team leaders check the complaints log every week."),
            footer: Table(["Version", "3.0"], ["Approved by", "Operations Director"]));

        var (text, warnings) = await CheckAsync(docx, ".docx");

        Assert.Equal(TextExtractionStatus.Complete, text.Status);
        var warning = Assert.Single(warnings);
        Assert.Equal(HygieneKind.PolicyDocument, warning.Kind);
        Assert.Equal("\"Complaints Handling Procedure\" with sections Purpose, Scope, Responsibilities, Version, Approved by", warning.Found);
        Assert.Equal("paragraphs 1-2, 4, 6, footer", warning.Location);
    }

    [Fact]
    public async Task A_DOCX_form_whose_table_has_empty_answer_cells_is_a_blank_template()
    {
        var docx = Docx(
            Paragraph("Customer Feedback Form")
            + Table(["Customer name", ""], ["Date", ""], ["Telephone", ""], ["Comments", ""]));

        var (_, warnings) = await CheckAsync(docx, ".docx");

        var warning = Assert.Single(warnings);
        Assert.Equal(HygieneKind.BlankTemplate, warning.Kind);
        Assert.Equal("table 1 rows 1-4", warning.Location);
    }

    [Fact]
    public async Task DOCX_text_runs_tabs_and_table_cells_keep_their_paragraph_and_row()
    {
        var docx = Docx(
            "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>"
            + "<w:r><w:t xml:space=\"preserve\">Called </w:t></w:r><w:r><w:t>Mrs</w:t><w:tab/><w:t>Patel</w:t></w:r>"
            + "<w:del><w:r><w:delText>Mr Deleted</w:delText></w:r></w:del></w:p>"
            + "<w:p/>"
            + Table(["Reference", "SW1A 1AA"]));

        var (text, _) = await CheckAsync(docx, ".docx");

        Assert.Equal([new TextSegment("paragraph 1", "Called Mrs\tPatel"), new TextSegment("table 1 row 1", "Reference\tSW1A 1AA")], text.Segments);
    }

    [Fact]
    public async Task A_DOCX_that_inflates_past_the_limit_is_read_up_to_it_and_says_so()
    {
        using var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var document = new StreamWriter(zip.CreateEntry("word/document.xml", CompressionLevel.Fastest).Open());
            await document.WriteAsync($"<w:document xmlns:w=\"{Word}\"><w:body>{Paragraph("Mrs Patel rang.")}");
            var filler = string.Concat(Enumerable.Repeat("<w:p><w:r><w:rPr><w:b/></w:rPr></w:r></w:p>", 1000));
            for (long written = 0; written <= EvidenceTextExtractor.MaxDocxXmlBytes; written += filler.Length)
            {
                await document.WriteAsync(filler);
            }

            await document.WriteAsync("</w:body></w:document>");
        }

        var (text, warnings) = await CheckAsync(file.ToArray(), ".docx");

        Assert.Equal(TextExtractionStatus.Truncated, text.Status);
        Assert.Contains("Check the rest yourself", text.Message, StringComparison.Ordinal);
        Assert.Contains(warnings, w => w is { Kind: HygieneKind.ThirdPartyName, Location: "paragraph 1" });
    }

    [Fact]
    public async Task A_zip_without_a_Word_document_is_unreadable()
    {
        using var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("readme.txt");
        }

        var (text, _) = await CheckAsync(file.ToArray(), ".docx");

        Assert.Equal(TextExtractionStatus.Unreadable, text.Status);
    }

    [Fact]
    public async Task A_text_file_is_read_by_line_counting_blank_lines()
    {
        var (text, warnings) = await CheckAsync(Encoding.UTF8.GetBytes("Notes\r\n\r\nCustomer postcode LS1 4AP\r\n"), ".txt");

        Assert.Equal(["line 1", "line 3"], text.Segments.Select(s => s.Location));
        Assert.Contains(warnings, w => w is { Kind: HygieneKind.Postcode, Found: "LS1 4AP", Location: "line 3" });
    }

    [Fact]
    public async Task A_text_file_past_the_character_limit_is_cut_there_and_says_so()
    {
        var (text, _) = await CheckAsync(Encoding.UTF8.GetBytes(new string('a', EvidenceTextExtractor.MaxCharacters + 10)), ".txt");

        Assert.Equal(TextExtractionStatus.Truncated, text.Status);
        Assert.Equal(EvidenceTextExtractor.MaxCharacters, text.Segments.Sum(s => s.Text.Length));
    }

    [Fact]
    public async Task Images_are_not_read_and_the_candidate_is_told_to_check_them()
    {
        var (text, _) = await CheckAsync([0xFF, 0xD8, 0xFF], ".jpg");

        Assert.Equal(TextExtractionStatus.NotChecked, text.Status);
        Assert.NotNull(text.Message);
    }

    private const string Word = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    internal static byte[] Pdf(params string[][] pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var lines in pages)
        {
            var page = builder.AddPage(PageSize.A4);
            for (var i = 0; i < lines.Length; i++)
            {
                page.AddText(lines[i], 11, new PdfPoint(50, 780 - (i * 20)), font);
            }
        }

        return builder.Build();
    }

    private static string Paragraph(string text) => $"<w:p><w:r><w:t xml:space=\"preserve\">{SecurityElement.Escape(text)}</w:t></w:r></w:p>";

    private static string Table(params string[][] rows) =>
        "<w:tbl>" + string.Concat(rows.Select(cells => "<w:tr>" + string.Concat(cells.Select(c => $"<w:tc>{(c.Length == 0 ? "<w:p/>" : Paragraph(c))}</w:tc>")) + "</w:tr>")) + "</w:tbl>";

    /// <summary>A minimal Word document: the parts Word itself needs, and a footer when given.</summary>
    private static byte[] Docx(string body, string? footer = null)
    {
        using var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string xml)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(xml);
            }

            Part("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            Part("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
            Part("word/document.xml", $"""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{Word}"><w:body>{body}</w:body></w:document>""");
            if (footer is not null)
            {
                Part("word/footer1.xml", $"""<?xml version="1.0" encoding="UTF-8"?><w:ftr xmlns:w="{Word}">{footer}</w:ftr>""");
            }
        }

        return file.ToArray();
    }
}

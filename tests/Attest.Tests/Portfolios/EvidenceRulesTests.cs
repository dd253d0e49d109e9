using Attest.Core;
using Attest.Core.Portfolios;
using Attest.Core.Qualifications;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Attest.Tests.Portfolios;

public class EvidenceRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static EvidenceDetails Details(string title = "Call with Customer A", string? body = null, DateOnly? from = null, DateOnly? to = null, string? heldAt = null, string? heldBy = null) =>
        new(title, null, body, from, to, EvidenceContext.RealWork, "Customer A", Occasions.BusyTime, heldAt, heldBy);

    [Fact]
    public void Evidence_held_elsewhere_must_say_where_it_can_be_found_and_who_can_show_it()
    {
        // Seed 004: "you should make a note in your portfolio to explain where the evidence can be found."
        var errors = EvidenceRules.Check(EvidenceKind.HeldElsewhere, Details(), hasFile: false, Today);
        Assert.Equal(["HeldAt", "HeldBy"], errors.Select(e => e.Field));
        Assert.Empty(EvidenceRules.Check(EvidenceKind.HeldElsewhere, Details(heldAt: "Complaints file, Leeds office", heldBy: "Sam Lee, team leader"), false, Today));
        Assert.Contains(EvidenceRules.Check(EvidenceKind.HeldElsewhere, Details(heldAt: "x", heldBy: "y"), hasFile: true, Today), e => e.Field == "File");
    }

    [Theory]
    [InlineData(EvidenceKind.ReflectiveAccount)]
    [InlineData(EvidenceKind.PersonalStatement)]
    [InlineData(EvidenceKind.CaseStudy)]
    public void Written_kinds_need_their_text_and_a_file_is_optional(EvidenceKind kind)
    {
        Assert.Equal("Body", Assert.Single(EvidenceRules.Check(kind, Details(), hasFile: false, Today)).Field);
        Assert.Empty(EvidenceRules.Check(kind, Details(body: "I dealt with Customer A during the lunchtime rush."), hasFile: false, Today));
        Assert.Empty(EvidenceRules.Check(kind, Details(body: "See the attached notes."), hasFile: true, Today));
    }

    [Theory]
    [InlineData(EvidenceKind.UploadedFile)]
    [InlineData(EvidenceKind.WorkProduct)]
    public void File_kinds_need_a_file(EvidenceKind kind)
    {
        Assert.Equal("Select a file to upload", Assert.Single(EvidenceRules.Check(kind, Details(), hasFile: false, Today)).Message);
        Assert.Empty(EvidenceRules.Check(kind, Details(), hasFile: true, Today));
    }

    [Fact]
    public void Activity_dates_are_in_the_past_and_in_order()
    {
        Assert.Equal("ActivityFrom", Assert.Single(EvidenceRules.Check(EvidenceKind.UploadedFile, Details(from: Today.AddDays(1)), true, Today)).Field);
        Assert.Equal("ActivityTo", Assert.Single(EvidenceRules.Check(EvidenceKind.UploadedFile, Details(from: Today.AddDays(-1), to: Today.AddDays(-3)), true, Today)).Field);
        Assert.Empty(EvidenceRules.Check(EvidenceKind.UploadedFile, Details(from: Today.AddDays(-3), to: Today), true, Today));
        Assert.Equal("Title", Assert.Single(EvidenceRules.Check(EvidenceKind.UploadedFile, Details(title: "  "), true, Today)).Field);
    }
}

public class EvidenceLocatorTests
{
    [Theory]
    [InlineData("3", "page 3")]
    [InlineData("p3", "page 3")]
    [InlineData("pages 2-3", "pages 2-3")]
    [InlineData("pp. 2 - 3, 7", "pages 2-3, 7")]
    [InlineData("Page 4; 6-9", "pages 4, 6-9")]
    public void Document_locators_are_page_ranges(string input, string expected) =>
        Assert.Equal((expected, (string?)null), EvidenceLocator.For(Document(pages: null), input));

    [Theory]
    [InlineData("4:10-6:30", "04:10-06:30")]
    [InlineData("00:00-01:05, 10:00-12:00", "00:00-01:05, 10:00-12:00")]
    [InlineData("1:02:03-1:05:00", "1:02:03-1:05:00")]
    public void Recording_locators_are_start_end_timings(string input, string expected) =>
        Assert.Equal((expected, (string?)null), EvidenceLocator.For(Recording(seconds: 4000), input));

    [Theory]
    [InlineData("the bit near the end", false, "is not a page or range")]
    [InlineData("5-2", false, "end after it starts")]
    [InlineData("0", false, "page 1 or later")]
    [InlineData("page 3", true, "is not a timing")]
    [InlineData("06:30-04:10", true, "must be after its start")]
    [InlineData("04:75-05:00", true, "is not a timing")]
    [InlineData("19:00-21:00", true, "ends after the recording, which is 20:00 long")]
    public void Locators_that_do_not_say_where_are_refused_with_the_rule(string input, bool recording, string reason)
    {
        var (locator, error) = EvidenceLocator.For(recording ? Recording(seconds: 1200) : Document(pages: null), input);
        Assert.Null(locator);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2", true)]
    [InlineData("1-2", true)]
    [InlineData("3", false)]
    [InlineData("1, 2-9", false)]
    public void A_page_past_the_last_page_of_a_PDF_whose_pages_are_known_is_refused_with_its_page_count(string input, bool accepted)
    {
        var (locator, error) = EvidenceLocator.For(Document(pages: 2), input);
        Assert.Equal(accepted, locator is not null);
        Assert.True(accepted || error!.StartsWith("E004 has 2 pages, so it has no page ", StringComparison.Ordinal), error);
    }

    /// <summary>Issue 14: "paragraphs or headings for a written account"; the OCR student guide's checklist asks where in the evidence each criterion is shown.</summary>
    [Fact]
    public void Words_written_in_the_portfolio_are_located_by_paragraph_and_evidence_held_elsewhere_by_page()
    {
        var written = new EvidenceItem { Reference = "E005", Title = "Reflective account", Kind = EvidenceKind.ReflectiveAccount, Body = "The guest came to the desk.\n\nI listened and\nrepeated it back.\r\n\r\nShe thanked me." };
        Assert.Equal(LocatorKind.Paragraphs, EvidenceLocator.KindFor(written));
        Assert.Equal(3, EvidenceLocator.Paragraphs(written).Count);
        Assert.Equal(("paragraphs 2-3", (string?)null), EvidenceLocator.For(written, "2-3"));
        Assert.Equal(("paragraph 2", (string?)null), EvidenceLocator.For(written, "para 2"));
        Assert.Equal(("paragraphs 1, 3", (string?)null), EvidenceLocator.For(written, "¶1; paragraph 3"));
        Assert.Equal((null, "E005 has 3 paragraphs, so it has no paragraph 4 (\"2-4\"): give paragraphs from 1 to 3"), EvidenceLocator.For(written, "2-4"));
        Assert.Equal((null, "Give paragraph numbers of E005, like 2 or 2-3 (\"page 1\" is not a paragraph or range)"), EvidenceLocator.For(written, "page 1"));
        Assert.Equal((null, null), EvidenceLocator.For(written, " "));
        var held = new EvidenceItem { Reference = "E006", Title = "Complaints file", Kind = EvidenceKind.HeldElsewhere, HeldAt = "Office" };
        Assert.Equal(("page 12", (string?)null), EvidenceLocator.For(held, "12"));
        Assert.Equal((LocatorKind.Pages, LocatorKind.Timings), (EvidenceLocator.KindFor(Document(pages: 2)), EvidenceLocator.KindFor(Recording(seconds: 60))));
    }

    /// <summary>A case log is written under its form's headings (OCR unit C3, evidence requirement 4: the problems it must show).</summary>
    [Fact]
    public void A_written_item_is_located_under_one_of_its_headings()
    {
        var log = new EvidenceItem
        {
            Reference = "E007", Title = "Case log", Kind = EvidenceKind.CaseLog,
            Body = "Workplace: Progress Hotel\n\nHow the problem was spotted:\nThe guest came back to the desk.\n\nOptions offered:\nAnother room, or a refund.\n\nOutcome: resolved",
        };
        Assert.Equal(["Workplace: Progress Hotel", "How the problem was spotted", "Options offered", "Outcome: resolved"], EvidenceLocator.Headings(log));
        Assert.Equal(("under \u201cOptions offered\u201d", (string?)null), EvidenceLocator.For(log, "options offered:"));
        Assert.Equal(("paragraph 2, under \u201cHow the problem was spotted\u201d", (string?)null), EvidenceLocator.For(log, "under \"How the problem was spotted\", 2"));
        Assert.Equal((null, "Give paragraph numbers, like 2 or 2-3, or a heading of E007, such as \u201cWorkplace: Progress Hotel\u201d (\"The kitchen\" is neither)"), EvidenceLocator.For(log, "The kitchen"));
    }

    /// <summary>A case log's heading "Options, with pros and cons ..." holds a comma, which also separates the parts of a locator.</summary>
    [Fact]
    public void A_heading_with_a_comma_is_kept_whole_and_its_kept_form_reads_back_the_same()
    {
        var options = ProblemCase.Parts.Single(p => p.Part == "options").Label;
        var log = new EvidenceItem
        {
            Reference = "E007", Title = "Case log", Kind = EvidenceKind.CaseLog,
            Body = $"Workplace: Progress Hotel\n\nHow the problem was spotted:\nThe guest came back to the desk.\n\n{options}:\nAnother room, or a refund.\n\nOutcome: resolved",
        };
        var kept = $"under \u201c{options}\u201d";
        Assert.Equal((kept, (string?)null), EvidenceLocator.For(log, options.ToUpperInvariant()));
        Assert.Equal((kept, (string?)null), EvidenceLocator.For(log, kept));
        Assert.Equal(($"paragraph 2, {kept}", (string?)null), EvidenceLocator.For(log, $"{kept}, 2"));
        Assert.Equal(($"paragraph 2, {kept}", (string?)null), EvidenceLocator.For(log, $"paragraph 2, {kept}"));
        Assert.Equal((null, "Give paragraph numbers, like 2 or 2-3, or a heading of E007, such as \u201cWorkplace: Progress Hotel\u201d (\"Options\" is neither)"), EvidenceLocator.For(log, "Options, with pros"));
    }

    [Property]
    public Property A_paragraph_range_within_the_item_is_kept_and_read_back_the_same_and_one_past_its_end_is_refused() =>
        Prop.ForAll(
            (from paragraphs in Gen.Choose(1, 12) from start in Gen.Choose(1, 14) from length in Gen.Choose(0, 4) select (paragraphs, start, start + length)).ToArbitrary(),
            c =>
            {
                var item = new EvidenceItem { Reference = "E008", Title = "Account", Kind = EvidenceKind.ReflectiveAccount, Body = string.Join("\n\n", Enumerable.Range(1, c.paragraphs).Select(n => $"Paragraph {n} of the account.")) };
                var (locator, error) = EvidenceLocator.For(item, $"{c.Item2}-{c.Item3}");
                var within = c.Item3 <= c.paragraphs;
                return within
                    ? error is null && EvidenceLocator.For(item, locator) == (locator, null)
                    : locator is null && error!.StartsWith($"E008 has {c.paragraphs} paragraph", StringComparison.Ordinal);
            });

    [Fact]
    public void No_locator_is_allowed() => Assert.Equal((null, null), EvidenceLocator.For(Recording(seconds: 60), "  "));

    private static EvidenceItem Document(int? pages) =>
        new() { Reference = "E004", Title = "Problem log", OriginalFileName = "log.pdf", ContentType = "application/pdf", StoredName = "ab/cdef", PageCount = pages };

    private static EvidenceItem Recording(double seconds) =>
        new() { Reference = "E007", Title = "Discussion", OriginalFileName = "talk.m4a", ContentType = "audio/mp4", StoredName = "cd/ef01", DurationSeconds = seconds };
}

public class AuthenticityDeclarationTests
{
    private static readonly Guid Centre = Guid.NewGuid();
    private static readonly Guid CandidateId = Guid.NewGuid();
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

    private static EvidenceItem Item(string reference, string? body = "My account", string? sha = null) => new()
    {
        CentreId = Centre, CandidateId = CandidateId, Reference = reference, Kind = EvidenceKind.ReflectiveAccount, Title = "Account " + reference, Body = body, Sha256 = sha,
    };

    [Fact]
    public void A_declaration_records_the_exact_statement_and_each_items_content_hash()
    {
        var e1 = Item("E001");
        var e2 = Item("E002", sha: new string('a', 64));
        var declaration = AuthenticityDeclaration.Record(Centre, CandidateId, Guid.NewGuid(), [e2, e1], confirmed: true, Now);
        Assert.Equal(AuthenticityDeclaration.Statement, declaration.StatementText);
        Assert.Contains("own work", declaration.StatementText, StringComparison.Ordinal);
        Assert.Equal([$"E001 {e1.ContentHash()} {e1.Id:N}", $"E002 {e2.ContentHash()} {e2.Id:N}"], declaration.Manifest.Split('\n'));
        Assert.Equal(64, declaration.SignedSha256.Length);
        Assert.Equal(DeclarationState.Declared, Declarations.StateOf(e1, [declaration]));
    }

    [Fact]
    public void Changing_an_item_after_declaring_it_shows_as_changed_until_declared_again()
    {
        var item = Item("E001");
        var first = AuthenticityDeclaration.Record(Centre, CandidateId, Guid.NewGuid(), [item], true, Now);
        item.Body = "My account, improved after the declaration";
        Assert.Equal(DeclarationState.ChangedSinceDeclared, Declarations.StateOf(item, [first]));
        var second = AuthenticityDeclaration.Record(Centre, CandidateId, Guid.NewGuid(), [item], true, Now.AddMinutes(5));
        Assert.Equal(DeclarationState.Declared, Declarations.StateOf(item, [first, second]));
        Assert.Equal(DeclarationState.NotDeclared, Declarations.StateOf(Item("E002"), [first, second]));
    }

    [Fact]
    public void Nothing_is_declared_without_confirmation_or_for_someone_elses_evidence()
    {
        Assert.Equal("Confirmed", Assert.Throws<DomainRuleException>(() => AuthenticityDeclaration.Record(Centre, CandidateId, Guid.NewGuid(), [Item("E001")], false, Now)).Field);
        Assert.Equal("Selected", Assert.Throws<DomainRuleException>(() => AuthenticityDeclaration.Record(Centre, CandidateId, Guid.NewGuid(), [], true, Now)).Field);
        var others = new EvidenceItem { CentreId = Centre, CandidateId = Guid.NewGuid(), Reference = "E001", Title = "Not mine" };
        Assert.Equal("Selected", Assert.Throws<DomainRuleException>(() => AuthenticityDeclaration.Record(Centre, CandidateId, Guid.NewGuid(), [others], true, Now)).Field);
    }
}

public class EvidenceItemTests
{
    [Fact]
    public void Keeping_a_draft_copies_every_detail_so_a_new_field_is_never_lost()
    {
        var draft = new EvidenceItem
        {
            CentreId = Guid.NewGuid(), CandidateId = Guid.NewGuid(), Reference = string.Empty, Kind = EvidenceKind.CaseStudy, Title = "t", Description = "d", Body = "b",
            ActivityFrom = new DateOnly(2026, 1, 1), ActivityTo = new DateOnly(2026, 1, 2), Context = EvidenceContext.WorkPlacement, CustomerLabel = "Customer A",
            Occasions = Occasions.QuietTime, HeldAt = "h", HeldBy = "w", OriginalFileName = "f.pdf", ContentType = "application/pdf", SizeBytes = 3, Sha256 = "s",
            Scan = ScanStatus.Pending, ScanDetail = "x", DurationSeconds = 4, PageCount = 5, MediaNotes = "m", SplitFromId = Guid.NewGuid(), UploadedBy = Guid.NewGuid(),
            UploadedAt = new DateTime(2026, 1, 3, 0, 0, 0, DateTimeKind.Utc), ChangedAt = new DateTime(2026, 1, 4, 0, 0, 0, DateTimeKind.Utc),
        };
        var kept = draft.Kept("E007", "stored", "preview");
        Assert.Equal(("E007", "stored", "preview"), (kept.Reference, kept.StoredName, kept.PreviewStoredName));
        var unset = typeof(EvidenceItem).GetProperties().Where(p => p.CanWrite && p.GetValue(draft) is null).Select(p => p.Name).Except(["StoredName", "PreviewStoredName"]);
        Assert.Empty(unset); // the draft above sets every field, so the comparison below covers them all
        foreach (var property in typeof(EvidenceItem).GetProperties().Where(p => p.CanWrite && p.Name is not ("Id" or "Reference" or "StoredName" or "PreviewStoredName" or "ChangedAt")))
        {
            Assert.True(Equals(property.GetValue(draft), property.GetValue(kept)), $"{property.Name} is not copied when a draft is kept");
        }
    }
}

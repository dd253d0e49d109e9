using System.Net;
using System.Text;
using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Tests.Features;

/// <summary>Evidence of every kind through the real pages, and uploads that must be refused or neutralised (security.md test 5).</summary>
public class EvidenceTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Written_and_held_elsewhere_evidence_is_kept_with_its_details_and_posted_extras_change_nothing(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var candidate = await app.SignedInAsync(app.A.Candidate);
        var account = await candidate.PostFormAsync("/Candidate/Evidence/Add?kind=ReflectiveAccount", new()
        {
            ["Input.Title"] = "Lunchtime rush at the desk",
            ["Input.Body"] = "Customer A arrived during the lunchtime rush; I apologised for the wait and checked the booking.",
            ["Input.ActivityFrom"] = "2026-10-01",
            ["Input.Context"] = "RealWork",
            ["Input.CustomerLabel"] = "Customer A",
            ["Input.Occasions"] = "BusyTime",
            ["Input.CentreId"] = app.B.Id.ToString(),
            ["Input.Reference"] = "E999",
            ["Reference"] = "E999",
            ["Scan"] = "Clean",
        });
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
        var held = await candidate.PostFormAsync("/Candidate/Evidence/Add?kind=HeldElsewhere", new()
        {
            ["Input.Title"] = "Complaints log",
            ["Input.HeldAt"] = "Complaints file, customer service office",
            ["Input.HeldBy"] = "Sam Lee, team leader, extension 214",
            ["Input.Context"] = "RealWork",
        });
        Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);

        await using (var db = app.Db(app.A.Id))
        {
            var items = await db.EvidenceItems.Where(i => i.CandidateId == app.A.CandidateId).OrderBy(i => i.Reference).ToListAsync();
            Assert.Equal(["E001", "E002", "E003"], items.Select(i => i.Reference));
            var written = items[1];
            Assert.Equal((EvidenceKind.ReflectiveAccount, Occasions.BusyTime, "Customer A", new DateOnly(2026, 10, 1), app.A.Id, ScanStatus.NotScanned),
                (written.Kind, written.Occasions, written.CustomerLabel, written.ActivityFrom!.Value, written.CentreId, written.Scan));
            Assert.Null(written.StoredName);
            Assert.Equal(("Complaints file, customer service office", "Sam Lee, team leader, extension 214"), (items[2].HeldAt, items[2].HeldBy));
        }

        var page = await candidate.GetStringAsync(held.Headers.Location!.OriginalString);
        Assert.Contains("Who can show it", page, StringComparison.Ordinal);
        Assert.Contains("Sam Lee, team leader", page, StringComparison.Ordinal);
    }

    /// <summary>Issue 13: two uploads at once by one candidate answered 500 when the reference (E001, ...) was taken by both.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Evidence_added_many_times_at_once_by_one_candidate_is_all_kept_with_distinct_references_and_no_gaps(DatabaseProvider provider)
    {
        const int posts = 50;
        using var app = await new AttestFactory(provider).SeedAsync();
        var candidate = await app.SignedInAsync(app.A.Candidate);
        const string url = "/Candidate/Evidence/Add?kind=";
        var token = await candidate.AntiforgeryTokenAsync(url + "ReflectiveAccount");

        // Written accounts and files, as a candidate with several tabs open (or a script) sends them.
        var responses = await Task.WhenAll(Enumerable.Range(1, posts).Select(n =>
        {
            var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent($"Piece {n}"), "Input.Title" } };
            if (n % 2 == 0)
            {
                form.Add(new StringContent("I dealt with the customer at the desk and checked they were satisfied."), "Input.Body");
                return candidate.PostAsync(url + "ReflectiveAccount", form);
            }

            form.Add(new ByteArrayContent(Encoding.ASCII.GetBytes($"%PDF-1.4 piece {n}")), "Input.File", $"piece-{n}.pdf");
            return candidate.PostAsync(url + "UploadedFile", form);
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        await using var db = app.Db(app.A.Id);
        var references = await db.EvidenceItems.Where(i => i.CandidateId == app.A.CandidateId).Select(i => i.Reference).ToListAsync();
        Assert.Equal(Enumerable.Range(1, posts + 1).Select(EvidenceItem.ReferenceFor), references.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// Issue 13: a reflective account written in the portfolio was asked for page numbers when mapped. Issue 14: it is
    /// located by "paragraphs or headings for a written account", within the paragraphs it has.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_account_written_in_the_portfolio_is_mapped_by_paragraph_and_a_page_or_a_paragraph_past_its_end_is_refused(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var candidate = await app.SignedInAsync(app.A.Candidate);
        var account = await candidate.PostFormAsync("/Candidate/Evidence/Add?kind=ReflectiveAccount", new()
        {
            ["Input.Title"] = "What I learned at the desk", ["Input.Context"] = "RealWork",
            ["Input.Body"] = "The customer was angry about the booking.\n\nI listened to the customer, apologised and checked the booking.\n\nShe thanked me.",
        });
        var url = account.Headers.Location!.OriginalString;

        var page = WebUtility.HtmlDecode(await candidate.GetStringAsync(url));
        Assert.Contains("Map to criteria", page, StringComparison.Ordinal);
        Assert.Contains("Paragraph numbers, for example \u20182-3\u2019 (it has 3 paragraphs)", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Page numbers", page, StringComparison.Ordinal);

        var target = $"{app.A.EnrolmentId:N}|C3|1.1";
        foreach (var (typed, reason) in new[] { ("page 1", "Give paragraph numbers of E002, like 2 or 2-3"), ("2-4", "E002 has 3 paragraphs, so it has no paragraph 4") })
        {
            var refused = await candidate.PostFormAsync(url, new() { ["Input.Criteria[0].Chosen"] = "true", ["Input.Criteria[0].Target"] = target, ["Input.Criteria[0].Locator"] = typed });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var shown = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
            Assert.Contains(reason, shown, StringComparison.Ordinal);
            Assert.Contains($"value=\"{typed}\"", shown, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync(url, new() { ["Input.Criteria[0].Chosen"] = "true", ["Input.Criteria[0].Target"] = target, ["Input.Criteria[0].Locator"] = "2-3" })).StatusCode);
        await using var db = app.Db(app.A.Id);
        Assert.Equal("paragraphs 2-3", (await db.EvidenceMappings.SingleAsync(m => m.EvidenceItemId != app.A.EvidenceId)).Locator);
    }

    /// <summary>Issue 13: "page 9" was accepted on a 2-page PDF and printed on the record sheet.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_page_past_the_end_of_an_uploaded_PDF_is_refused_with_its_page_count(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var candidate = await app.SignedInAsync(app.A.Candidate);
        var pdf = Portfolios.Hygiene.EvidenceTextExtractorTests.Pdf(["Problem log: the late delivery"], ["What the customer said afterwards"]);
        var upload = await JourneyTests.PostFileAsync(candidate, "/Candidate/Evidence/Add?kind=UploadedFile", "problem-log.pdf", pdf, ("Input.Title", "Problem log"));
        var url = upload.Headers.Location!.OriginalString;
        Assert.Contains("Page numbers, for example ‘2-3’ or ‘1, 4’ (it has 2 pages)", WebUtility.HtmlDecode(await candidate.GetStringAsync(url)), StringComparison.Ordinal);

        var target = $"{app.A.EnrolmentId:N}|C3|1.1";
        var refused = await candidate.PostFormAsync(url, new() { ["Input.Criteria[0].Chosen"] = "true", ["Input.Criteria[0].Target"] = target, ["Input.Criteria[0].Locator"] = "page 9" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var error = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync()).QuerySelector("[id$='_Locator-error']")?.TextContent;
        Assert.Contains("E002 has 2 pages, so it has no page 9 (\"page 9\"): give pages from 1 to 2", error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await candidate.PostFormAsync(url, new() { ["Input.Criteria[0].Chosen"] = "true", ["Input.Criteria[0].Target"] = target, ["Input.Criteria[0].Locator"] = "pp 1-2" })).StatusCode);

        await using var db = app.Db(app.A.Id);
        var item = await db.EvidenceItems.SingleAsync(i => i.Reference == "E002");
        Assert.Equal(2, item.PageCount);
        Assert.Equal("pages 1-2", (await db.EvidenceMappings.SingleAsync(m => m.EvidenceItemId == item.Id)).Locator);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_refused_form_names_each_field_and_rule_and_keeps_nothing(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var candidate = await app.SignedInAsync(app.A.Candidate);
        var response = await candidate.PostFormAsync("/Candidate/Evidence/Add?kind=HeldElsewhere", new() { ["Input.Title"] = "", ["Input.ActivityFrom"] = "2999-01-01" });
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var message in new[] { "Enter a title for the evidence", "Say where the evidence can be found", "Say who can show the evidence to your assessor", "The date of the activity must be today or in the past" })
        {
            Assert.Contains(message, page, StringComparison.Ordinal);
        }

        await using var db = app.Db(app.A.Id);
        Assert.Equal(1, await db.EvidenceItems.CountAsync(i => i.CandidateId == app.A.CandidateId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_written_account_too_long_to_read_is_413_with_a_page_that_says_so_and_keeps_nothing(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var candidate = await app.SignedInAsync(app.A.Candidate);

        // Over the 50,000 characters a written account may hold, but readable: the field says so.
        var overRule = await candidate.PostFormAsync("/Candidate/Evidence/Add?kind=ReflectiveAccount", new() { ["Input.Title"] = "Long", ["Input.Body"] = new string('a', 60_000), ["Input.Context"] = "RealWork" });
        Assert.Equal(HttpStatusCode.OK, overRule.StatusCode);
        Assert.Contains("The text must be 50,000 characters or fewer; upload a longer account as a file", WebUtility.HtmlDecode(await overRule.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // 4 MiB of lines, sent as the page's form sends it (multipart, for its file field): more than any form field is read for.
        const string url = "/Candidate/Evidence/Add?kind=ReflectiveAccount";
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await candidate.AntiforgeryTokenAsync(url)), "__RequestVerificationToken" }, { new StringContent("Huge"), "Input.Title" }, { new StringContent("RealWork"), "Input.Context" },
            { new StringContent(string.Concat(Enumerable.Repeat("I greeted the customer and checked the booking.\r\n", 4 * 1024 * 1024 / 50))), "Input.Body" },
        };
        var huge = await candidate.PostAsync(url, form);
        var page = WebUtility.HtmlDecode(await huge.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Contains("What you sent is too large", page, StringComparison.Ordinal);
        Assert.Contains("Nothing was saved", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", page, StringComparison.Ordinal);
        await using var db = app.Db(app.A.Id);
        Assert.Equal(1, await db.EvidenceItems.CountAsync(i => i.CandidateId == app.A.CandidateId));
    }

    public static TheoryData<DatabaseProvider, string, string> SpoofedFiles()
    {
        var data = new TheoryData<DatabaseProvider, string, string>();
        foreach (var provider in ((IEnumerable<object[]>)TestDatabase.Providers).Select(row => (DatabaseProvider)row[0]))
        {
            data.Add(provider, "page.html", "<html><script>alert(1)</script></html>");
            data.Add(provider, "drawing.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
            data.Add(provider, "invoice.pdf", "MZ\u0090\u0000 this is a Windows program");
            data.Add(provider, "photo.jpg", "<script>alert(1)</script>");
            data.Add(provider, "notes.txt", "<html><body onload=alert(1)>");
            data.Add(provider, "report.pdf.exe", "MZ program");
            data.Add(provider, "script.js", "alert(1)");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SpoofedFiles))]
    public async Task Files_whose_content_or_type_is_not_allowed_are_refused_and_leave_nothing_behind(DatabaseProvider provider, string fileName, string content)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var candidate = await app.SignedInAsync(app.A.Candidate);
        var response = await PostRawFileAsync(candidate, fileName, Encoding.UTF8.GetBytes(content));
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("govuk-error-summary", page, StringComparison.Ordinal);
        await using var db = app.Db(app.A.Id);
        Assert.Equal(1, await db.EvidenceItems.CountAsync(i => i.CandidateId == app.A.CandidateId));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(app.DataFolder, "staging"), "*", SearchOption.AllDirectories));
        Assert.Equal(2, Directory.EnumerateFiles(Path.Combine(app.DataFolder, "files"), "*", SearchOption.AllDirectories).Count()); // the two centres' seeded items only
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Hostile_file_names_are_kept_as_harmless_metadata_and_never_reach_a_path_or_header(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var candidate = await app.SignedInAsync(app.A.Candidate);
        var names = new[] { "../../etc/passwd.pdf", "evil\r\nSet-Cookie: x=1.pdf", "quote\"; filename=other.exe.pdf", "nul\0byte.pdf", new string('a', 500) + ".pdf" };
        foreach (var name in names)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await PostRawFileAsync(candidate, name, "%PDF-1.4 ok"u8.ToArray())).StatusCode);
        }

        await using var db = app.Db(app.A.Id);
        var items = await db.EvidenceItems.Where(i => i.CandidateId == app.A.CandidateId && i.Reference != "E001").OrderBy(i => i.Reference).ToListAsync();
        Assert.Equal(names.Length, items.Count);
        Assert.All(items, i => Assert.DoesNotContain(i.OriginalFileName!, c => c is '/' or '\\' or '\r' or '\n' or '\0' or '"'));
        Assert.All(items, i => Assert.True(i.OriginalFileName!.Length <= 255 && i.OriginalFileName.EndsWith(".pdf", StringComparison.Ordinal)));
        Assert.Equal("passwd.pdf", items[0].OriginalFileName);
        Assert.Empty(Directory.EnumerateFiles(app.DataFolder, "passwd*", SearchOption.AllDirectories));

        var assessor = await app.SignedInAsync(app.A.Assessor);
        foreach (var item in items)
        {
            var download = await assessor.GetAsync($"/Evidence/{item.Id}/Download");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal($"{item.Reference}.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
            Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
            Assert.False(download.Headers.Contains("Set-Cookie"));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_file_waiting_for_or_failing_its_virus_scan_is_never_served(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var assessor = await app.SignedInAsync(app.A.Assessor);
        foreach (var status in new[] { ScanStatus.Pending, ScanStatus.Infected, ScanStatus.Failed })
        {
            await using (var db = app.Db(app.A.Id))
            {
                await db.EvidenceItems.Where(i => i.Id == app.A.EvidenceId).ExecuteUpdateAsync(s => s.SetProperty(i => i.Scan, status));
            }

            var download = await assessor.GetAsync($"/Evidence/{app.A.EvidenceId}/Download");
            Assert.Equal(HttpStatusCode.Conflict, download.StatusCode);
            Assert.DoesNotContain("%PDF", await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Declaring_evidence_records_what_was_signed_and_a_later_change_shows(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var candidate = await app.SignedInAsync(app.A.Candidate);
        Assert.Contains("Not declared", await candidate.GetStringAsync("/Candidate/Evidence"), StringComparison.Ordinal);
        var refused = await candidate.PostFormAsync("/Candidate/Declaration", new() { ["Selected"] = app.A.EvidenceId.ToString() });
        Assert.Contains("Confirm that the evidence is your own work", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var signed = await candidate.PostFormAsync("/Candidate/Declaration", new() { ["Selected"] = app.A.EvidenceId.ToString(), ["Confirmed"] = "true", ["DeclaredAt"] = "2000-01-01" });
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        Assert.Contains("All your evidence is declared", await candidate.GetStringAsync("/Candidate/Declaration"), StringComparison.Ordinal);
        await using var db = app.Db(app.A.Id);
        var declaration = await db.AuthenticityDeclarations.SingleAsync();
        var item = await db.EvidenceItems.SingleAsync(i => i.Id == app.A.EvidenceId);
        Assert.Equal((AuthenticityDeclaration.Statement, $"E001 {item.ContentHash()} {item.Id:N}"), (declaration.StatementText, declaration.Manifest));
        Assert.True(declaration.DeclaredAt.Year >= 2026);

        var otherCandidate = await app.SignedInAsync(app.A.OtherCandidate);
        var notTheirs = await otherCandidate.PostFormAsync("/Candidate/Declaration", new() { ["Selected"] = app.A.EvidenceId.ToString(), ["Confirmed"] = "true" });
        Assert.Contains("Select the evidence you are declaring", await notTheirs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await db.AuthenticityDeclarations.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Changing_a_declared_item_shows_it_as_changed_since_declared(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var candidate = await app.SignedInAsync(app.A.Candidate);
        await candidate.PostFormAsync("/Candidate/Declaration", new() { ["Selected"] = app.A.EvidenceId.ToString(), ["Confirmed"] = "true" });
        var edit = $"/Candidate/Evidence/{app.A.EvidenceId}/Edit";
        Assert.Contains("Seeded evidence", await candidate.GetStringAsync(edit), StringComparison.Ordinal);
        var refused = await candidate.PostFormAsync(edit, new() { ["Input.Title"] = "", ["Input.Context"] = "RealWork" });
        Assert.Contains("Enter a title for the evidence", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(">Declared<", await candidate.GetStringAsync("/Candidate/Evidence"), StringComparison.Ordinal);

        var changed = await candidate.PostFormAsync(edit, new() { ["Input.Title"] = "Case log, renamed", ["Input.Context"] = "WorkPlacement", ["Input.CustomerLabel"] = "Customer B" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("Changed since declared", await candidate.GetStringAsync("/Candidate/Evidence"), StringComparison.Ordinal);
        await using var db = app.Db(app.A.Id);
        var item = await db.EvidenceItems.SingleAsync(i => i.Id == app.A.EvidenceId);
        Assert.Equal(("Case log, renamed", Attest.Core.Qualifications.EvidenceContext.WorkPlacement, "Customer B"), (item.Title, item.Context, item.CustomerLabel));

        var other = await app.SignedInAsync(app.A.OtherCandidate);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(edit)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_same_file_from_two_candidates_is_shown_to_the_assessor_as_possible_copying(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var copy = "%PDF-1.4 seeded evidence"u8.ToArray(); // the seeded E001's exact bytes
        var other = await app.SignedInAsync(app.A.OtherCandidate);
        var upload = await PostRawFileAsync(other, "mine.pdf", copy, "My own case log");
        var copiedId = upload.Headers.Location!.OriginalString.Split('/')[^1];

        var assessor = await app.SignedInAsync(app.A.Assessor);
        var page = await assessor.GetStringAsync($"/Evidence/{app.A.EvidenceId}");
        Assert.Contains("E001 of Otto Centrea, another candidate: check for copying", page, StringComparison.Ordinal);
        Assert.Contains("E001 of Cara Centrea, another candidate: check for copying", await assessor.GetStringAsync($"/Evidence/{copiedId}"), StringComparison.Ordinal);
        Assert.DoesNotContain("Centreb", page, StringComparison.Ordinal); // centre B's seeded item has the same bytes but is another centre's
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_photo_is_previewed_only_as_a_re_encoded_copy_and_a_broken_one_has_no_preview(DatabaseProvider provider)
    {
        using var app = await new AttestFactory(provider).SeedAsync();
        var candidate = await app.SignedInAsync(app.A.Candidate);
        byte[] png;
        using (var bitmap = new SkiaSharp.SKBitmap(2400, 1200))
        {
            using (var canvas = new SkiaSharp.SKCanvas(bitmap))
            {
                canvas.Clear(SkiaSharp.SKColors.SteelBlue);
            }

            using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
            png = image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100).ToArray();
        }

        var photo = await PostRawFileAsync(candidate, "desk.png", png, "Photo of the desk");
        var page = await candidate.GetStringAsync(photo.Headers.Location!.OriginalString);
        var id = photo.Headers.Location!.OriginalString.Split('/')[^1];
        Assert.Contains($"src=\"/Evidence/{id}/Download?preview=true\"", page, StringComparison.Ordinal);

        var preview = await candidate.GetAsync($"/Evidence/{id}/Download?preview=true");
        Assert.Equal("image/jpeg", preview.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", preview.Content.Headers.ContentDisposition!.DispositionType);
        using (var codec = SkiaSharp.SKCodec.Create(new MemoryStream(await preview.Content.ReadAsByteArrayAsync())))
        {
            Assert.Equal((SkiaSharp.SKEncodedImageFormat.Jpeg, 1600, 800), (codec.EncodedFormat, codec.Info.Width, codec.Info.Height));
        }

        var original = await candidate.GetAsync($"/Evidence/{id}/Download");
        Assert.Equal(png, await original.Content.ReadAsByteArrayAsync());

        // The preview is a stored file of its own: a sweep a day later must keep it.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TimeProvider.System.GetUtcNow().AddDays(1));
        var sweeper = Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<Attest.Web.Infrastructure.Storage.StorageSweeper>(app.Services, (TimeProvider)clock);
        Assert.Equal(0, (await sweeper.SweepAsync(default)).StoredOrphans);
        Assert.Equal(HttpStatusCode.OK, (await candidate.GetAsync($"/Evidence/{id}/Download?preview=true")).StatusCode);

        byte[] broken = [.. png.Take(64), .. new byte[512]];
        var kept = await PostRawFileAsync(candidate, "broken.png", broken, "Broken photo");
        Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        var brokenId = kept.Headers.Location!.OriginalString.Split('/')[^1];
        Assert.DoesNotContain("preview=true", await candidate.GetStringAsync(kept.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await candidate.GetAsync($"/Evidence/{brokenId}/Download?preview=true")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_docx_that_is_a_zip_bomb_with_a_path_escaping_entry_writes_nothing_outside_staging_and_is_read_only_to_the_limit(DatabaseProvider provider)
    {
        // security.md test 7: archives are never unpacked to disk; the hygiene read of a DOCX stops at its inflated-byte cap.
        using var app = await new AttestFactory(provider).SeedAsync();
        var candidate = await app.SignedInAsync(app.A.Candidate);
        using var zipped = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(zipped, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var escape = new StreamWriter(zip.CreateEntry("../../../../attest-zip-slip.txt").Open()))
            {
                await escape.WriteAsync("written outside");
            }

            using var document = new StreamWriter(zip.CreateEntry("word/document.xml", System.IO.Compression.CompressionLevel.SmallestSize).Open());
            await document.WriteAsync("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>");
            await document.WriteAsync(new string('A', 80 * 1024 * 1024)); // 80 MB of text inflates from a few kilobytes
            await document.WriteAsync("</w:t></w:r></w:p></w:body></w:document>");
        }

        Assert.True(zipped.Length < 1024 * 1024, $"the bomb is {zipped.Length} bytes");
        var upload = await PostRawFileAsync(candidate, "report.docx", zipped.ToArray(), "Report");
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode); // kept, with a note that its text was not fully checked
        var id = Guid.Parse(upload.Headers.Location!.OriginalString.Split('/')[^1]);
        await using var db = app.Db(app.A.Id);
        Assert.Contains("TextNotChecked", await db.EvidenceWarnings.Where(w => w.EvidenceItemId == id).Select(w => w.Kind).ToListAsync());
        var root = Path.GetDirectoryName(app.DataFolder)!;
        Assert.Empty(Directory.EnumerateFiles(root, "attest-zip-slip.txt", SearchOption.TopDirectoryOnly));
        Assert.Empty(Directory.EnumerateFiles(app.DataFolder, "attest-zip-slip.txt", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(app.DataFolder, "staging"), "*", SearchOption.AllDirectories));
    }

    /// <summary>A multipart upload written by hand, so file names HttpClient would refuse (CR, LF, NUL, quotes) reach the server.</summary>
    internal static async Task<HttpResponseMessage> PostRawFileAsync(HttpClient client, string fileName, byte[] content, string title = "Upload")
    {
        const string url = "/Candidate/Evidence/Add?kind=UploadedFile";
        var page = await client.GetStringAsync(url);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        const string boundary = "attest-test-boundary";
        using var body = new MemoryStream();
        void Write(string text) => body.Write(Encoding.UTF8.GetBytes(text));
        foreach (var (name, value) in new[] { ("__RequestVerificationToken", token), ("Input.Title", title), ("Input.Context", "RealWork") })
        {
            Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");
        }

        var quotedName = fileName.Replace("\"", "%22", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);
        Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"Input.File\"; filename=\"{quotedName}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.Write(content);
        Write($"\r\n--{boundary}--\r\n");
        var request = new ByteArrayContent(body.ToArray());
        request.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
        return await client.PostAsync(url, request);
    }
}

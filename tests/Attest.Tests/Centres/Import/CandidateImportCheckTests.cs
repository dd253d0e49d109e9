using Attest.Core.Centres;
using Attest.Core.Centres.Import;

namespace Attest.Tests.Centres.Import;

/// <summary>
/// The import's rules, one case per kind of problem, each named by row (as in the file, heading row 1), column (the file's
/// heading) and reason; and what good rows do, including a second import of the same file doing nothing.
/// </summary>
public class CandidateImportCheckTests
{
    private const string Heading = "Forename,Surname,DOB,ULN,Email,Qual code,Units,Assessor email,Expected end date,AB candidate no";
    private const string Units = "\"F3,F4,A13,B10,C3,D8,D2\"";
    private static readonly DateOnly Today = new(2026, 12, 4);
    private static readonly AssessorFact Asha = new(Guid.NewGuid(), "Asha Assessor", "asha@centre.test", true);
    private static readonly AssessorFact Lee = new(Guid.NewGuid(), "Lee Leaver", "lee@centre.test", false);
    private static readonly string Uln1 = TestFiles.Uln(1);
    private static readonly string Uln2 = TestFiles.Uln(2);

    private static ImportFacts Facts(IReadOnlyList<ExistingCandidate>? candidates = null, IReadOnlyList<ExistingEnrolment>? enrolments = null, IReadOnlySet<string>? used = null, string? hold = null) =>
        new(Today, Today.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc), hold, candidates ?? [], enrolments ?? [], used ?? new HashSet<string>(), [Asha, Lee]);

    private static ImportPlan Check(string rows, ImportFacts? facts = null, string heading = Heading)
    {
        var table = CandidateFileReader.Read(TestFiles.Csv(heading + "\r\n" + rows), "mis.csv");
        return CandidateImportCheck.Check(table, ImportColumns.Guess(table.Header), facts ?? Facts(), ShippedCatalogue.Catalogue);
    }

    private static string Row(string given = "Ann", string family = "Lee", string dob = "27/03/2004", string? uln = null, string email = "", string qual = "", string units = "", string assessor = "", string end = "", string number = "") =>
        $"{given},{family},{dob},{uln ?? Uln1},{email},{qual},{units},{assessor},{end},{number}\r\n";

    private static ImportProblem Single(ImportPlan plan, int row, string column)
    {
        var problem = Assert.Single(plan.Problems);
        Assert.Equal((row, column), (problem.Row, problem.Column));
        Assert.False(plan.CanImport);
        return problem;
    }

    [Theory]
    [InlineData("1234567898", "check digit")]
    [InlineData("123456789", "10 digits")]
    [InlineData("12345678901", "10 digits")]
    [InlineData("", "Enter the candidate's ULN")]
    public void A_bad_uln_is_named_with_its_reason(string uln, string reason) =>
        Assert.Contains(reason, Single(Check(Row(uln: uln)), 2, "ULN").Reason, StringComparison.Ordinal);

    [Theory]
    [InlineData("", "Lee", "Forename", "Enter the candidate's given name")]
    [InlineData("Ann", "", "Surname", "Enter the candidate's family name")]
    public void A_missing_name_is_named(string given, string family, string column, string reason) =>
        Assert.Equal(reason, Single(Check(Row(given: given, family: family)), 2, column).Reason);

    [Fact]
    public void A_name_longer_than_the_registration_form_allows_is_named() =>
        Assert.Equal("Family name must be 100 characters or fewer", Single(Check(Row(family: new string('x', 101))), 2, "Surname").Reason);

    [Theory]
    [InlineData("", "Enter the candidate's date of birth")]
    [InlineData("31/02/2004", "31/02/2004 is not a real date")]
    [InlineData("2004-13-01", "2004-13-01 is not a real date")]
    [InlineData("27/03/2030", "Date of birth must be a real date in the past")]
    [InlineData("1890-01-01", "Date of birth must be a real date in the past")]
    [InlineData("March 2004", "\"March 2004\" is not a date Attest can read: write it as 27/03/2004 or 2004-03-27")]
    [InlineData("38073", "\"38073\" is not a date Attest can read: write it as 27/03/2004 or 2004-03-27")]
    public void A_missing_impossible_future_or_unreadable_date_of_birth_is_named(string dob, string reason) =>
        Assert.Equal(reason, Single(Check(Row(dob: dob)), 2, "DOB").Reason);

    [Theory]
    [InlineData("27/03/2004")]
    [InlineData("2004-03-27")]
    [InlineData("27-03-2004")]
    [InlineData("27/03/2004 00:00")]
    [InlineData("2004-03-27T00:00:00")]
    public void Dates_of_birth_are_read_in_uk_and_iso_order(string dob) =>
        Assert.Equal(new DateOnly(2004, 3, 27), Assert.Single(Check(Row(dob: dob)).Rows).DateOfBirth);

    [Fact]
    public void An_excel_serial_date_of_birth_is_read_from_a_workbook()
    {
        var table = CandidateFileReader.Read(TestFiles.Xlsx(["Forename", "Surname", "DOB", "ULN"], ["Ann", "Lee", 38073d, Uln1]), "mis.xlsx");
        var plan = CandidateImportCheck.Check(table, ImportColumns.Guess(table.Header), Facts(), ShippedCatalogue.Catalogue);
        Assert.Empty(plan.Problems);
        Assert.Equal(new DateOnly(2004, 3, 27), Assert.Single(plan.Rows).DateOfBirth);
    }

    [Theory]
    [InlineData("ann.example.com")]
    [InlineData("ann@")]
    public void A_bad_email_address_is_named(string email) =>
        Assert.Equal("Enter an email address in the correct format, like name@example.com", Single(Check(Row(email: email)), 2, "Email").Reason);

    [Fact]
    public void A_uln_twice_in_the_file_is_named_on_the_later_row_with_the_earlier()
    {
        var problem = Single(Check(Row() + Row(given: "Bob")), 3, "ULN");
        Assert.Equal($"ULN {Uln1} is also on row 2: each candidate can be on one row only.", problem.Reason);
    }

    [Fact]
    public void The_same_person_twice_with_the_temporary_uln_is_named()
    {
        var problem = Single(Check(Row(uln: Uln.Temporary) + Row(uln: Uln.Temporary)), 3, "ULN");
        Assert.Contains("also on row 2", problem.Reason, StringComparison.Ordinal);
        Assert.Empty(Check(Row(uln: Uln.Temporary) + Row(given: "Bob", uln: Uln.Temporary)).Problems);
    }

    [Fact]
    public void An_email_address_twice_in_the_file_is_named_whatever_its_case() =>
        Assert.Equal("This email address is also on row 2: each account needs its own address.",
            Single(Check(Row(email: "ann@mail.test") + Row(given: "Bob", uln: Uln2, email: " ANN@Mail.test")), 3, "Email").Reason);

    [Fact]
    public void A_uln_registered_at_the_centre_to_someone_else_is_named()
    {
        var facts = Facts([new ExistingCandidate(Guid.NewGuid(), "Cara", "Jones", new DateOnly(2000, 1, 1), Uln1, null, null)]);
        var problem = Single(Check(Row(), facts), 2, "ULN");
        Assert.Contains($"ULN {Uln1} is already registered at this centre to Cara Jones, whose name or date of birth differ", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_email_address_any_account_uses_is_refused_saying_only_that_it_is_used()
    {
        var problem = Single(Check(Row(email: "taken@elsewhere.test"), Facts(used: new HashSet<string> { "TAKEN@ELSEWHERE.TEST" })), 2, "Email");
        Assert.StartsWith("This email address is already used for an Attest account", problem.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("centre", problem.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_unknown_qualification_code_is_named() =>
        Assert.StartsWith("No qualification in the catalogue has the code 99999", Single(Check(Row(qual: "99999", units: Units)), 2, "Qual code").Reason, StringComparison.Ordinal);

    [Fact]
    public void Units_that_break_the_rules_of_combination_are_named_with_the_engines_own_reasons()
    {
        var plan = Check(Row(qual: "03456", units: "\"F3,F4,A13,B10,D8,D2,Z9\""));
        Assert.All(plan.Problems, p => Assert.Equal((2, "Units"), (p.Row, p.Column)));
        Assert.Contains(plan.Problems, p => p.Reason == "Needs at least one unit from group D, Handling problems: C3-C8.");
        Assert.Contains(plan.Problems, p => p.Reason.StartsWith("Unit Z9 is not a unit of", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_assessor_an_assessor_by_name_and_a_deactivated_assessor_are_named()
    {
        var plan = Check(Row(qual: "03456", units: Units, assessor: "nobody@centre.test") + Row(given: "Bob", uln: Uln2, qual: "03456", units: Units, assessor: "Asha Assessor")
            + Row(given: "Cy", uln: TestFiles.Uln(3), qual: "03456", units: Units, assessor: "lee@centre.test"));
        Assert.Equal(
            [(2, "Assessor email", "No assessor at this centre signs in with nobody@centre.test. Check the address, or add the assessor on the Staff page first."),
             (3, "Assessor email", "Give the assessor's email address (the one they sign in with), not their name."),
             (4, "Assessor email", "Lee Leaver's account is deactivated, so they cannot be given candidates. Choose an active assessor.")],
            plan.Problems.Select(p => (p.Row, p.Column, p.Reason)));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"\"http://x\"\")", "\"=\"")]
    [InlineData("+44 Ann", "\"+\"")]
    [InlineData("-Ann", "\"-\"")]
    [InlineData("@Ann", "\"@\"")]
    [InlineData("\"\tAnn\"", "a tab")]
    public void A_name_that_starts_like_a_spreadsheet_formula_is_named(string given, string start)
    {
        var problem = Single(Check(Row(given: given)), 2, "Forename");
        Assert.StartsWith($"Starts with {start}, as a spreadsheet formula does", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workbook_cell_holding_a_formula_is_named_and_its_value_never_used()
    {
        var table = CandidateFileReader.Read(TestFiles.Xlsx(["Forename", "Surname", "DOB", "ULN"], ["Ann", new XCell.Formula("UPPER(\"lee\")", "LEE"), 38073d, Uln1]), "mis.xlsx");
        var plan = CandidateImportCheck.Check(table, ImportColumns.Guess(table.Header), Facts(), ShippedCatalogue.Catalogue);
        var problem = Single(plan, 2, "Surname");
        Assert.StartsWith("The cell holds a spreadsheet formula, not a value", problem.Reason, StringComparison.Ordinal);
        Assert.Empty(plan.Rows);
    }

    [Fact]
    public void Enrolment_columns_without_a_qualification_are_named()
    {
        var plan = Check(Row(units: Units, assessor: "asha@centre.test", end: "31/07/2027"));
        Assert.Equal(["Units", "Assessor email", "Expected end date"], plan.Problems.Select(p => p.Column));
        Assert.All(plan.Problems, p => Assert.Contains("no qualification code", p.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void A_planned_end_date_not_after_today_is_refused_with_the_enrolments_own_reason() =>
        Assert.StartsWith("The planned end date must be after the registration date", Single(Check(Row(qual: "03456", units: Units, end: "01/12/2026")), 2, "Expected end date").Reason, StringComparison.Ordinal);

    [Fact]
    public void A_registration_hold_refuses_every_enrolment_with_its_reason()
    {
        var problem = Single(Check(Row(qual: "03456", units: Units), Facts(hold: "Registration is suspended at this centre by the EQA.")), 2, "Units");
        Assert.Equal("Registration is suspended at this centre by the EQA.", problem.Reason);
    }

    [Fact]
    public void A_qualification_past_its_last_registration_date_is_refused_with_the_enrolments_own_reason() =>
        Assert.Contains(Check(Row(qual: "03455", units: "F1")).Problems, p => p.Row == 2 && p.Column == "Units" && p.Reason.Contains("closed on 31 August 2020", StringComparison.Ordinal));

    [Fact]
    public void Every_problem_of_a_row_is_listed_not_only_the_first()
    {
        var plan = Check(Row(given: "", family: "", dob: "31/02/2004", uln: "1", email: "x", qual: "nope"));
        Assert.Equal(["Forename", "Surname", "DOB", "ULN", "Email", "Qual code"], plan.Problems.Select(p => p.Column));
        Assert.Equal(1, plan.Counts.RowsWithProblems);
    }

    [Fact]
    public void A_good_file_plans_registrations_invitations_enrolments_assessors_and_planned_ends()
    {
        var plan = Check(Row(email: "ann@mail.test", qual: "03456", units: "\"F3, F4; A13 B10,C3,D8,D2\"", assessor: "ASHA@centre.test", end: "31/07/2027", number: "0042")
            + Row(given: "Bob", uln: Uln.Temporary));
        Assert.True(plan.CanImport);
        Assert.Equal(new ImportCounts(2, 2, 0, 1, 0, 1, 0), plan.Counts);
        var ann = plan.Rows[0];
        Assert.Equal((CandidateChange.Register, "ann@mail.test", "0042"), (ann.Change, ann.Invite, ann.CandidateNumber));
        Assert.Equal("03456", ann.Enrol!.Qualification.Code);
        Assert.Equal(["F3", "F4", "A13", "B10", "C3", "D8", "D2"], ann.Enrol.Units);
        Assert.Equal((Asha, new DateOnly(2027, 7, 31)), (ann.Enrol.Assessor, ann.Enrol.PlannedEnd));
        Assert.Null(plan.Rows[1].Enrol);
    }

    [Fact]
    public void A_candidate_already_registered_with_the_same_details_and_enrolment_is_unchanged()
    {
        var id = Guid.NewGuid();
        var facts = Facts([new ExistingCandidate(id, "ANN", "lee", new DateOnly(2004, 3, 27), Uln1, "0042", "ann@mail.test")], [new ExistingEnrolment(id, "03456")], new HashSet<string> { "ANN@MAIL.TEST" });
        var plan = Check(Row(email: "ann@mail.test", qual: "03456", units: "F3", number: "0042"), facts);
        Assert.Empty(plan.Problems);
        var row = Assert.Single(plan.Rows);
        Assert.True(row.IsUnchanged);
        Assert.Equal(id, row.CandidateId);
        Assert.Contains(row.Notes, n => n.StartsWith("Already enrolled on 03456", StringComparison.Ordinal));
        Assert.Equal(new ImportCounts(1, 0, 0, 0, 1, 0, 0), plan.Counts);
    }

    [Fact]
    public void A_temporary_uln_row_matches_by_name_and_date_of_birth_and_a_real_uln_replaces_a_temporary_one()
    {
        var id = Guid.NewGuid();
        var facts = Facts([new ExistingCandidate(id, "Ann", "Lee", new DateOnly(2004, 3, 27), Uln.Temporary, null, null)]);
        var same = Assert.Single(Check(Row(uln: Uln.Temporary), facts).Rows);
        Assert.Equal((id, true), (same.CandidateId, same.IsUnchanged));

        var issued = Assert.Single(Check(Row(number: "77", email: "ann@mail.test"), facts).Rows);
        Assert.Equal((id, CandidateChange.Update, true, true, "ann@mail.test"), (issued.CandidateId, issued.Change, issued.SetUln, issued.SetCandidateNumber, issued.Invite));
    }

    [Fact]
    public void An_existing_candidate_enrolled_on_another_qualification_is_enrolled()
    {
        var id = Guid.NewGuid();
        var facts = Facts([new ExistingCandidate(id, "Ann", "Lee", new DateOnly(2004, 3, 27), Uln1, null, null)], [new ExistingEnrolment(id, "CTL2-CS")]);
        var row = Assert.Single(Check(Row(qual: "03456", units: Units), facts).Rows);
        Assert.Equal((CandidateChange.None, "03456"), (row.Change, row.Enrol?.Qualification.Code));
    }

    [Fact]
    public void Headings_from_mis_exports_are_matched_whatever_their_case_and_punctuation()
    {
        string[] header = ["First name", "FAMILY_NAME", "Date of Birth", "uln", "E-mail", "Candidate No.", "Qualification", "Unit codes", "Assessor", "Planned End Date", "Tutor group", "Surname"];
        Assert.Equal(
            [ImportField.GivenName, ImportField.FamilyName, ImportField.DateOfBirth, ImportField.Uln, ImportField.Email, ImportField.CandidateNumber, ImportField.Qualification,
             ImportField.Units, ImportField.Assessor, ImportField.PlannedEnd, ImportField.Ignore, ImportField.Ignore],
            ImportColumns.Guess(header).Columns);
        Assert.Equal(ImportField.GivenName, ImportColumns.Match("Given name"));
        Assert.Equal(ImportField.FamilyName, ImportColumns.Match("Last name"));
        Assert.Equal(ImportField.DateOfBirth, ImportColumns.Match("DOB"));
        Assert.Equal(ImportField.CandidateNumber, ImportColumns.Match("AB candidate no"));
        Assert.Equal(ImportField.Qualification, ImportColumns.Match("Qual code"));
        Assert.Equal(ImportField.Assessor, ImportColumns.Match("Assessor email"));
        Assert.Equal(ImportField.PlannedEnd, ImportColumns.Match("Expected end date"));
        Assert.Equal(ImportField.GivenName, ImportColumns.Match("Forename"));
    }

    [Fact]
    public void A_mapping_must_name_the_four_required_columns_once_each_and_a_qualification_for_enrolment_columns()
    {
        string[] header = ["A", "B", "C", "D"];
        var problems = ImportColumns.Check(new ImportMapping([ImportField.GivenName, ImportField.GivenName, ImportField.Units, ImportField.Ignore]), header);
        Assert.Contains(problems, p => p.Message.Contains("family name", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("date of birth", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("ULN", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Column == 1 && p.Message.StartsWith("Given name is chosen for 2 columns (\"A\" and \"B\")", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Column == 2 && p.Message.Contains("qualification code too", StringComparison.Ordinal));
        Assert.Empty(ImportColumns.Check(new ImportMapping([ImportField.GivenName, ImportField.FamilyName, ImportField.DateOfBirth, ImportField.Uln]), header));
    }

    [Fact]
    public void The_registration_form_and_the_import_share_one_set_of_rules()
    {
        Assert.Empty(CandidateDetails.Check("Ann", "Lee", new DateOnly(2004, 3, 27), "1234567899", "0042", "ann@mail.test", Today));
        Assert.Equal(
            [CandidateDetails.Fields.GivenName, CandidateDetails.Fields.FamilyName, CandidateDetails.Fields.DateOfBirth, CandidateDetails.Fields.Uln, CandidateDetails.Fields.CandidateNumber, CandidateDetails.Fields.Email],
            CandidateDetails.Check(" ", new string('x', 101), Today.AddDays(1), "1234567898", new string('9', 21), "nope", Today).Select(r => r.Field));
    }
}

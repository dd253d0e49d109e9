using System.Globalization;
using Attest.Core.Portfolios;
using Attest.Core.Qualifications;

namespace Attest.Core.Centres.Import;

/// <summary>A candidate already registered at the centre, with the address of their account if they have one.</summary>
public sealed record ExistingCandidate(Guid Id, string GivenName, string FamilyName, DateOnly DateOfBirth, string Uln, string? CandidateNumber, string? AccountEmail);

public sealed record ExistingEnrolment(Guid CandidateId, string QualificationCode);

/// <summary>A member of staff of the centre in the assessor role, active or not.</summary>
public sealed record AssessorFact(Guid Id, string Name, string Email, bool Active);

/// <summary>
/// What the check needs to know about the centre and the deployment: today (the registration date of every enrolment),
/// the candidates and enrolments already there, the addresses any account already uses (in any centre, upper case as
/// Identity normalises them), the centre's assessors, and an EQA's registration hold if one is in force.
/// </summary>
public sealed record ImportFacts(
    DateOnly Today, DateTime Now, string? RegistrationHold, IReadOnlyList<ExistingCandidate> Candidates, IReadOnlyList<ExistingEnrolment> Enrolments,
    IReadOnlySet<string> UsedEmails, IReadOnlyList<AssessorFact> Assessors)
{
    public static string NormaliseEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().Normalize().ToUpperInvariant(); // as Identity's UpperInvariantLookupNormalizer
    }
}

public enum CandidateChange { Register, Update, None }

public sealed record PlannedEnrolment(QualificationSpec Qualification, IReadOnlyList<string> Units, AssessorFact? Assessor, DateOnly? PlannedEnd);

/// <summary>
/// What the import will do with one row: register a new candidate or change an existing one (a real ULN in place of the
/// temporary one, a candidate number where there was none, an account), and enrol them; with notes on what it leaves as it is.
/// </summary>
public sealed record PlannedRow(
    int Row, CandidateChange Change, Guid? CandidateId, string GivenName, string FamilyName, DateOnly DateOfBirth, string Uln, string? CandidateNumber,
    bool SetUln, bool SetCandidateNumber, string? Invite, PlannedEnrolment? Enrol, IReadOnlyList<string> Notes)
{
    public string FullName => $"{GivenName} {FamilyName}";

    public bool IsUnchanged => Change == CandidateChange.None && Enrol is null;
}

public sealed record ImportCounts(int Rows, int Register, int Update, int Enrol, int Unchanged, int Invitations, int RowsWithProblems)
{
    /// <summary>What was done, for the import's record: "12 registered (12 invited to sign in), 12 enrolled, 40 unchanged".</summary>
    public string Done() =>
        $"{Register} registered{(Invitations > 0 ? $" ({Invitations} invited to sign in)" : "")}, {Update} updated, {Enrol} enrolled, {Unchanged} unchanged, from {Rows} row{(Rows == 1 ? "" : "s")}";
}

/// <summary>The outcome of checking a file: every problem, and what each row without one will do (the file is imported only when there are none).</summary>
public sealed record ImportPlan(IReadOnlyList<ImportProblem> Problems, IReadOnlyList<PlannedRow> Rows, ImportCounts Counts)
{
    public bool CanImport => Problems.Count == 0;
}

/// <summary>
/// Checks a file of candidates against the centre, with no I/O: every row's details by <see cref="CandidateDetails.Check"/>
/// (the rules of the registration form), dates, formulas, duplicates within the file, a ULN already registered to someone
/// else, an address already used by an account, the qualification, the assessor, and each new enrolment by
/// <see cref="Enrolment.Create"/> and <see cref="Enrolment.PlanEnd"/> (the rules of the enrolment form). Rows are matched
/// to registered candidates by ULN, or, with the temporary ULN, by name and date of birth; a registered candidate
/// with the same details and an enrolment already on the qualification is left unchanged, so importing a file twice does
/// nothing the second time.
/// </summary>
public static class CandidateImportCheck
{
    private const string FormulaStart = "=+-@\t\r";

    public static ImportPlan Check(ImportTable table, ImportMapping mapping, ImportFacts facts, Catalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(catalogue);
        if (ImportColumns.Check(mapping, table.Header).Count > 0)
        {
            throw new ArgumentException("The mapping must be checked with ImportColumns.Check first.", nameof(mapping));
        }

        var state = new State(table, mapping, facts, catalogue);
        var problems = new List<ImportProblem>(table.FileProblems);
        var planned = new List<PlannedRow>();
        foreach (var row in table.Rows)
        {
            var rowProblems = new List<ImportProblem>();
            var plan = CheckRow(row, state, rowProblems);
            problems.AddRange(rowProblems);
            if (rowProblems.Count == 0 && plan is not null)
            {
                planned.Add(plan);
            }
        }

        var order = mapping.Columns.Select((_, i) => ImportTable.ColumnName(table.Header, i)).ToList();
        problems = [.. problems.OrderBy(p => p.Row).ThenBy(p => p.Column.Length == 0 ? -1 : order.IndexOf(p.Column))];
        var withProblems = problems.Select(p => p.Row).Distinct().Count();
        var counts = new ImportCounts(
            table.Rows.Count,
            planned.Count(p => p.Change == CandidateChange.Register),
            planned.Count(p => p.Change == CandidateChange.Update),
            planned.Count(p => p.Enrol is not null),
            planned.Count(p => p.IsUnchanged),
            planned.Count(p => p.Invite is not null),
            withProblems);
        return new ImportPlan(problems, planned, counts);
    }

    private static PlannedRow? CheckRow(ImportRow row, State state, List<ImportProblem> problems)
    {
        var facts = state.Facts;
        void Problem(ImportField field, string reason) => problems.Add(new ImportProblem(row.Number, state.ColumnName(field), reason));

        // Cells a spreadsheet computed are not data the MIS holds: never read, always reported.
        var formulas = new HashSet<ImportField>();
        foreach (var (field, column) in state.Mapped)
        {
            if (row.IsFormula(column))
            {
                formulas.Add(field);
                Problem(field, "The cell holds a spreadsheet formula, not a value. Export values from the MIS, or paste the column as values only in Excel.");
            }
        }

        string Cell(ImportField field) => formulas.Contains(field) || state.ColumnOf(field) is var column && column < 0 ? string.Empty : row.Cell(column);

        var given = Cell(ImportField.GivenName);
        var family = Cell(ImportField.FamilyName);
        var uln = Cell(ImportField.Uln);
        var email = Cell(ImportField.Email);
        var candidateNumber = Cell(ImportField.CandidateNumber);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in new[] { ImportField.GivenName, ImportField.FamilyName })
        {
            var column = state.ColumnOf(field);
            var raw = column < row.Cells.Count ? row.Cells[column] : string.Empty;
            var trimmed = raw.Trim();
            if (!formulas.Contains(field) && ((raw.Length > 0 && FormulaStart.Contains(raw[0], StringComparison.Ordinal)) || (trimmed.Length > 0 && FormulaStart.Contains(trimmed[0], StringComparison.Ordinal))))
            {
                var first = raw.Length > 0 && raw[0] is '\t' or '\r' ? raw[0] == '\t' ? "a tab" : "a line break" : $"\"{trimmed[0]}\"";
                Problem(field, $"Starts with {first}, as a spreadsheet formula does; a name cannot start with = + - @, a tab or a line break. Correct the name in the MIS.");
                reported.Add(field == ImportField.GivenName ? CandidateDetails.Fields.GivenName : CandidateDetails.Fields.FamilyName);
            }
        }

        var (dob, dobProblem) = formulas.Contains(ImportField.DateOfBirth) ? (null, null) : ImportDates.Parse(Cell(ImportField.DateOfBirth), state.ExcelSerials);
        if (dobProblem is not null)
        {
            Problem(ImportField.DateOfBirth, dobProblem);
        }

        if (dobProblem is not null || formulas.Contains(ImportField.DateOfBirth))
        {
            reported.Add(CandidateDetails.Fields.DateOfBirth);
        }

        foreach (var (field, message) in CandidateDetails.Check(given, family, dob, uln, candidateNumber, email, facts.Today))
        {
            var importField = field switch
            {
                CandidateDetails.Fields.GivenName => ImportField.GivenName,
                CandidateDetails.Fields.FamilyName => ImportField.FamilyName,
                CandidateDetails.Fields.DateOfBirth => ImportField.DateOfBirth,
                CandidateDetails.Fields.Uln => ImportField.Uln,
                CandidateDetails.Fields.CandidateNumber => ImportField.CandidateNumber,
                _ => ImportField.Email,
            };
            if (!reported.Contains(field) && !formulas.Contains(importField))
            {
                Problem(importField, message);
                reported.Add(field);
            }
        }

        var detailsOk = !reported.Overlaps([CandidateDetails.Fields.GivenName, CandidateDetails.Fields.FamilyName, CandidateDetails.Fields.DateOfBirth, CandidateDetails.Fields.Uln]);
        var emailOk = email.Length > 0 && !reported.Contains(CandidateDetails.Fields.Email) && !formulas.Contains(ImportField.Email);

        // Within the file: one row per candidate, one address per account.
        var temporary = uln == Uln.Temporary;
        if (detailsOk && !temporary && state.FirstRowWithUln.TryGetValue(uln, out var ulnRow))
        {
            Problem(ImportField.Uln, $"ULN {uln} is also on row {ulnRow}: each candidate can be on one row only.");
        }
        else if (detailsOk && !temporary)
        {
            state.FirstRowWithUln[uln] = row.Number;
        }

        var person = PersonKey(given, family, dob);
        if (detailsOk && temporary && state.FirstRowWithPerson.TryGetValue(person, out var personRow))
        {
            Problem(ImportField.Uln, $"The same person (name and date of birth, with the temporary ULN) is also on row {personRow}: each candidate can be on one row only.");
        }
        else if (detailsOk && temporary)
        {
            state.FirstRowWithPerson[person] = row.Number;
        }

        var normalisedEmail = emailOk ? ImportFacts.NormaliseEmail(email) : null;
        if (normalisedEmail is not null && state.FirstRowWithEmail.TryGetValue(normalisedEmail, out var emailRow))
        {
            Problem(ImportField.Email, $"This email address is also on row {emailRow}: each account needs its own address.");
            normalisedEmail = null;
        }
        else if (normalisedEmail is not null)
        {
            state.FirstRowWithEmail[normalisedEmail] = row.Number;
        }

        // Against the centre: who this row is.
        ExistingCandidate? existing = null;
        var setUln = false;
        if (detailsOk && !temporary && state.ByUln.TryGetValue(uln, out var sameUln))
        {
            existing = sameUln.FirstOrDefault(c => SamePerson(c, given, family, dob!.Value));
            if (existing is null)
            {
                var other = sameUln[0];
                Problem(ImportField.Uln, $"ULN {uln} is already registered at this centre to {other.GivenName} {other.FamilyName}, whose name or date of birth differ from this row's. Check the ULN, or correct the candidate's details.");
            }
        }
        else if (detailsOk && state.ByPerson.TryGetValue(person, out var samePerson))
        {
            var candidates = temporary ? samePerson : [.. samePerson.Where(c => c.Uln == Uln.Temporary)];
            if (candidates.Count > 1)
            {
                Problem(ImportField.Uln, $"{candidates.Count} candidates at this centre have this name and date of birth{(temporary ? "" : " and the temporary ULN")}: give them their ULNs on the Candidates page first, so the import can tell them apart.");
            }
            else if (candidates.Count == 1)
            {
                existing = candidates[0];
                setUln = !temporary;
            }
        }

        var notes = new List<string>();
        if (setUln)
        {
            notes.Add($"ULN {uln} replaces the temporary ULN.");
        }

        // Accounts: an address used by any account, in any centre, is refused (saying no more), unless it is this candidate's own.
        string? invite = null;
        if (normalisedEmail is not null && existing?.AccountEmail is string accountEmail)
        {
            if (ImportFacts.NormaliseEmail(accountEmail) != normalisedEmail)
            {
                notes.Add($"Has an account with another email address ({accountEmail}); the import leaves it as it is.");
            }
        }
        else if (normalisedEmail is not null && facts.UsedEmails.Contains(normalisedEmail))
        {
            Problem(ImportField.Email, "This email address is already used for an Attest account, so it cannot be used for another. Ask the candidate for a different address, or leave the cell empty.");
        }
        else if (normalisedEmail is not null)
        {
            invite = email;
        }

        var setCandidateNumber = false;
        if (existing is not null && candidateNumber.Length > 0 && !reported.Contains(CandidateDetails.Fields.CandidateNumber))
        {
            if (existing.CandidateNumber is null)
            {
                setCandidateNumber = true;
            }
            else if (!string.Equals(existing.CandidateNumber, candidateNumber, StringComparison.OrdinalIgnoreCase))
            {
                notes.Add($"Candidate number {candidateNumber} differs from the one registered ({existing.CandidateNumber}); the import leaves it as registered.");
            }
        }

        var enrol = CheckEnrolment(row, state, existing, Cell, Problem, notes);
        if (problems.Count > 0 || !detailsOk)
        {
            return null;
        }

        var change = existing is null ? CandidateChange.Register : setUln || setCandidateNumber || invite is not null ? CandidateChange.Update : CandidateChange.None;
        return new PlannedRow(row.Number, change, existing?.Id, given, family, dob!.Value, uln, candidateNumber.Length == 0 ? null : candidateNumber, setUln, setCandidateNumber, invite, enrol, notes);
    }

    private static PlannedEnrolment? CheckEnrolment(ImportRow row, State state, ExistingCandidate? existing, Func<ImportField, string> cell, Action<ImportField, string> problem, List<string> notes)
    {
        var code = cell(ImportField.Qualification);
        var unitsText = cell(ImportField.Units);
        var assessorText = cell(ImportField.Assessor);
        var endText = cell(ImportField.PlannedEnd);
        if (code.Length == 0)
        {
            foreach (var (field, text) in new[] { (ImportField.Units, unitsText), (ImportField.Assessor, assessorText), (ImportField.PlannedEnd, endText) })
            {
                if (text.Length > 0)
                {
                    problem(field, $"{ImportColumns.Describe(field)} belong{(field == ImportField.Units ? "" : "s")} to an enrolment, but the row has no qualification code. Add the code, or leave this cell empty.");
                }
            }

            return null;
        }

        var facts = state.Facts;
        var qualification = state.Catalogue.Find(code);
        if (qualification is null)
        {
            problem(ImportField.Qualification, $"No qualification in the catalogue has the code {code}. Use the awarding body's qualification number, as the Qualifications page lists it.");
        }

        AssessorFact? assessor = null;
        if (assessorText.Length > 0)
        {
            var key = ImportFacts.NormaliseEmail(assessorText);
            assessor = facts.Assessors.FirstOrDefault(a => ImportFacts.NormaliseEmail(a.Email) == key);
            if (assessor is null)
            {
                problem(ImportField.Assessor, assessorText.Contains('@', StringComparison.Ordinal)
                    ? $"No assessor at this centre signs in with {assessorText}. Check the address, or add the assessor on the Staff page first."
                    : "Give the assessor's email address (the one they sign in with), not their name.");
            }
            else if (!assessor.Active)
            {
                problem(ImportField.Assessor, $"{assessor.Name}'s account is deactivated, so they cannot be given candidates. Choose an active assessor.");
                assessor = null;
            }
        }

        var (plannedEnd, endProblem) = ImportDates.Parse(endText, state.ExcelSerials);
        if (endProblem is not null)
        {
            problem(ImportField.PlannedEnd, endProblem);
        }

        if (qualification is null)
        {
            return null;
        }

        if (existing is not null && state.Enrolled.Contains((existing.Id, qualification.Code.ToUpperInvariant())))
        {
            notes.Add($"Already enrolled on {qualification.DisplayName}; the enrolment is left as it is.");
            return null;
        }

        // The enrolment form's own rules (registration window, EQA hold, rules of combination), with today as the registration date.
        var units = unitsText.Split([',', ';', '|', ' ', '\t', '\n', '\r', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var ruleField = state.Mapping.Has(ImportField.Units) ? ImportField.Units : ImportField.Qualification;
        try
        {
            var enrolment = Enrolment.Create(Guid.Empty, Guid.Empty, qualification, units, facts.Today, facts.Now, registrationHold: facts.RegistrationHold);
            if (endProblem is null)
            {
                try
                {
                    enrolment.PlanEnd(plannedEnd);
                }
                catch (DomainRuleException rule)
                {
                    foreach (var reason in rule.Reasons)
                    {
                        problem(ImportField.PlannedEnd, reason);
                    }
                }
            }

            return new PlannedEnrolment(qualification, enrolment.Units.Select(u => u.UnitCode).ToList(), assessor, plannedEnd);
        }
        catch (DomainRuleException rule)
        {
            foreach (var reason in rule.Reasons)
            {
                problem(ruleField, reason);
            }

            return null;
        }
    }

    private static bool SamePerson(ExistingCandidate candidate, string given, string family, DateOnly dob) =>
        Key(candidate.GivenName) == Key(given) && Key(candidate.FamilyName) == Key(family) && candidate.DateOfBirth == dob;

    private static string PersonKey(string given, string family, DateOnly? dob) =>
        string.Create(CultureInfo.InvariantCulture, $"{Key(given)}|{Key(family)}|{dob:yyyy-MM-dd}");

    /// <summary>A name compared without regard to case or runs of spaces.</summary>
    private static string Key(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    private sealed class State
    {
        public State(ImportTable table, ImportMapping mapping, ImportFacts facts, Catalogue catalogue)
        {
            Table = table;
            Mapping = mapping;
            Facts = facts;
            Catalogue = catalogue;
            ExcelSerials = table.Format == ImportFormat.Xlsx;
            Mapped = [.. mapping.Columns.Select((field, column) => (field, column)).Where(c => c.field != ImportField.Ignore)];
            ByUln = facts.Candidates.Where(c => c.Uln != Uln.Temporary).GroupBy(c => c.Uln, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            ByPerson = facts.Candidates.GroupBy(c => PersonKey(c.GivenName, c.FamilyName, c.DateOfBirth), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            Enrolled = [.. facts.Enrolments.Select(e => (e.CandidateId, e.QualificationCode.ToUpperInvariant()))];
        }

        public ImportTable Table { get; }

        public ImportMapping Mapping { get; }

        public ImportFacts Facts { get; }

        public Catalogue Catalogue { get; }

        public bool ExcelSerials { get; }

        public IReadOnlyList<(ImportField Field, int Column)> Mapped { get; }

        public Dictionary<string, List<ExistingCandidate>> ByUln { get; }

        public Dictionary<string, List<ExistingCandidate>> ByPerson { get; }

        public HashSet<(Guid, string)> Enrolled { get; }

        public Dictionary<string, int> FirstRowWithUln { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> FirstRowWithPerson { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> FirstRowWithEmail { get; } = new(StringComparer.Ordinal);

        public int ColumnOf(ImportField field) => Mapping.ColumnOf(field);

        public string ColumnName(ImportField field) => ColumnOf(field) is var column && column >= 0 ? ImportTable.ColumnName(Table.Header, column) : string.Empty;
    }
}

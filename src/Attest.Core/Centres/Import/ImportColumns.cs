namespace Attest.Core.Centres.Import;

/// <summary>What a column of the file holds. <see cref="Ignore"/> columns are not read.</summary>
public enum ImportField
{
    Ignore,
    GivenName,
    FamilyName,
    DateOfBirth,
    Uln,
    Email,
    CandidateNumber,
    Qualification,
    Units,
    Assessor,
    PlannedEnd,
}

/// <summary>Which field each column of the file holds, by column, as the administrator chose (or <see cref="ImportColumns.Guess"/> did).</summary>
public sealed record ImportMapping(IReadOnlyList<ImportField> Columns)
{
    /// <summary>The column holding a field, or -1.</summary>
    public int ColumnOf(ImportField field)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i] == field)
            {
                return i;
            }
        }

        return -1;
    }

    public bool Has(ImportField field) => ColumnOf(field) >= 0;
}

/// <summary>
/// Matching a file's headings to Attest's fields, by the names college MIS exports use (ILR names such as GivenNames and
/// LearnPlanEndDate, and the usual spreadsheet ones), ignoring case, spaces and punctuation; and the rules a mapping must meet.
/// </summary>
public static class ImportColumns
{
    public static readonly IReadOnlyList<ImportField> Required = [ImportField.GivenName, ImportField.FamilyName, ImportField.DateOfBirth, ImportField.Uln];

    /// <summary>The fields that describe an enrolment, which need a qualification.</summary>
    public static readonly IReadOnlyList<ImportField> EnrolmentFields = [ImportField.Units, ImportField.Assessor, ImportField.PlannedEnd];

    private static readonly Dictionary<string, ImportField> Names = Build(
        (ImportField.GivenName, ["forename", "forenames", "firstname", "firstnames", "givenname", "givennames", "first", "learnerforename", "learnerfirstname", "learnergivenname", "learnergivennames", "studentforename", "studentfirstname", "legalforename"]),
        (ImportField.FamilyName, ["surname", "lastname", "familyname", "last", "learnersurname", "learnerlastname", "learnerfamilyname", "studentsurname", "studentlastname", "legalsurname"]),
        (ImportField.DateOfBirth, ["dob", "dateofbirth", "birthdate", "birthday", "learnerdob", "learnerdateofbirth", "studentdob", "studentdateofbirth"]),
        (ImportField.Uln, ["uln", "uniquelearnernumber", "learneruln", "studentuln", "ulnnumber"]),
        (ImportField.Email, ["email", "emailaddress", "learneremail", "learneremailaddress", "studentemail", "studentemailaddress", "personalemail"]),
        (ImportField.CandidateNumber, ["candidatenumber", "candidateno", "candidatenum", "abcandidateno", "abcandidatenumber", "awardingbodycandidatenumber", "awardingbodycandidateno", "candno"]),
        (ImportField.Qualification, ["qualification", "qualificationcode", "qualcode", "qual", "qualificationnumber", "qualificationno", "awardingbodyqualificationcode"]),
        (ImportField.Units, ["units", "unit", "unitcodes", "unitcode", "optionalunits", "chosenunits", "unitschosen"]),
        (ImportField.Assessor, ["assessor", "assessoremail", "assessoremailaddress", "assessorsemail"]),
        (ImportField.PlannedEnd, ["plannedend", "plannedenddate", "expectedend", "expectedenddate", "learnplanenddate", "plannedcompletion", "plannedcompletiondate", "expectedcompletiondate", "enddate"]));

    /// <summary>The field a heading names, or <see cref="ImportField.Ignore"/>.</summary>
    public static ImportField Match(string heading) => Names.TryGetValue(Normalise(heading), out var field) ? field : ImportField.Ignore;

    /// <summary>A first mapping for a file: each heading matched by name; when two headings name one field, the first keeps it.</summary>
    public static ImportMapping Guess(IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var taken = new HashSet<ImportField>();
        return new ImportMapping([.. header.Select(h => Match(h) is var field && field != ImportField.Ignore && taken.Add(field) ? field : ImportField.Ignore)]);
    }

    /// <summary>What is wrong with a mapping, each with the column it concerns (-1 for the mapping as a whole); none when it can be used.</summary>
    public static IReadOnlyList<(int Column, string Message)> Check(ImportMapping mapping, IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(header);
        var problems = new List<(int, string)>();
        if (mapping.Columns.Count != header.Count)
        {
            return [(-1, "Choose what each column holds.")];
        }

        foreach (var field in Required.Where(f => !mapping.Has(f)))
        {
            problems.Add((-1, $"Choose the column that holds the candidates' {(field == ImportField.Uln ? "ULN" : Describe(field).ToLowerInvariant())}: every candidate needs one."));
        }

        foreach (var group in mapping.Columns.Select((field, column) => (field, column)).Where(c => c.field != ImportField.Ignore).GroupBy(c => c.field).Where(g => g.Count() > 1))
        {
            var columns = group.Select(c => $"\"{ImportTable.ColumnName(header, c.column)}\"").ToList();
            problems.Add((group.Skip(1).First().column, $"{Describe(group.Key)} is chosen for {columns.Count} columns ({string.Join(" and ", columns)}): choose it for one only, and \"Do not import\" for the others."));
        }

        if (!mapping.Has(ImportField.Qualification))
        {
            foreach (var field in EnrolmentFields.Where(mapping.Has))
            {
                problems.Add((mapping.ColumnOf(field), $"{Describe(field)} is part of an enrolment: choose the column that holds the qualification code too, or \"Do not import\" for this one."));
            }
        }

        return problems;
    }

    public static string Describe(ImportField field) => field switch
    {
        ImportField.GivenName => "Given name",
        ImportField.FamilyName => "Family name",
        ImportField.DateOfBirth => "Date of birth",
        ImportField.Uln => "ULN",
        ImportField.Email => "Email address (for an account)",
        ImportField.CandidateNumber => "Awarding body candidate number",
        ImportField.Qualification => "Qualification code (to enrol)",
        ImportField.Units => "Unit codes",
        ImportField.Assessor => "Assessor's email address",
        ImportField.PlannedEnd => "Planned end date",
        _ => "Do not import",
    };

    /// <summary>A field from the name the mapping form posts; anything else is <see cref="ImportField.Ignore"/>.</summary>
    public static ImportField Parse(string? value) =>
        Enum.TryParse<ImportField>(value, ignoreCase: false, out var field) && Enum.IsDefined(field) && value is not null && !char.IsAsciiDigit(value[0]) ? field : ImportField.Ignore;

    private static string Normalise(string heading) => new([.. heading.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    private static Dictionary<string, ImportField> Build(params (ImportField Field, string[] Names)[] fields)
    {
        var names = new Dictionary<string, ImportField>(StringComparer.Ordinal);
        foreach (var (field, list) in fields)
        {
            foreach (var name in list)
            {
                names.Add(name, field);
            }
        }

        return names;
    }
}

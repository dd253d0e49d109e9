namespace Attest.Core.Centres.Import;

public enum ImportFormat { Csv, Xlsx }

/// <summary>One problem with the file, as the administrator will look for it: the row as in the file (the heading row is 1), the column by its heading, and why.</summary>
public sealed record ImportProblem(int Row, string Column, string Reason);

/// <summary>A row of the file: its number as a spreadsheet shows it (the heading row counts as 1, blank lines count), its cells as text, and which cells hold formulas (XLSX).</summary>
public sealed record ImportRow(int Number, IReadOnlyList<string> Cells, IReadOnlySet<int>? Formulas = null)
{
    /// <summary>The cell's text, trimmed; empty past the row's last cell.</summary>
    public string Cell(int column) => column < Cells.Count ? Cells[column].Trim() : string.Empty;

    public bool IsFormula(int column) => Formulas?.Contains(column) == true;
}

/// <summary>
/// A file of candidates read into text: its headings, its non-blank rows, and what was wrong with the file itself (a broken
/// quoted value, a value under no heading). Dates in an XLSX cell formatted as a date read as yyyy-MM-dd; other numbers as
/// they are, so an XLSX date of birth with no date format is an Excel serial number (<see cref="Format"/> says whether to accept one).
/// </summary>
public sealed record ImportTable(ImportFormat Format, IReadOnlyList<string> Header, IReadOnlyList<ImportRow> Rows, IReadOnlyList<ImportProblem> FileProblems)
{
    /// <summary>A column's name for messages: its heading, or its letter when it has none.</summary>
    public static string ColumnName(IReadOnlyList<string> header, int column)
    {
        ArgumentNullException.ThrowIfNull(header);
        return column < header.Count && header[column].Trim().Length > 0 ? header[column].Trim() : $"Column {Letters(column)} (no heading)";
    }

    /// <summary>A, B, ..., Z, AA, AB, ... for a zero-based column.</summary>
    public static string Letters(int column)
    {
        var letters = string.Empty;
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    /// <summary>A zero-based column from letters (the "C" of "C12"), or -1.</summary>
    public static int ColumnOf(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var column = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            column = (column * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
            letters++;
            if (letters > 3)
            {
                return -1;
            }
        }

        return letters == 0 ? -1 : column - 1;
    }
}

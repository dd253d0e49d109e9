using System.Text.RegularExpressions;

namespace Attest.Core.Portfolios.Hygiene;

/// <summary>One piece of possible personal data in a text: what to show, what to compare when deduplicating, and where it starts.</summary>
internal sealed record PersonalDataFinding(HygieneKind Kind, string Found, string Key, int Index);

/// <summary>
/// Patterns for third parties' personal data in free text (seed 000: "If you have included the personal details (such as
/// name, address or date of birth) of someone other than yourself in your work, this must be blanked out (anonymised)").
/// Each rule errs towards the shapes a candidate's own account would not contain: times, money, activity dates and
/// order or reference numbers are left alone.
/// </summary>
internal static partial class PersonalData
{
    // Words that follow a title in everyday phrases and brands rather than in a person's name.
    private static readonly HashSet<string> NotSurnames = new(StringComparer.Ordinal)
    {
        "Men", "Right", "Wrong", "Nobody", "Who", "Out", "Pepper", "Martens", "Kipling", "Muscle", "Sheen", "Motivator",
    };

    public static IEnumerable<PersonalDataFinding> Find(string text, HygieneContext context)
    {
        foreach (Match m in Title().Matches(text))
        {
            var surname = m.Groups["surname"].Value;
            if (!NotSurnames.Contains(surname) && !IsKnownName(surname, context))
            {
                yield return new(HygieneKind.ThirdPartyName, Collapse(m.Value), Collapse(m.Value), m.Index);
            }
        }

        foreach (Match m in Email().Matches(text))
        {
            var key = ContactKey(m.Value);
            if (!IsKnownContact(key, context))
            {
                yield return new(HygieneKind.Email, m.Value, key, m.Index);
            }
        }

        foreach (Match m in Phone().Matches(text))
        {
            var digits = NationalDigits(m.Value);
            if (IsUkNumber(digits) && !FollowsReferenceLabel(text, m.Index) && !IsKnownContact(digits, context))
            {
                yield return new(HygieneKind.PhoneNumber, m.Value.Trim(), digits, m.Index);
            }
        }

        foreach (Match m in Postcode().Matches(text))
        {
            yield return new(HygieneKind.Postcode, m.Value, m.Value.Replace(" ", "", StringComparison.Ordinal), m.Index);
        }

        foreach (Match m in BirthDate().Matches(text))
        {
            yield return new(HygieneKind.DateOfBirth, Collapse(m.Value), m.Groups["date"].Value.ToUpperInvariant(), m.Index);
        }

        foreach (Match m in NationalInsurance().Matches(text))
        {
            var prefix = m.Groups["prefix"].Value.ToUpperInvariant();
            if (!InvalidNiPrefixes.Contains(prefix))
            {
                yield return new(HygieneKind.NationalInsuranceNumber, Mask(m.Value), Alphanumerics(m.Value).ToUpperInvariant(), m.Index);
            }
        }

        foreach (Match m in CardNumber().Matches(text))
        {
            var digits = Digits(m.Value);
            if (digits.Length is >= 13 and <= 19 && LuhnValid(digits) && !FollowsReferenceLabel(text, m.Index))
            {
                yield return new(HygieneKind.PaymentCardNumber, Mask(m.Value), digits, m.Index);
            }
        }
    }

    // HMRC never issues these prefixes (and none starting D, F, I, Q, U or V, or with O second, which the pattern excludes).
    private static readonly HashSet<string> InvalidNiPrefixes = new(StringComparer.Ordinal) { "BG", "GB", "NK", "KN", "TN", "NT", "ZZ" };

    private static bool IsKnownName(string surname, HygieneContext context) =>
        context.KnownNames.Any(name => name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(word => string.Equals(word, surname, StringComparison.OrdinalIgnoreCase)));

    private static bool IsKnownContact(string key, HygieneContext context) =>
        context.KnownContacts.Any(c => ContactKey(c) == key);

    /// <summary>An email address compared without case; a phone number by its national digits, however it was spaced.</summary>
    private static string ContactKey(string contact) =>
        contact.Contains('@', StringComparison.Ordinal) ? contact.Trim().ToUpperInvariant() : NationalDigits(contact);

    // UK numbers: 11 digits from 01, 02, 03, 07 or 08 (geographic, non-geographic, mobile), or 10 digits for some 01 areas.
    private static bool IsUkNumber(string digits) =>
        (digits.Length == 11 && digits[0] == '0' && digits[1] is '1' or '2' or '3' or '7' or '8')
        || (digits.Length == 10 && digits.StartsWith("01", StringComparison.Ordinal));

    // +44 7700 900123 and +44 (0)7700 900123 are both 07700 900123.
    private static string NationalDigits(string value)
    {
        var digits = Digits(value);
        if (!value.TrimStart().StartsWith('+') && !digits.StartsWith("0044", StringComparison.Ordinal))
        {
            return digits;
        }

        var national = digits[(digits.IndexOf("44", StringComparison.Ordinal) + 2)..];
        return "0" + (national.StartsWith('0') ? national[1..] : national);
    }

    // "Order no. 07700 900123" or "ref: 4111 ..." is a reference the candidate quotes, not a phone or card.
    private static bool FollowsReferenceLabel(string text, int index)
    {
        var start = Math.Max(0, index - 40);
        return ReferenceLabel().IsMatch(text.AsSpan(start, index - start));
    }

    private static bool LuhnValid(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum % 10 == 0;
    }

    /// <summary>Masks every letter and digit except the last four, keeping the separators so the candidate can recognise it.</summary>
    private static string Mask(string value)
    {
        var keep = 4;
        var chars = value.Trim().ToCharArray();
        for (var i = chars.Length - 1; i >= 0; i--)
        {
            if (char.IsLetterOrDigit(chars[i]))
            {
                if (keep > 0)
                {
                    keep--;
                }
                else
                {
                    chars[i] = '*';
                }
            }
        }

        return new string(chars);
    }

    private static string Digits(string value) => string.Concat(value.Where(char.IsAsciiDigit));

    private static string Alphanumerics(string value) => string.Concat(value.Where(char.IsAsciiLetterOrDigit));

    private static string Collapse(string value) => Whitespace().Replace(value.Trim(), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // A title, an optional first name or initial, and a capitalised surname: "Mrs Patel", "Dr J. O'Neill", "Mr Tom Reed".
    [GeneratedRegex(@"\b(?:Mr|Mrs|Ms|Miss|Dr|Mx)\.?[ \t\u00A0]+(?:(?:[A-Z]\.?|[A-Z][a-z]+)[ \t\u00A0]+)?(?<surname>(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")]
    private static partial Regex Title();

    [GeneratedRegex(@"(?<![\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")]
    private static partial Regex Email();

    // +44 7700 900123, +44 (0)20 7946 0000, (01632) 960 001, 07700-900-123. No dots or slashes, so dates, times and money never match.
    [GeneratedRegex(@"(?<![\w+])(?:(?:\+|00)44[ \u00A0]?(?:\(0\)[ \u00A0]?)?|\(?0)\d(?:\)?[ \u00A0\-–]?\d){8,9}(?![\w])")]
    private static partial Regex Phone();

    // The Royal Mail formats (A9 9AA, A99 9AA, AA9 9AA, AA99 9AA, A9A 9AA, AA9A 9AA) with the letters each position allows.
    // Capitals only: "A1 2nd floor" is not a postcode.
    [GeneratedRegex(@"\b(?:[A-PR-UWYZ](?:[0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY])[ \u00A0]?[0-9][ABD-HJLNP-UW-Z]{2})\b")]
    private static partial Regex Postcode();

    [GeneratedRegex(@"\b(?:D\.?[ ]?O\.?[ ]?B\b\.?|date[ \t]+of[ \t]+birth|birth[ \t]?date|born(?:[ \t]+on)?)[^\d\n]{0,12}?(?<date>\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)?[ \t]+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*,?[ \t]+\d{4}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*[ \t]+\d{1,2}(?:st|nd|rd|th)?,?[ \t]+\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex BirthDate();

    // First letter not D, F, I, Q, U, V; second not D, F, I, O, Q, U, V; six digits; suffix A-D. "QQ 12 34 56 C", the
    // example HMRC prints, is therefore not flagged.
    [GeneratedRegex(@"\b(?<prefix>[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])[ ]?\d{2}[ ]?\d{2}[ ]?\d{2}[ ]?[A-D]\b", RegexOptions.IgnoreCase)]
    private static partial Regex NationalInsurance();

    // Cards start 2-6 (Mastercard, Amex, Visa, Discover and others); 13-19 digits in groups separated by a space or dash.
    [GeneratedRegex(@"(?<![\d\w])[2-6](?:[ \-]?\d){12,18}(?![\d\w])")]
    private static partial Regex CardNumber();

    [GeneratedRegex(@"\b(?:order|ref|reference|invoice|account|acct|receipt|booking|ticket|case|transaction|tracking|serial|job|item|product|part)\b[ \t]*(?:no\.?|number|num|#)?[ \t]*[:.#\-]?[ \t]*$", RegexOptions.IgnoreCase)]
    private static partial Regex ReferenceLabel();
}

namespace Attest.Core.Centres;

/// <summary>
/// Unique learner number: 10 digits, the first never 0; the last is a check digit equal to
/// 10 - (sum of the first nine digits weighted 10, 9, ..., 2, mod 11), and a remainder of 0 makes the
/// number invalid (the ESFA ILR rule). 9999999999 is the temporary ULN used before one is issued.
/// </summary>
public static class Uln
{
    public const string Temporary = "9999999999";

    /// <summary>Returns null when valid, else the reason in words a person can act on.</summary>
    public static string? Validate(string? value)
    {
        var uln = value?.Trim() ?? string.Empty;
        if (uln.Length != 10 || !uln.All(char.IsAsciiDigit))
        {
            return "ULN must be 10 digits";
        }

        if (uln == Temporary)
        {
            return null;
        }

        if (uln[0] == '0')
        {
            return "ULN cannot start with 0";
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (uln[i] - '0') * (10 - i);
        }

        var remainder = sum % 11;
        if (remainder == 0)
        {
            return "ULN is not valid: its check digit cannot be right (the weighted sum leaves no remainder)";
        }

        return uln[9] - '0' == 10 - remainder ? null : "ULN is not valid: the check digit (last digit) does not match; check it was typed correctly";
    }
}

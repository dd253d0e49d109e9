using System.Reflection;

namespace Attest.Core.Accounts;

/// <summary>
/// What a new password is checked against, per NIST SP 800-63B (rev. 4, 3.1.1.2): a minimum length of 15 (a password may
/// be someone's only factor), a generous maximum, no composition rules, and a list of common and breached passwords
/// shipped with the app (no network call), including easy variations of them (capitals, "l33t" letters, digits or
/// symbols added at either end, a word repeated), sequences, and words of the person's own name, email or the service.
/// </summary>
public static class PasswordScreen
{
    public const int MinimumLength = 15;
    public const int MaximumLength = 256;

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    private static readonly string[] Sequences =
    [
        "01234567890123456789", "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm", "qwertzuiopasdfghjklyxcvbnm",
        "azertyuiopqsdfghjklmwxcvbn", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p", "qazwsxedcrfvtgbyhnujmikolp",
    ];

    /// <summary>Why the password cannot be used, in words for the person choosing it, or null when it can.</summary>
    /// <param name="personal">Words of the person and the service: their email, name, the centre's name.</param>
    public static string? Problem(string? password, IEnumerable<string?> personal)
    {
        ArgumentNullException.ThrowIfNull(personal);
        password ??= string.Empty;
        if (password.Length < MinimumLength)
        {
            return $"Password must be at least {MinimumLength} characters. Three or four unrelated words make a long password that is easy to remember";
        }

        if (password.Length > MaximumLength)
        {
            return $"Password must be {MaximumLength} characters or fewer";
        }

        var lower = password.ToLowerInvariant();
        if (lower.Distinct().Count() < 5)
        {
            return "Password must use more than a few different characters: it is too easy to guess";
        }

        if (IsSequence(lower) || IsSequence(new string([.. lower.Reverse()])))
        {
            return "Password must not be a run of keys or numbers: it is too easy to guess";
        }

        if (IsCommon(lower))
        {
            return "Password is too common: it is on a list of passwords that have been leaked or are often guessed. Choose another, such as three or four unrelated words";
        }

        var words = personal.Append("attest").OfType<string>()
            .SelectMany(w => w.ToLowerInvariant().Split([' ', '@', '.', '-', '_', '\'', ','], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length >= 3).Distinct().OrderByDescending(w => w.Length).ToList();
        var rest = Unleet(Core(lower));
        foreach (var word in words)
        {
            rest = rest.Replace(word, string.Empty, StringComparison.Ordinal);
        }

        return rest.Count(char.IsLetterOrDigit) < 8
            ? "Password must not be built on your name, your email address or the name of the service: it is too easy to guess"
            : null;
    }

    /// <summary>On the list itself, or an easy variation of a listed password.</summary>
    internal static bool IsCommon(string lower)
    {
        var list = Common.Value;
        var core = Core(lower);
        var plain = Unleet(core);
        return new[] { lower, core, plain }.Any(c => c.Length > 0 && (list.Contains(c) || IsRepeat(c, list) || IsTwoListed(c, list)));
    }

    /// <summary>The password without the digits and symbols people pad a weak one with ("password123!" is "password").</summary>
    private static string Core(string lower) => lower.Trim(Padding);

    private static readonly char[] Padding = "0123456789!@#$%^&*()-_=+[]{};:'\",.<>/?\\|`~ ".ToCharArray();

    private static bool IsSequence(string lower) => lower.Length >= 6 && Sequences.Any(s => s.Contains(lower, StringComparison.Ordinal));

    /// <summary>A listed password written more than once ("passwordpassword").</summary>
    private static bool IsRepeat(string text, HashSet<string> list)
    {
        for (var size = 3; size <= text.Length / 2; size++)
        {
            if (text.Length % size == 0 && list.Contains(text[..size]) && Enumerable.Range(0, text.Length / size).All(i => text.AsSpan(i * size, size).SequenceEqual(text.AsSpan(0, size))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Two listed passwords run together ("monkeydragon"): three or more words are left alone, as a passphrase should be.</summary>
    private static bool IsTwoListed(string text, HashSet<string> list)
    {
        for (var split = 3; split <= text.Length - 3; split++)
        {
            if (list.Contains(text[..split]) && list.Contains(text[split..]))
            {
                return true;
            }
        }

        return false;
    }

    private static string Unleet(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = source[i] switch
            {
                '@' or '4' => 'a',
                '3' => 'e',
                '1' or '!' => 'i',
                '0' => 'o',
                '$' or '5' => 's',
                '7' or '+' => 't',
                var c => c,
            };
        }
    });

    private static HashSet<string> LoadCommon()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Attest.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is not in the assembly.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }

        return set;
    }
}

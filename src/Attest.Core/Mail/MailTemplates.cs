using System.Net;
using System.Text.RegularExpressions;

namespace Attest.Core.Mail;

/// <summary>A mail ready to queue: its subject and both bodies.</summary>
public sealed record RenderedMail(string Subject, string Text, string Html);

/// <summary>
/// The mail templates, files beside the app (mail-templates/): for each mail a plain-text file whose first line is
/// "Subject: ..." and an HTML fragment, framed by _layout.html. Placeholders are {{name}}; values are HTML-encoded in the
/// HTML part. Loaded and checked once at start: a missing part or subject stops the app, naming the file.
/// </summary>
public sealed partial class MailTemplates
{
    public const string FolderName = "mail-templates";

    private readonly Dictionary<string, (string Subject, string Text, string Html)> _templates;
    private readonly string _layout;

    private MailTemplates(Dictionary<string, (string, string, string)> templates, string layout) => (_templates, _layout) = (templates, layout);

    public IReadOnlyCollection<string> Names => _templates.Keys;

    /// <summary>The templates shipped beside the running app.</summary>
    public static MailTemplates Shipped() => Load(Path.Combine(AppContext.BaseDirectory, FolderName));

    public static MailTemplates Load(string folder)
    {
        var layoutPath = Path.Combine(folder, "_layout.html");
        if (!File.Exists(layoutPath))
        {
            throw new InvalidOperationException($"{layoutPath}: the mail layout is missing.");
        }

        var templates = new Dictionary<string, (string, string, string)>(StringComparer.Ordinal);
        foreach (var textPath in Directory.EnumerateFiles(folder, "*.txt"))
        {
            var name = Path.GetFileNameWithoutExtension(textPath);
            var lines = File.ReadAllText(textPath).ReplaceLineEndings("\n").Split('\n');
            if (lines is not [var first, "", ..] || !first.StartsWith("Subject: ", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{textPath}:1: the first line must be \"Subject: ...\", then an empty line, then the text.");
            }

            var htmlPath = Path.ChangeExtension(textPath, ".html");
            if (!File.Exists(htmlPath))
            {
                throw new InvalidOperationException($"{htmlPath}: the HTML part of {name} is missing.");
            }

            templates[name] = (first["Subject: ".Length..], string.Join("\n", lines[2..]).TrimEnd() + "\n", File.ReadAllText(htmlPath));
        }

        return new MailTemplates(templates, File.ReadAllText(layoutPath));
    }

    /// <summary>Fills a template. Every placeholder must have a value and every value a placeholder, so a mistake fails loudly in tests.</summary>
    public RenderedMail Render(string name, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!_templates.TryGetValue(name, out var template))
        {
            throw new InvalidOperationException($"There is no mail template {name}.");
        }

        var used = Placeholder().Matches(template.Subject + template.Text + template.Html + _layout).Select(m => m.Groups[1].Value)
            .Where(p => p is not ("content" or "subject")).ToHashSet(StringComparer.Ordinal);
        var missing = used.Except(values.Keys).ToList();
        var unused = values.Keys.Except(used).ToList();
        if (missing.Count > 0 || unused.Count > 0)
        {
            throw new InvalidOperationException($"Mail template {name}: no value for {string.Join(", ", missing)}; no placeholder for {string.Join(", ", unused)}.");
        }

        var subject = Fill(template.Subject, values, encode: false).ReplaceLineEndings(" ");
        var html = Fill(_layout, values, encode: true)
            .Replace("{{subject}}", WebUtility.HtmlEncode(subject), StringComparison.Ordinal)
            .Replace("{{content}}", Fill(template.Html, values, encode: true), StringComparison.Ordinal);
        return new RenderedMail(subject, Fill(template.Text, values, encode: false), html);
    }

    private static string Fill(string text, IReadOnlyDictionary<string, string> values, bool encode) =>
        Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value) ? (encode ? WebUtility.HtmlEncode(value) : value) : m.Value);

    [GeneratedRegex(@"\{\{([a-z]+)\}\}")]
    private static partial Regex Placeholder();
}

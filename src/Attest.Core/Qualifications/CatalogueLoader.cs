using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Attest.Core.Qualifications;

/// <summary>One reason a catalogue file was refused, with where to look.</summary>
public sealed record CatalogueError(string File, long Line, long Column, string Reason)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Reason}";
}

public sealed class CatalogueException(IReadOnlyList<CatalogueError> errors)
    : Exception("The catalogue is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<CatalogueError> Errors { get; } = errors;
}

public sealed record CatalogueLoadResult(Catalogue Catalogue, IReadOnlyList<CatalogueError> Errors, JsonSchema? Schema = null)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Reads qualification specifications and apprenticeship standards (YAML) from a folder (all but <see cref="FundingFolder"/>), checks each against its JSON Schema
/// (<c>schema/qualification.schema.json</c>; <c>schema/standard.schema.json</c> for a file whose top level has <c>standard</c>)
/// and against the rules a schema cannot express (references between parts), and reports every problem as
/// file:line:column: reason.
/// </summary>
public static partial class CatalogueLoader
{
    public const string SchemaRelativePath = "schema/qualification.schema.json";

    public const string StandardSchemaRelativePath = "schema/standard.schema.json";

    /// <summary>Funding rules (<see cref="Apprenticeships.OffTheJobRules"/>) live in the catalogue folder but are not qualifications.</summary>
    public const string FundingFolder = "funding";

    /// <summary>Loads every *.yaml / *.yml under <paramref name="directory"/>; throws when any file is invalid.</summary>
    public static Catalogue LoadOrThrow(string directory)
    {
        var result = Load(directory);
        return result.IsValid ? result.Catalogue : throw new CatalogueException(result.Errors);
    }

    public static CatalogueLoadResult Load(string directory)
    {
        var errors = new List<CatalogueError>();
        if (!Directory.Exists(directory))
        {
            errors.Add(new CatalogueError(directory, 0, 0, "catalogue folder not found"));
            return new CatalogueLoadResult(new Catalogue([]), errors);
        }

        var schemaPath = Path.Combine(directory, SchemaRelativePath);
        if (!File.Exists(schemaPath))
        {
            errors.Add(new CatalogueError(schemaPath, 0, 0, "schema file not found"));
            return new CatalogueLoadResult(new Catalogue([]), errors);
        }

        var schema = LoadSchema(directory);
        var qualifications = new List<QualificationSpec>();
        // Standards are read once every qualification is known: they name the qualifications they require.
        var standardFiles = new List<(JToken Document, string Display, string Text)>();
        var funding = Path.Combine(directory, FundingFolder) + Path.DirectorySeparatorChar;
        var files = Directory.EnumerateFiles(directory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Where(f => !f.StartsWith(funding, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var display = Path.GetRelativePath(Directory.GetCurrentDirectory(), file);
            var text = File.ReadAllText(file);
            var document = ReadDocument(new StringReader(text), display, errors);
            if (document is null)
            {
                continue;
            }

            if (document is JObject top && top.ContainsKey("standard"))
            {
                standardFiles.Add((document, display, text));
                continue;
            }

            var spec = Check(document, display, schema, errors, SpecificationReader.Read);
            if (spec is null)
            {
                continue;
            }

            var clash = qualifications.FirstOrDefault(q => q.Code == spec.Code);
            if (clash is not null)
            {
                errors.Add(new CatalogueError(display, 1, 1, $"qualification code {spec.Code} is already defined in {clash.SourceFile}"));
                continue;
            }

            qualifications.Add(spec);
        }

        if (qualifications.Count == 0 && errors.Count == 0)
        {
            errors.Add(new CatalogueError(directory, 0, 0, "no qualification files (*.yaml) found"));
        }

        var standards = LoadStandards(directory, standardFiles, qualifications, errors);
        return new CatalogueLoadResult(new Catalogue(qualifications) { Standards = standards }, errors, schema);
    }

    private static List<StandardSpec> LoadStandards(string directory, List<(JToken Document, string Display, string Text)> files, List<QualificationSpec> qualifications, List<CatalogueError> errors)
    {
        var standards = new List<StandardSpec>();
        if (files.Count == 0)
        {
            return standards;
        }

        var schemaPath = Path.Combine(directory, StandardSchemaRelativePath);
        if (!File.Exists(schemaPath))
        {
            errors.Add(new CatalogueError(schemaPath, 0, 0, $"schema file not found (needed by {files[0].Display}, an apprenticeship standard)"));
            return standards;
        }

        var schema = JsonSchema.FromJsonAsync(File.ReadAllText(schemaPath)).GetAwaiter().GetResult();
        var codes = qualifications.Select(q => q.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (document, display, text) in files)
        {
            var standard = Check(document, display, schema, errors, (d, name, fail) => StandardReader.Read(d, name, codes, fail));
            if (standard is null)
            {
                continue;
            }

            // Versions of one standard live side by side: apprentices stay on the version they started.
            var clash = standards.FirstOrDefault(s => string.Equals(s.Reference, standard.Reference, StringComparison.OrdinalIgnoreCase) && s.VersionNumber == standard.VersionNumber);
            if (clash is not null)
            {
                errors.Add(new CatalogueError(display, 1, 1, $"standard {standard.Reference} version {standard.Version} is already defined in {clash.SourceFile}"));
                continue;
            }

            standards.Add(standard with { Yaml = text });
        }

        return standards;
    }

    /// <summary>Checks one specification given as text (an upload, a form's result, a stored version) exactly as a catalogue file is checked.</summary>
    public static QualificationSpec? Parse(string text, string displayName, JsonSchema schema, List<CatalogueError> errors)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var document = ReadDocument(new StringReader(text), displayName, errors);
        return document is null ? null : Check(document, displayName, schema, errors, SpecificationReader.Read);
    }

    /// <summary>The schema every specification is checked against, from a catalogue folder.</summary>
    public static JsonSchema LoadSchema(string directory) =>
        JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(directory, SchemaRelativePath))).GetAwaiter().GetResult();

    /// <summary>The file's one YAML document as JSON, each token knowing its line; null (and the reason added) when it is not readable YAML.</summary>
    internal static JToken? ReadDocument(TextReader reader, string displayName, List<CatalogueError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var parser = new Parser(reader);
        try
        {
            var yaml = new YamlStream();
            yaml.Load(parser);

            if (yaml.Documents.Count != 1)
            {
                errors.Add(new CatalogueError(displayName, 1, 1, "a catalogue file holds exactly one YAML document"));
                return null;
            }

            return ToJson(yaml.Documents[0].RootNode);
        }
        catch (YamlException ex)
        {
            errors.Add(new CatalogueError(displayName, ex.Start.Line, ex.Start.Column, "not valid YAML: " + (ex.InnerException?.Message ?? ex.Message)));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner can fail without a position; the parser's last event is where it stopped.
            var at = parser.Current?.End ?? Mark.Empty;
            errors.Add(new CatalogueError(displayName, at.Line, at.Column, "not valid YAML: the file cannot be read after this point (check brackets and quotes)"));
            return null;
        }
    }

    /// <summary>The schema first, then the reader's checks of references; null when either found a problem.</summary>
    internal static T? Check<T>(JToken document, string displayName, JsonSchema schema, List<CatalogueError> errors, Func<JToken, string, Action<JToken, string>, T> read)
        where T : class
    {
        var schemaErrors = schema.Validate(document);
        if (schemaErrors.Count > 0)
        {
            foreach (var error in Flatten(schemaErrors))
            {
                var (line, column) = Locate(document, error.Path);
                errors.Add(new CatalogueError(displayName, line, column, Describe(error)));
            }

            return null;
        }

        var before = errors.Count;
        var result = read(document, displayName, (token, reason) =>
        {
            var (line, column) = MarkOf(token);
            errors.Add(new CatalogueError(displayName, line, column, reason));
        });
        return errors.Count == before ? result : null;
    }

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
            {
                foreach (var inner in Flatten(child.Errors.SelectMany(e => e.Value)))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return error;
            }
        }
    }

    private static string Describe(ValidationError error)
    {
        var where = string.IsNullOrEmpty(error.Path) || error.Path == "#" ? "the document" : error.Path.TrimStart('#', '/');
        return error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => $"{where}: required property '{error.Property}' is missing",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => $"{where}: property '{error.Property}' is not part of the catalogue format",
            ValidationErrorKind.StringExpected => $"{where}: must be text (quote values such as \"03456\" or \"1.1\")",
            ValidationErrorKind.IntegerExpected => $"{where}: must be a whole number",
            ValidationErrorKind.NotInEnumeration => $"{where}: value is not one of those allowed by the schema",
            ValidationErrorKind.PatternMismatch => $"{where}: value does not have the required form",
            ValidationErrorKind.NumberTooSmall => $"{where}: number is too small",
            ValidationErrorKind.NumberTooBig => $"{where}: number is too big",
            ValidationErrorKind.TooFewItems => $"{where}: list must not be empty",
            ValidationErrorKind.StringTooShort => $"{where}: text must not be empty",
            _ => $"{where}: {error.Kind}",
        };
    }

    private static (long Line, long Column) Locate(JToken document, string? schemaPath)
    {
        var token = document;
        if (!string.IsNullOrEmpty(schemaPath))
        {
            var path = schemaPath.TrimStart('#', '/');
            // A missing property's path names the property itself; walk back until something exists.
            while (path.Length > 0)
            {
                var found = document.SelectToken(path);
                if (found is not null)
                {
                    token = found;
                    break;
                }

                var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
                path = cut <= 0 ? string.Empty : path[..cut];
            }
        }

        return MarkOf(token);
    }

    internal static (long Line, long Column) MarkOf(JToken? token)
    {
        for (var t = token; t is not null; t = t.Parent)
        {
            var position = t.Annotation<SourcePosition>();
            if (position is not null)
            {
                return (position.Line, position.Column);
            }
        }

        return (1, 1);
    }

    /// <summary>Where a JSON token came from in its YAML file (annotations must be reference types).</summary>
    private sealed record SourcePosition(long Line, long Column);

    /// <summary>YAML to JSON, resolving plain scalars as YAML 1.2 core does, and keeping each node's position.</summary>
    private static JToken ToJson(YamlNode node)
    {
        JToken token = node switch
        {
            YamlMappingNode map => MapToObject(map),
            YamlSequenceNode seq => new JArray(seq.Children.Select(ToJson)),
            YamlScalarNode scalar => Scalar(scalar),
            _ => throw new YamlException(node.Start, node.End, "aliases are not supported in catalogue files"),
        };
        token.AddAnnotation(new SourcePosition(node.Start.Line, node.Start.Column));
        return token;
    }

    private static JObject MapToObject(YamlMappingNode map)
    {
        var result = new JObject();
        foreach (var (key, value) in map.Children)
        {
            var name = key is YamlScalarNode s ? s.Value ?? string.Empty : throw new YamlException(key.Start, key.End, "keys must be plain text");
            if (result.ContainsKey(name))
            {
                throw new YamlException(key.Start, key.End, $"duplicate key '{name}'");
            }

            var property = new JProperty(name, ToJson(value));
            property.AddAnnotation(new SourcePosition(key.Start.Line, key.Start.Column));
            result.Add(property);
        }

        return result;
    }

    private static JValue Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain)
        {
            return new JValue(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => JValue.CreateNull(),
            "true" or "True" or "TRUE" => new JValue(true),
            "false" or "False" or "FALSE" => new JValue(false),
            _ when IntegerPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => new JValue(n),
            _ when FloatPattern().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => new JValue(d),
            _ => new JValue(text),
        };
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}

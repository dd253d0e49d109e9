using Attest.Core.Apprenticeships;
using Attest.Core.Qualifications;
using NJsonSchema;

namespace Attest.Tests.Apprenticeships;

/// <summary>The shipped off-the-job rules and their schema, read once from the catalogue folder next to the tests.</summary>
public static class ShippedRules
{
    private static readonly Lazy<OffTheJobRules> Loaded = new(() => OffTheJobRules.LoadOrThrow(ShippedCatalogue.Folder));

    public static OffTheJobRules Rules => Loaded.Value;

    public static string Text => File.ReadAllText(Path.Combine(ShippedCatalogue.Folder, OffTheJobRules.RelativePath));

    public static JsonSchema Schema => JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(ShippedCatalogue.Folder, OffTheJobRules.SchemaRelativePath))).GetAwaiter().GetResult();

    /// <summary>Reads rules from text as the shipped file is read, returning the errors as file:line:column: reason.</summary>
    public static (OffTheJobRules? Rules, List<string> Errors) Parse(string yaml)
    {
        var errors = new List<CatalogueError>();
        var rules = OffTheJobRules.Parse(yaml, "off-the-job.yaml", Schema, errors);
        return (rules, [.. errors.Select(e => e.ToString())]);
    }
}

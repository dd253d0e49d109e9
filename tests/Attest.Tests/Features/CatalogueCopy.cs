namespace Attest.Tests.Features;

/// <summary>
/// A copy of the shipped catalogue in a temporary folder, for a test to add a file to as a centre adds one: a revised
/// specification, or a standard written from the sample standard's file (SAMPLE-CS3, its 16 KSBs) whose gateway checklist
/// a test can complete.
/// </summary>
public sealed class CatalogueCopy : IDisposable
{
    public CatalogueCopy()
    {
        foreach (var file in Directory.GetFiles(Shipped, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(Path, System.IO.Path.GetRelativePath(Shipped, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>The catalogue shipped beside the app.</summary>
    public static string Shipped => System.IO.Path.Combine(AppContext.BaseDirectory, "catalogue");

    public string Path { get; } = Directory.CreateTempSubdirectory("attest-catalogue-").FullName;

    /// <summary>Writes <paramref name="text"/> to <paramref name="relativePath"/> in the copy.</summary>
    public void Write(string relativePath, string text) => File.WriteAllText(System.IO.Path.Combine(Path, relativePath), text);

    /// <summary>Adds a standard written from the sample's YAML under <paramref name="reference"/>, with <paramref name="edit"/>'s changes.</summary>
    public CatalogueCopy WithStandard(string reference, Func<string, string> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var sample = File.ReadAllText(System.IO.Path.Combine(Shipped, "standards", "sample-cs3-customer-service.yaml"))
            .Replace("reference: \"SAMPLE-CS3\"", $"reference: \"{reference}\"", StringComparison.Ordinal);
        Write(System.IO.Path.Combine("standards", reference + ".yaml"), edit(sample));
        return this;
    }

    /// <summary>The sample's YAML with its mandatory qualification 03456 replaced by <paramref name="code"/>, in the list and the checklist.</summary>
    public static string WithQualification(string yaml, string code)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        return yaml
            .Replace("qualifications: [\"03456\"]", $"qualifications: [\"{code}\"]", StringComparison.Ordinal)
            .Replace("qualification: \"03456\"", $"qualification: \"{code}\"", StringComparison.Ordinal);
    }

    /// <summary>
    /// The sample's YAML with no mandatory qualification, as many published standards have none: the list and the
    /// checklist's qualification item both go.
    /// </summary>
    public static string WithoutQualification(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var item = yaml.IndexOf("  - kind: qualificationAchieved", StringComparison.Ordinal);
        var next = yaml.IndexOf("  - kind: ", item + 1, StringComparison.Ordinal);
        return (yaml[..item] + yaml[next..]).Replace("  qualifications: [\"03456\"]\n", string.Empty, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

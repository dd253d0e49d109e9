using Attest.Cli;

namespace Attest.Tests.Cli;

/// <summary>The attest command as a centre would run it: exit 0 valid, 1 invalid, 2 bad input.</summary>
public class AttestCliTests
{
    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await AttestCli.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task A_valid_selection_exits_0()
    {
        var (exit, output, _) = await Run("combination", "check", "--qualification", "03456", "--units", "F3,F4,A13,B10,C3,D8,D2");

        Assert.Equal(0, exit);
        Assert.StartsWith("Valid:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_selection_exits_1_with_the_reasons()
    {
        var (exit, output, _) = await Run("combination", "check", "--qualification", "03456", "--units", "F3,F4,A13,B10,D8,D2,D3");

        Assert.Equal(1, exit);
        Assert.Contains("Needs at least one unit from group D, Handling problems: C3-C8.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_output_carries_the_verdict_and_findings()
    {
        var (exit, output, _) = await Run("combination", "check", "--qualification", "03456", "--units", "F3,F4,A5,A7,B5,C3,D1", "--json");

        Assert.Equal(1, exit);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        Assert.False(json.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal(44, json.RootElement.GetProperty("totalCredits").GetInt32());
        Assert.Equal("CreditsAtLevels", json.RootElement.GetProperty("findings")[0].GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Unknown_units_are_bad_input_and_named()
    {
        var (exit, output, _) = await Run("combination", "check", "--qualification", "03456", "--units", "F3,F4,Q99");

        Assert.Equal(2, exit);
        Assert.Contains("Unit Q99 is not a unit of 03456", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("combination", "check", "--qualification", "99999", "--units", "F3")]
    [InlineData("combination", "check", "--qualification", "03456")]
    [InlineData("combination", "check", "--qualification", "03456", "--units", ",")]
    [InlineData("no-such-verb")]
    public async Task Bad_input_exits_2_with_a_message(params string[] args)
    {
        var (exit, _, error) = await Run(args);

        Assert.Equal(2, exit);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public async Task The_shipped_catalogue_validates()
    {
        var (exit, output, _) = await Run("catalogue", "validate", ShippedCatalogue.Folder);

        Assert.Equal(0, exit);
        Assert.Contains("5 qualifications", output, StringComparison.Ordinal);
        Assert.Contains("3 off-the-job rule sets", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_off_the_job_rules_file_fails_validation_with_its_line()
    {
        var folder = Directory.CreateTempSubdirectory("attest-cli-").FullName;
        try
        {
            foreach (var file in new[] { "schema/qualification.schema.json", "schema/off-the-job.schema.json", "ocr/03456-l3-nvq-diploma-customer-service.yaml", "funding/off-the-job.yaml" })
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder, file))!);
                File.Copy(Path.Combine(ShippedCatalogue.Folder, file), Path.Combine(folder, file));
            }

            var rules = Path.Combine(folder, "funding", "off-the-job.yaml");
            var shipped = File.ReadAllText(rules);
            File.WriteAllText(rules, shipped.Replace("      hoursPerWeek: 6\n", "      hoursPerWeek: six\n", StringComparison.Ordinal));
            Assert.NotEqual(shipped, File.ReadAllText(rules));

            var (exit, _, error) = await Run("catalogue", "validate", folder);

            Assert.Equal(1, exit);
            var line = shipped[..shipped.IndexOf("      hoursPerWeek: 6\n", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
            Assert.Matches($@"off-the-job\.yaml:{line}:\d+: .*hoursPerWeek", error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task An_invalid_catalogue_file_exits_non_zero_with_file_line_and_reason()
    {
        var folder = Directory.CreateTempSubdirectory("attest-cli-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "schema"));
            File.Copy(Path.Combine(ShippedCatalogue.Folder, "schema", "qualification.schema.json"), Path.Combine(folder, "schema", "qualification.schema.json"));
            var shipped = File.ReadAllText(Path.Combine(ShippedCatalogue.Folder, "ocr", "03456-l3-nvq-diploma-customer-service.yaml"));
            var broken = shipped.Replace("  level: 3\n  awardingBody", "  level: three\n  awardingBody", StringComparison.Ordinal);
            Assert.NotEqual(shipped, broken);
            File.WriteAllText(Path.Combine(folder, "bad.yaml"), broken);

            var (exit, _, error) = await Run("catalogue", "validate", folder);

            Assert.Equal(1, exit);
            var line = shipped[..shipped.IndexOf("  level: 3\n  awardingBody", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
            Assert.Matches($@"bad\.yaml:{line}:\d+: qualification\.level: must be a whole number", error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Catalogue_list_names_every_qualification_with_its_dates()
    {
        var (exit, output, _) = await Run("catalogue", "list");

        Assert.Equal(0, exit);
        Assert.Contains("10380", output, StringComparison.Ordinal);
        Assert.Contains("last certification 2023-08-31", output, StringComparison.Ordinal);
    }
}

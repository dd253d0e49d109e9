using System.Reflection;
using Microsoft.Extensions.Configuration;
using YamlDotNet.RepresentationModel;

namespace Attest.Tests.Deployment;

/// <summary>
/// deploy/compose.yaml (issue 15) is started by no test: there is no container runtime here or in CI. So that it cannot
/// rot silently when a setting is renamed, every setting it gives the app must bind to the app's own options classes,
/// and both instances must get the same settings.
/// </summary>
public class ComposeTests
{
    private static readonly string ComposeFile = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "deploy", "compose.yaml"));

    /// <summary>Settings ASP.NET Core itself reads (no options class of ours holds them).</summary>
    private static readonly string[] FrameworkSettings = ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"];

    [Fact]
    public void Both_app_instances_get_the_same_settings_and_the_migrator_the_same_database()
    {
        var services = Services();
        var app1 = Environment(services, "app1");

        Assert.Contains("Database__Provider", app1.Keys);
        Assert.Equal(app1, Environment(services, "app2"));
        var migrator = Environment(services, "migrate");
        Assert.All(app1.Where(s => s.Key.StartsWith("Database__", StringComparison.Ordinal)), s => Assert.Equal(s.Value, migrator.GetValueOrDefault(s.Key)));
    }

    [Fact]
    public void Every_setting_given_to_the_app_is_one_the_app_reads()
    {
        var settings = Environment(Services(), "app1").Where(s => !FrameworkSettings.Contains(s.Key)).ToList();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key.Replace("__", ":", StringComparison.Ordinal), (string?)s.Value)))
            .Build();
        var sections = OptionsSections();

        var problems = new List<string>();
        foreach (var section in configuration.GetChildren())
        {
            if (!sections.TryGetValue(section.Key, out var options))
            {
                problems.Add($"{section.Key}: no options class of the app reads this section (known: {string.Join(", ", sections.Keys.Order(StringComparer.Ordinal))})");
                continue;
            }

            // Binding as the app does, but refusing a key no property takes and a value that does not convert.
            var refusal = Record.Exception(() => section.Get(options, binder => binder.ErrorOnUnknownConfiguration = true));
            if (refusal is not null)
            {
                problems.Add($"{section.Key} ({options.Name}): {refusal.Message}");
            }
        }

        Assert.True(problems.Count == 0, string.Join(System.Environment.NewLine, problems));
        Assert.True(sections.Count > 10, "the options classes were not found, so this test checks nothing");
    }

    /// <summary>The app's options classes by the section they bind (each declares it as <c>Section</c>).</summary>
    private static Dictionary<string, Type> OptionsSections() =>
        new[] { typeof(Attest.Web.Infrastructure.AttestHost).Assembly, typeof(Attest.Core.Data.DatabaseOptions).Assembly }
            .SelectMany(a => a.GetExportedTypes())
            .Select(t => (Type: t, Field: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)))
            .Where(x => x.Field is { IsLiteral: true } && x.Field.FieldType == typeof(string))
            .ToDictionary(x => (string)x.Field!.GetRawConstantValue()!, x => x.Type, StringComparer.OrdinalIgnoreCase);

    private static YamlMappingNode Services()
    {
        Assert.True(File.Exists(ComposeFile), ComposeFile);
        var yaml = new YamlStream();
        using (var reader = File.OpenText(ComposeFile))
        {
            yaml.Load(reader); // resolves the file's anchors and aliases, as compose does
        }

        return (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];
    }

    /// <summary>A service's environment, which the compose file gives as a mapping.</summary>
    private static Dictionary<string, string> Environment(YamlMappingNode services, string service)
    {
        var environment = Assert.IsType<YamlMappingNode>(((YamlMappingNode)services[service])["environment"]);
        return environment.Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => ((YamlScalarNode)e.Value).Value ?? string.Empty, StringComparer.Ordinal);
    }
}

using System.ComponentModel;
using System.Diagnostics;

namespace Attest.Tests;

/// <summary>
/// A program from the machine (unzip, pdftotext) that a test uses to check output with a standard tool. A test that
/// needs one skips, naming the Debian package, when it is missing; in CI (.ci/run installs them) it fails instead.
/// </summary>
internal static class ExternalTool
{
    public static void Require(string command, string package)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, command)));
        var inCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        Assert.False(inCi && !found, $"CI must have {command} on PATH (apt install {package}): the test would not run.");
        Skip.IfNot(found, $"This test needs {command} on PATH (apt install {package}); .ci/run installs it.");
    }

    public static async Task<(int Exit, string Output)> RunAsync(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await output + await error);
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"{command} could not be started: call ExternalTool.Require first.", e);
        }
    }

    /// <summary>The text of a PDF as pdftotext lays it out.</summary>
    public static async Task<string> PdfTextAsync(string pdfPath)
    {
        Require("pdftotext", "poppler-utils");
        var (exit, text) = await RunAsync("pdftotext", "-layout", pdfPath, "-");
        Assert.True(exit == 0, text);
        return text;
    }
}

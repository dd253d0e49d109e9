using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Attest.Tests.Features;

/// <summary>
/// The real app as a child process on a loopback port, on its embedded default (SQLite, demo centre) in a data folder of
/// its own, so a test can kill it with SIGKILL and start it again on the same data (security.md test 8).
/// </summary>
public sealed class ChildApp : IDisposable
{
    private readonly StringBuilder _log = new();
    private Process? _process;

    public string DataFolder { get; } = Directory.CreateTempSubdirectory("attest-child-").FullName;

    public int Port { get; } = FreePort();

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>Starts the app with these settings (as environment variables, "__" for ":") and waits until /health answers.</summary>
    public async Task StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var web = Path.Combine(AppContext.BaseDirectory, "Attest.Web.dll");
        var start = new ProcessStartInfo(Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet", [web])
        {
            WorkingDirectory = DataFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
        start.Environment["Data__Folder"] = DataFolder;
        start.Environment["Site__PublicUrl"] = BaseAddress.ToString().TrimEnd('/');
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = BaseAddress };
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (_process.HasExited)
            {
                Assert.Fail("the app stopped during start-up:\n" + Log());
            }

            try
            {
                if ((await probe.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        Assert.Fail("the app did not start within a minute:\n" + Log());
    }

    /// <summary>SIGKILL: no shutdown code runs, as when a machine loses power.</summary>
    public void Kill()
    {
        _process!.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>The app's output so far, read under the lock its output handlers write under (reading it unlocked can throw).</summary>
    public string Log()
    {
        lock (_log)
        {
            return _log.ToString();
        }
    }

    private void Append(string? line)
    {
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            Kill();
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // left to the OS temp cleaner
        }
    }
}

// What the benchmarks share: the app as a child process as deployed, its CPU time and peak memory, the machine they ran on,
// and the plumbing of signing in through the real pages.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

internal static class Bench
{
    public static Dictionary<string, string> Arguments(string[] args)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            result[args[i]] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "";
        }
    
        return result;
    }

    public static void Machine(string dir)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim();
        var memory = File.ReadLines("/proc/meminfo").First().Split(':')[1].Trim();
        var mount = File.ReadLines("/proc/mounts").Select(l => l.Split(' ')).Where(m => dir.StartsWith(m[1], StringComparison.Ordinal)).MaxBy(m => m[1].Length);
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {cpu}, {memory} memory, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, load average {load}");
        Console.WriteLine($"disk: {dir} on {mount?[0]} ({mount?[2]}, {mount?[3]})");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string Token(string page) => Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    public static async Task SignInAsync(HttpClient client, string email)
    {
        var page = await client.GetStringAsync("/Account/SignIn");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = "Demo-Portfolio-2026!", ["__RequestVerificationToken"] = Token(page),
        });
        using var response = await client.PostAsync("/Account/SignIn", form);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException("sign-in failed");
        }
    }
}

/// <summary>The app as a child process, as deployed: dotnet Attest.Web.dll from its build folder, with the demo data.</summary>
internal sealed class App
{
    private readonly Process _process;

    private App(Process process) => _process = process;

    public int Pid => _process.Id;

    /// <param name="environment">More settings, e.g. the database provider and connection string.</param>
    public static async Task<App> StartAsync(string web, string data, int port, string log, bool sql = false, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet", [web]) { WorkingDirectory = Path.GetDirectoryName(web)!, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Data__Folder"] = data;
        start.Environment["Site__PublicUrl"] = $"http://127.0.0.1:{port}";
        if (sql)
        {
            start.Environment["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        var writer = TextWriter.Synchronized(new StreamWriter(log, append: true) { AutoFlush = true });
        process.OutputDataReceived += (_, e) => writer.WriteLine(e.Data);
        process.ErrorDataReceived += (_, e) => writer.WriteLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            try
            {
                if ((await probe.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return new App(process);
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException($"the app did not start; see {log}");
    }

    /// <summary>User plus system CPU time of a process so far, from /proc/PID/stat (in clock ticks of 10 ms).</summary>
    public static TimeSpan CpuTime(int pid)
    {
        var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return TimeSpan.FromMilliseconds((long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10);
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }
}

/// <summary>Samples the process's resident memory (VmRSS) every 20 ms and keeps the peak.</summary>
internal sealed class RssSampler : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private long _peak;

    public long Before { get; private init; }

    public static RssSampler Start(int pid)
    {
        var sampler = new RssSampler { Before = Read(pid) };
        sampler._peak = sampler.Before;
        sampler._loop = Task.Run(async () =>
        {
            while (!sampler._stop.IsCancellationRequested)
            {
                sampler._peak = Math.Max(sampler._peak, Read(pid));
                await Task.Delay(20);
            }
        });
        return sampler;
    }

    public long Stop()
    {
        _stop.Cancel();
        _loop!.Wait();
        return _peak;
    }

    public void Dispose() => _stop.Dispose();

    public static long Read(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.BrowserTests;

/// <summary>
/// The real app on Kestrel at a loopback port, on its embedded default with the demo centre, in a temporary data folder;
/// <paramref name="settings"/> are set over the defaults (a catalogue folder, say).
/// </summary>
public sealed class AttestServer : WebApplicationFactory<Program>
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("attest-browser-").FullName;

    private readonly int _port = FreePort();

    private readonly IReadOnlyDictionary<string, string> _settings;

    public AttestServer(IReadOnlyDictionary<string, string>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string>();
        UseKestrel(_port);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal);
    }

    public string BaseUrl { get; }

    public string DataFolder => _dataFolder;

    /// <summary>The mail the app has written (its embedded default: .eml files in the data folder).</summary>
    public Attest.Tests.Features.Mailbox Mail => new(Path.Combine(_dataFolder, "mail"));

    /// <summary>A port chosen before start, so the app's links in mail (Site:PublicUrl) point at it.</summary>
    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Data:Folder", _dataFolder);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", "");
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("urls", $"http://127.0.0.1:{_port}");
        builder.UseSetting("Site:PublicUrl", $"http://127.0.0.1:{_port}");
        builder.UseSetting("Mail:PollSeconds", "1");
        // The test OpenID Connect provider runs on loopback over plain http.
        builder.UseSetting("SingleSignOn:AllowLoopbackHttp", "true");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_dataFolder))
        {
            try
            {
                Directory.Delete(_dataFolder, recursive: true);
            }
            catch (IOException)
            {
                // left to the OS temp cleaner
            }
        }
    }
}

namespace Attest.Web.Infrastructure.Scanning;

public static class ScanningRegistration
{
    /// <summary>
    /// Binds <c>Scanning</c>, registers <see cref="IVirusScanner"/> (clamd when <c>Scanning:ClamdHost</c> is set,
    /// otherwise a disabled scanner whose scans all fail) and the "virusScanner" health check.
    /// </summary>
    public static IServiceCollection AddVirusScanning(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(ScanningOptions.Section);
        services.Configure<ScanningOptions>(section);
        if (section.Get<ScanningOptions>() is { Enabled: true })
        {
            services.AddSingleton<IVirusScanner, ClamdScanner>();
        }
        else
        {
            services.AddSingleton<IVirusScanner, DisabledVirusScanner>();
        }

        services.AddHealthChecks().AddCheck<VirusScannerHealthCheck>(VirusScannerHealthCheck.Name);
        return services;
    }
}

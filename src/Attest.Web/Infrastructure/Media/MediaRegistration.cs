namespace Attest.Web.Infrastructure.Media;

public static class MediaRegistration
{
    /// <summary>
    /// Binds <c>Media</c> and registers <see cref="IMediaProbe"/> and <see cref="IMediaSplitter"/>. Without ffmpeg the
    /// app still runs: both report <c>Available</c> false and the probe returns null.
    /// </summary>
    public static IServiceCollection AddMedia(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<MediaOptions>(configuration.GetSection(MediaOptions.Section));
        services.AddSingleton<FfmpegTools>();
        services.AddSingleton<IMediaProbe, FfmpegMediaProbe>();
        services.AddSingleton<IMediaSplitter, FfmpegMediaSplitter>();
        return services;
    }
}

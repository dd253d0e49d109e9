using Attest.Web.Infrastructure.Storage;
using SkiaSharp;

namespace Attest.Web.Features.Evidence;

/// <summary>
/// Makes the copy of a photo that pages show: decoded and re-encoded as a JPEG no larger than 1600 pixels,
/// turned the right way up, with nothing of the original's metadata (such as where it was taken). The
/// original is only ever downloaded. Images too large to decode safely, or that do not decode, get no
/// preview.
/// </summary>
public static class ImagePreview
{
    private const int MaxSide = 1600;
    private const long MaxPixels = 100_000_000;

    public static async Task<StagedFile?> TryMakeAsync(string sourcePath, StagingArea staging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staging);
        var jpeg = Encode(sourcePath);
        if (jpeg is null)
        {
            return null;
        }

        using var content = new MemoryStream(jpeg);
        return await staging.WriteAsync(content, jpeg.Length, cancellationToken);
    }

    private static byte[]? Encode(string sourcePath)
    {
        using var codec = SKCodec.Create(sourcePath);
        if (codec is null || (long)codec.Info.Width * codec.Info.Height > MaxPixels)
        {
            return null;
        }

        // A truncated or corrupt image decodes only partly; show no preview rather than half a picture.
        var info = codec.Info.WithColorType(SKColorType.Rgba8888).WithAlphaType(SKAlphaType.Premul);
        using var decoded = new SKBitmap(info);
        if (codec.GetPixels(info, decoded.GetPixels()) != SKCodecResult.Success)
        {
            return null;
        }

        var scale = Math.Min(1.0, (double)MaxSide / Math.Max(decoded.Width, decoded.Height));
        var (width, height) = (Math.Max(1, (int)(decoded.Width * scale)), Math.Max(1, (int)(decoded.Height * scale)));
        using var resized = decoded.Resize(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        using var upright = Orient(resized, codec.EncodedOrigin);
        using var image = SKImage.FromBitmap(upright);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data?.ToArray();
    }

    /// <summary>Phones store photos sideways and record the turn in metadata, which re-encoding drops, so apply it.</summary>
    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        var degrees = origin switch
        {
            SKEncodedOrigin.BottomRight => 180,
            SKEncodedOrigin.RightTop => 90,
            SKEncodedOrigin.LeftBottom => 270,
            _ => 0,
        };
        var swap = degrees is 90 or 270;
        var result = new SKBitmap(swap ? source.Height : source.Width, swap ? source.Width : source.Height);
        using var canvas = new SKCanvas(result);
        canvas.Translate(result.Width / 2f, result.Height / 2f);
        canvas.RotateDegrees(degrees);
        canvas.Translate(-source.Width / 2f, -source.Height / 2f);
        canvas.DrawBitmap(source, 0, 0);
        return result;
    }
}

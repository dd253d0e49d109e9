using System.Buffers;
using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;

namespace Attest.Web.Infrastructure.Scanning;

/// <summary>
/// Scans with clamd over TCP using its INSTREAM command: the content goes in length-prefixed chunks, so a file of
/// any size passes through a fixed buffer and is never held in memory.
/// </summary>
public sealed class ClamdScanner(IOptions<ScanningOptions> options, ILogger<ClamdScanner> logger) : IVirusScanner
{
    private const int ChunkBytes = 64 * 1024;
    private const int MaxReplyBytes = 4096;

    // A ping needs no scan time: a health check should not hang for the whole scan timeout.
    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(10);

    private readonly ScanningOptions _options = options.Value;

    public bool Enabled => true;

    private string Address => $"{_options.ClamdHost}:{_options.ClamdPort}";

    public async Task<ScanResult> ScanAsync(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(_options.Timeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(_options.ClamdHost!, _options.ClamdPort, timer.Token);
            var network = client.GetStream();
            await network.WriteAsync("zINSTREAM\0"u8.ToArray(), timer.Token);
            await SendChunksAsync(client.Client, network, content, timer);
            timer.CancelAfter(_options.Timeout);
            var result = InterpretReply(await ReadReplyAsync(network, timer.Token));
            if (result is ScanResult.Failed failed)
            {
                logger.LogWarning("Virus scan by clamd at {Address} failed: {Reason}", Address, failed.Reason);
            }

            return result;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Fail($"clamd at {Address} did not answer within {_options.TimeoutSeconds} s");
        }
        catch (SocketException e)
        {
            return Fail($"cannot reach clamd at {Address}: {e.Message}");
        }
        catch (IOException e) when (e.InnerException is SocketException)
        {
            // Only network errors: a failure reading the content is the caller's, and propagates.
            return Fail($"connection to clamd at {Address} broke before a verdict: {e.Message}");
        }
    }

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(PingTimeout < _options.Timeout ? PingTimeout : _options.Timeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(_options.ClamdHost!, _options.ClamdPort, timer.Token);
            var network = client.GetStream();
            await network.WriteAsync("zPING\0"u8.ToArray(), timer.Token);
            return await ReadReplyAsync(network, timer.Token) == "PONG";
        }
        catch (Exception e) when (e is SocketException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning("clamd at {Address} did not answer PING: {Message}", Address, e.Message);
            return false;
        }
    }

    /// <summary>
    /// What a clamd reply to INSTREAM means. Anything but "stream: OK" or a named finding is a failure, and so are
    /// clamd's limit alerts (Heuristics.Limits.Exceeded.*, given with AlertExceedsMax): clamd stopped short of the
    /// end, so the file was not fully checked, but nothing was found either.
    /// </summary>
    public static ScanResult InterpretReply(string reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        const string prefix = "stream: ";
        const string found = " FOUND";
        if (reply == prefix + "OK")
        {
            return new ScanResult.Clean();
        }

        if (reply.StartsWith(prefix, StringComparison.Ordinal) && reply.EndsWith(found, StringComparison.Ordinal))
        {
            var signature = reply[prefix.Length..^found.Length];
            return signature.StartsWith("Heuristics.Limits.Exceeded", StringComparison.Ordinal)
                ? new ScanResult.Failed($"too large or complex to scan completely (clamd stopped at a limit: {signature})")
                : new ScanResult.Infected(signature);
        }

        if (reply.Contains("size limit exceeded", StringComparison.OrdinalIgnoreCase))
        {
            return new ScanResult.Failed("too large to scan: bigger than clamd's StreamMaxLength");
        }

        return new ScanResult.Failed(reply.Length == 0 ? "clamd closed the connection without a verdict" : $"clamd answered: {reply}");
    }

    private async Task SendChunksAsync(Socket socket, NetworkStream network, Stream content, CancellationTokenSource timer)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(4 + ChunkBytes);
        try
        {
            while (true)
            {
                var read = await content.ReadAsync(buffer.AsMemory(4, ChunkBytes), timer.Token);
                BinaryPrimitives.WriteUInt32BigEndian(buffer, (uint)read);

                // clamd speaks before the end only to refuse the stream (past StreamMaxLength), then closes: stop sending
                // and let the caller read why.
                if (socket.Available > 0)
                {
                    return;
                }

                try
                {
                    await network.WriteAsync(buffer.AsMemory(0, 4 + read), timer.Token);
                }
                catch (IOException)
                {
                    // clamd closed the connection while we were still sending; the reply it sent first says why, and
                    // if there is none, reading it fails and the scan is reported as failed.
                    return;
                }

                if (read == 0)
                {
                    return;
                }

                timer.CancelAfter(_options.Timeout);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<string> ReadReplyAsync(NetworkStream network, CancellationToken cancellationToken)
    {
        var reply = new byte[MaxReplyBytes];
        var length = 0;
        while (length < reply.Length)
        {
            var read = await network.ReadAsync(reply.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                break;
            }

            var end = Array.IndexOf(reply, (byte)0, length, read);
            length += read;
            if (end >= 0)
            {
                length = end;
                break;
            }
        }

        return Encoding.UTF8.GetString(reply, 0, length).Trim();
    }

    private ScanResult.Failed Fail(string reason)
    {
        logger.LogWarning("Virus scan failed: {Reason}", reason);
        return new ScanResult.Failed(reason);
    }
}

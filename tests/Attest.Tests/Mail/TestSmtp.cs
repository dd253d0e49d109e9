namespace Attest.Tests.Mail;

/// <summary>
/// The real SMTP server the tests may use: ATTEST_TEST_SMTP holds "host:port" of a server that writes each message it
/// accepts to the folder in ATTEST_TEST_SMTP_FOLDER, refuses recipients starting "refused" (550) and defers those starting
/// "busy" (451). .ci/run starts one (npm smtp-server, .ci/smtp-sink.mjs).
/// </summary>
public static class TestSmtp
{
    public const string Variable = "ATTEST_TEST_SMTP";

    public const string SkipReason = $"SMTP tests need {Variable} (host:port of an SMTP server) and {Variable}_FOLDER (where it writes what it accepts); .ci/run starts one.";

    public static (string Host, int Port)? Server =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value && value.Split(':') is [var host, var port] && int.TryParse(port, out var number) ? (host, number) : null;

    public static Features.Mailbox Received => new(Environment.GetEnvironmentVariable(Variable + "_FOLDER") ?? throw new InvalidOperationException(SkipReason));

    /// <summary>App settings that send through the test server (no TLS: it is on loopback).</summary>
    public static Dictionary<string, string> AppSettings(int? port = null)
    {
        var (host, serverPort) = Server ?? throw new InvalidOperationException(SkipReason);
        return new()
        {
            ["Mail:Smtp:Host"] = host, ["Mail:Smtp:Port"] = (port ?? serverPort).ToString(System.Globalization.CultureInfo.InvariantCulture), ["Mail:Smtp:Security"] = "None",
            ["Mail:Smtp:TimeoutSeconds"] = "10", ["Mail:FromAddress"] = "attest@college.test",
        };
    }

    /// <summary>An address no other test uses, so tests sharing the server never read each other's mail.</summary>
    public static string Address(string prefix = "person") => $"{prefix}-{Guid.NewGuid():N}@mail.test";
}

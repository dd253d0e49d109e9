namespace Attest.Cli;

internal static class Program
{
    public static Task<int> Main(string[] args) => AttestCli.RunAsync(args, Console.Out, Console.Error);
}

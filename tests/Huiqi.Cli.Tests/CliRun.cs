namespace Huiqi.Cli.Tests;

/// <summary>The command line as a user runs it, in this process: its exit code, stdout and stderr.</summary>
internal static class CliRun
{
    public static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(args, new CliIo(TextReader.Null, stdout, stderr, false));
        return (code, stdout.ToString(), stderr.ToString());
    }
}

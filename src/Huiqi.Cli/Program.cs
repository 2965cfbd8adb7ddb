using System.Text;
using Huiqi.Cli;

// huiqi: the platform's command line. Each command is an ICliCommand in Commands/; this file only dispatches.
Console.OutputEncoding = Encoding.UTF8;
return await CommandLine.RunAsync(args, CliIo.FromConsole());

namespace Huiqi.Cli;

/// <summary>A sub-command of <c>huiqi</c>. Implementations are found by reflection, so adding a command is adding a file.</summary>
public interface ICliCommand
{
    /// <summary>The word after <c>huiqi</c>, e.g. <c>evaluate</c>.</summary>
    string Name { get; }

    /// <summary>One line of help, in Chinese and English.</summary>
    string Summary { get; }

    /// <summary>Runs the command; the return value is the exit code (0 ok, 1 failure, 2 bad input or usage).</summary>
    Task<int> RunAsync(Args args, CliIo io, CancellationToken cancel);
}

/// <summary>The streams a command writes to; tests pass their own.</summary>
public sealed record CliIo(TextReader In, TextWriter Out, TextWriter Error, bool ErrorIsTerminal)
{
    /// <summary>The command line's one clock: what "today" is for statuses and default years (Beijing's date).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public static CliIo FromConsole() =>
        new(Console.In, Console.Out, Console.Error, !Console.IsErrorRedirected);
}

/// <summary>Exit codes shared by every command.</summary>
public static class ExitCode
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadInput = 2;
}

public static class CommandLine
{
    private static readonly IReadOnlyList<ICliCommand> Commands = typeof(CommandLine).Assembly.GetTypes()
        .Where(t => typeof(ICliCommand).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
        .Select(t => (ICliCommand)Activator.CreateInstance(t)!)
        .OrderBy(c => c.Name, StringComparer.Ordinal)
        .ToList();

    public static async Task<int> RunAsync(string[] argv, CliIo io, CancellationToken cancel = default)
    {
        if (argv.Length == 0 || argv[0] is "-h" or "--help" or "help")
        {
            await WriteHelpAsync(io.Out);
            return argv.Length == 0 ? ExitCode.BadInput : ExitCode.Ok;
        }

        var command = Commands.FirstOrDefault(c => c.Name == argv[0]);
        if (command is null)
        {
            await io.Error.WriteLineAsync($"未知命令“{argv[0]}” / unknown command '{argv[0]}'. 运行 huiqi --help 查看命令 / run huiqi --help for the list.");
            return ExitCode.BadInput;
        }

        try
        {
            return await command.RunAsync(new Args(argv[1..]), io, cancel);
        }
        catch (UsageException e)
        {
            await io.Error.WriteLineAsync(e.Message);
            return ExitCode.BadInput;
        }
    }

    private static async Task WriteHelpAsync(TextWriter output)
    {
        await output.WriteLineAsync("huiqi — 惠企 郑州市制造业惠企政策平台 / Zhengzhou manufacturing support policies");
        await output.WriteLineAsync();
        foreach (var c in Commands)
        {
            await output.WriteLineAsync($"  {c.Name,-12} {c.Summary}");
        }
    }
}

/// <summary>A wrong command line: the message is shown and the exit code is 2.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>
/// The arguments after the command word: <c>--name value</c> options, <c>--flag</c> switches and positional words.
/// Every option a command does not read is reported, so a mistyped option never passes silently.
/// </summary>
public sealed class Args
{
    private readonly List<string> _positional = [];
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public Args(IReadOnlyList<string> argv)
    {
        for (var i = 0; i < argv.Count; i++)
        {
            var a = argv[i];
            if (a.StartsWith("--", StringComparison.Ordinal) && a.Length > 2)
            {
                var eq = a.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    _options[a[2..eq]] = a[(eq + 1)..];
                }
                else if (i + 1 < argv.Count && !argv[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    _options[a[2..]] = argv[++i];
                }
                else
                {
                    _options[a[2..]] = null;
                }
            }
            else
            {
                _positional.Add(a);
            }
        }
    }

    public IReadOnlyList<string> Positional => _positional;

    /// <summary>A switch such as <c>--trace</c>. A switch written before a positional word swallows it, so the word is given back.</summary>
    public bool Flag(string name)
    {
        _read.Add(name);
        if (!_options.TryGetValue(name, out var value))
        {
            return false;
        }

        if (value is not null)
        {
            _positional.Add(value);
            _options[name] = null;
        }

        return true;
    }

    public string? Option(string name)
    {
        _read.Add(name);
        if (_options.TryGetValue(name, out var value))
        {
            return value ?? throw new UsageException($"--{name} 需要一个值 / --{name} needs a value");
        }

        return null;
    }

    public string RequiredOption(string name) =>
        Option(name) ?? throw new UsageException($"缺少 --{name} / --{name} is required");

    public int? IntOption(string name)
    {
        var text = Option(name);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, out var v) ? v : throw new UsageException($"--{name} 应为整数，实际为“{text}” / --{name} must be a whole number, got '{text}'");
    }

    /// <summary>Call after reading every option: an option the command does not know is a usage error.</summary>
    public void EnsureAllRead()
    {
        var unknown = _options.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"未知选项 / unknown option: {string.Join(", ", unknown.Select(u => "--" + u))}");
        }
    }
}

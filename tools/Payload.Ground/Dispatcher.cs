namespace Payload.Ground;

using Payload.Ground.Verbs;

/// <summary>Picks the verb from the command line and runs it; usage errors print a message and give exit code 2.</summary>
public static class Dispatcher
{
    /// <summary>Exit code of a command line that could not be understood.</summary>
    public const int UsageExitCode = 2;

    /// <summary>Runs the verb named by <paramref name="arguments"/> and returns the process exit code.</summary>
    public static int Run(IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            if (arguments.Count == 0)
            {
                error.WriteLine("error: no verb given.");
                error.WriteLine();
                Usage.Write(error);
                return UsageExitCode;
            }
            string verb = arguments[0];
            IReadOnlyList<string> rest = arguments.Skip(1).ToArray();
            switch (verb)
            {
                case "--help" or "-h" or "help":
                    if (rest.Count > 0 && verb == "help") return Usage.WriteVerb(rest[0], output) ? 0 : throw new UsageException($"no help on unknown verb '{rest[0]}'");
                    Usage.Write(output);
                    return 0;
                case "demo":
                    if (rest.Contains("--help")) { Usage.WriteVerb("demo", output); return 0; }
                    return DemoVerb.Run(rest, output);
                case "dict":
                    if (rest.Count == 0 || rest[0] == "--help") { Usage.WriteVerb("dict", output); return rest.Count == 0 ? UsageExitCode : 0; }
                    if (rest[0] != "export") throw new UsageException($"dict: unknown action '{rest[0]}' (actions: export)");
                    if (rest.Contains("--help")) { Usage.WriteVerb("dict", output); return 0; }
                    return DictExportVerb.Run(rest.Skip(1).ToArray(), output, error);
                case "sim" or "send" or "connect":
                    if (rest.Contains("--help")) { Usage.WriteVerb(verb, output); return 0; }
                    return verb switch
                    {
                        "sim" => SimVerb.Run(rest, output, error),
                        "send" => SendVerb.Run(rest, output, error),
                        _ => ConnectVerb.Run(rest, Console.IsInputRedirected ? Console.In : null, output, error),
                    };
                case "archive":
                    if (rest.Count == 0 || rest.Contains("--help")) { Usage.WriteVerb("archive", output); return rest.Count == 0 ? UsageExitCode : 0; }
                    return ArchiveVerb.Run(rest, output, error);
                case "plot":
                    if (rest.Contains("--help")) { Usage.WriteVerb("plot", output); return 0; }
                    return PlotVerb.Run(rest, output, error);
                default:
                    throw new UsageException(verb.StartsWith('-') ? $"unknown option '{verb}' (a verb comes first)" : $"unknown verb '{verb}'");
            }
        }
        catch (UsageException e)
        {
            error.WriteLine($"error: {e.Message}");
            error.WriteLine("Run 'payload-ground --help' for the verbs and their options.");
            return UsageExitCode;
        }
    }
}

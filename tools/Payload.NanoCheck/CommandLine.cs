using Payload.NanoCheck.Reporting;

namespace Payload.NanoCheck;

/// <summary>The console front end: checks each assembly given and prints MSBuild-style errors.</summary>
public static class CommandLine
{
    /// <summary>Exit code when every assembly is clean.</summary>
    public const int Clean = 0;

    /// <summary>Exit code when at least one violation was found.</summary>
    public const int ViolationsFound = 1;

    /// <summary>Exit code for bad usage or an unreadable assembly.</summary>
    public const int Failed = 2;

    /// <summary>Runs the checker on the assembly paths in <paramref name="args"/> and returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Count == 0 || args.Any(arg => arg is "-h" or "--help"))
        {
            error.WriteLine("usage: Payload.NanoCheck <assembly.dll> [more assemblies...]");
            error.WriteLine("Reports code that compiles but fails on nanoFramework 1.17; exits 1 on violations, 2 on errors.");
            return Failed;
        }

        var exitCode = Clean;
        foreach (var path in args)
        {
            CheckReport report;
            try
            {
                report = NanoChecker.CheckFile(path);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or BadImageFormatException)
            {
                output.WriteLine($"error {RuleIds.UnreadableAssembly}: {path}: cannot check assembly: {exception.Message}");
                exitCode = Failed;
                continue;
            }

            foreach (var violation in report.Violations)
            {
                output.WriteLine(violation.ToCanonicalString());
            }

            output.WriteLine(report.Summary);
            if (!report.IsClean && exitCode == Clean)
            {
                exitCode = ViolationsFound;
            }
        }

        return exitCode;
    }
}

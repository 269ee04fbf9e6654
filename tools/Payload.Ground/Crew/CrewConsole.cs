using System.Globalization;
using Payload.Flight.Dictionary;
using Payload.Flight.Modes;
using Payload.GroundStation;
using Payload.GroundStation.Commanding;
using Payload.GroundStation.Link;
using Payload.GroundStation.Telemetry;
using Payload.GroundStation.Tracking;

namespace Payload.Ground.Crew;

/// <summary>
/// The crew console over a ground session: a prompt for "MNEMONIC args" lines (with Tab completion on a terminal),
/// each command's verification stages as they arrive, live telemetry and events with limit and severity colours, and
/// the words help, help MNEMONIC, status and quit.
/// </summary>
/// <remarks>
/// With a script (stdin redirected) lines are read plainly and echoed, and each command is awaited until it finishes
/// (or <see cref="CrewConsoleOptions.CommandTimeout"/>) before the next line, so a scripted session reads in order.
/// </remarks>
public sealed class CrewConsole
{
    /// <summary>The words the console itself understands (besides mnemonics).</summary>
    public static readonly IReadOnlyList<string> ConsoleWords = ["help", "status", "quit"];

    private readonly GroundSession _session;
    private readonly TextWriter _output;
    private readonly CrewConsoleOptions _options;
    private readonly LiveFormatter _formatter;
    private readonly Lock _printLock = new();
    private LineEditor? _editor;

    /// <summary>Creates the console on <paramref name="session"/>, printing to <paramref name="output"/>.</summary>
    public CrewConsole(GroundSession session, TextWriter output, CrewConsoleOptions options)
    {
        _session = session ?? throw new ArgumentNullException(nameof(session));
        _output = output ?? throw new ArgumentNullException(nameof(output));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _formatter = new LiveFormatter(options.Style);
        Completer = new CommandCompleter(session.Dictionary, ConsoleWords);
    }

    /// <summary>The Tab completion it offers.</summary>
    public CommandCompleter Completer { get; }

    /// <summary>Runs the console until quit or the end of input: lines from <paramref name="script"/>, or typed on the terminal when null.</summary>
    /// <returns>0.</returns>
    public int Run(TextReader? script)
    {
        _session.Received += OnReport;
        _session.Tracker.StageReached += OnStage;
        _session.Link.StateChanged += OnLinkState;
        try
        {
            Print(_options.Style.Dim("Type a command (MNEMONIC args), 'help', 'help MNEMONIC', 'status' or 'quit'." + (script is null ? " Tab completes." : "")));
            if (script is null)
            {
                Func<ConsoleKeyInfo> readKey = _options.ReadKey ?? ReadTerminalKey;
                _editor = new LineEditor(readKey, _output, "> ", Completer.Complete);
            }
            while (true)
            {
                string? line = script is null ? _editor!.ReadLine() : script.ReadLine();
                if (line is null) break;
                if (script is not null) Print("> " + line);
                if (!Execute(line.Trim(), awaitFinish: script is not null)) break;
            }
            TrackedCommand[] commands = _session.Tracker.Commands.ToArray();
            Print($"connect: {commands.Length} command(s) sent: {commands.Count(c => c.State == CommandState.Completed)} completed, " +
                  $"{commands.Count(c => c.State == CommandState.Failed)} failed, {commands.Count(c => !c.IsFinished)} pending");
            return 0;
        }
        finally
        {
            _session.Received -= OnReport;
            _session.Tracker.StageReached -= OnStage;
            _session.Link.StateChanged -= OnLinkState;
            _editor = null;
        }
    }

    /// <summary>A key from the terminal; Ctrl+C comes as a key (the editor quits on it) rather than killing the process mid-command.</summary>
    private static ConsoleKeyInfo ReadTerminalKey()
    {
        Console.TreatControlCAsInput = true;
        return Console.ReadKey(intercept: true);
    }

    /// <summary>Runs one line; false when it was quit.</summary>
    private bool Execute(string line, bool awaitFinish)
    {
        if (line.Length == 0 || line.StartsWith('#')) return true;
        string[] words = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        switch (words[0].ToLowerInvariant())
        {
            case "quit" or "exit" or "q":
                return false;
            case "help" or "?":
                Print(words.Length > 1 ? Help(words[1]) : Help());
                return true;
            case "status":
                Print(Status());
                return true;
        }

        TrackedCommand tracked;
        try
        {
            tracked = _session.SendLine(line);
        }
        catch (CommandEncodingException e)
        {
            Print(_options.Style.Red("refused: " + e.Message));
            return true;
        }
        catch (Exception e) when (e is LinkNotConnectedException or DictionaryMismatchException)
        {
            Print(_options.Style.Red("not sent: " + e.Message));
            return true;
        }
        Print($"sent {tracked.Command} as request {tracked.RequestId}");
        if (!awaitFinish) return true;
        if (tracked.Finished.Wait(_options.CommandTimeout)) Thread.Sleep(_options.ReplySettle);
        else Print(_options.Style.Yellow($"{tracked}: no final report within {_options.CommandTimeout.TotalSeconds:0.#} s; going on"));
        return true;
    }

    private string Help()
    {
        CommandDefinition[] commands = _session.Dictionary.Commands.OrderBy(c => c.Mnemonic, StringComparer.Ordinal).ToArray();
        int width = commands.Max(c => c.Mnemonic.Length);
        var lines = new List<string> { "commands (help MNEMONIC for its arguments):" };
        lines.AddRange(commands.Select(c => $"  {c.Mnemonic.PadRight(width)}  {c.Description}"));
        lines.Add("console: help [MNEMONIC], status (link and counters), quit; Tab completes mnemonics, argument names and labels");
        return string.Join(Environment.NewLine, lines);
    }

    private string Help(string mnemonic)
    {
        CommandDefinition command;
        try
        {
            command = _session.Encoder.Find(mnemonic);
        }
        catch (CommandEncodingException e)
        {
            return _options.Style.Red(e.Message);
        }
        var lines = new List<string>
        {
            CommandEncoder.Synopsis(command),
            $"  {command.Description}",
            $"  TC[{command.Service},{command.Subtype}], accepted in {Modes(command.AllowedModes)}" +
            (command.TimeoutTicks > 0 ? $", times out after {(command.TimeoutTicks * Flight.Config.FlightConfiguration.MinorFrameMicroseconds / 1e6).ToString("0.###", CultureInfo.InvariantCulture)} s" : ""),
        };
        for (int i = 0; i < command.Arguments.Length; i++)
        {
            ArgumentDefinition argument = command.Arguments[i];
            if (CommandEncoder.IsComputedLength(command, i)) continue;
            string unit = argument.Unit.Length > 0 ? $" {argument.Unit}" : "";
            string values = Completer.ValuesOf(argument) is { Count: > 0 and <= 12 } named ? $" [{string.Join(", ", named)}]" : "";
            lines.Add($"  {argument.Name}: {argument.Type} {argument.Minimum}..{argument.Maximum}{unit}{values} — {argument.Description}");
        }
        return string.Join(Environment.NewLine, lines);
    }

    private static string Modes(byte mask)
    {
        string[] names = Enum.GetValues<Mode>().Where(m => ModeMask.Contains(mask, m)).Select(m => m.ToString().ToUpperInvariant()).ToArray();
        return names.Length == 0 ? "no mode" : string.Join(", ", names);
    }

    private string Status()
    {
        GroundStatistics statistics = _session.Statistics;
        string hash = _session.LastHashCheck?.ToString() ?? "dictionary hash not reported yet";
        return $"link {_session.Link.Description}: {_session.Link.State}; {hash}" + Environment.NewLine +
               $"  received {statistics.PacketsReceived} packets ({statistics.OctetsReceived} octets, {statistics.FramesDiscarded} frames discarded); " +
               $"sent {statistics.CommandsSent} commands; tracker: {_session.Tracker.CompletedCount} completed, {_session.Tracker.FailedCount} failed, {_session.Tracker.PendingCount} pending";
    }

    private void OnReport(TelemetryReport report)
    {
        // Verification of our own commands is printed by OnStage, with the elapsed time.
        if (report is VerificationReport verification && _session.Tracker.Find(verification.RequestId) is not null) return;
        if (report is HousekeepingReport && !_options.ShowHousekeeping) return;
        Print(_formatter.Format(report));
    }

    private void OnStage(TrackedCommand command, VerificationReport report)
    {
        long elapsed = (command.LastReportAtMicroseconds ?? _session.NowMicroseconds) - command.SentAtMicroseconds;
        string text = $"  {report.Describe()}  +{(elapsed / 1000.0).ToString("0.0", CultureInfo.InvariantCulture)} ms";
        Print(report.Success ? _options.Style.Green(text) : _options.Style.Red(text));
    }

    private void OnLinkState(LinkStateChange change)
    {
        string text = $"link {change}";
        Print(change.State == LinkState.Connected ? _options.Style.Green(text) : _options.Style.Yellow(text));
    }

    private void Print(string text)
    {
        if (_editor is { } editor)
        {
            editor.WriteAbove(text);
            return;
        }
        lock (_printLock)
        {
            _output.WriteLine(text);
            _output.Flush();
        }
    }
}

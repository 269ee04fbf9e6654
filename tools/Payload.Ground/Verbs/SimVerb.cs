using System.Globalization;
using System.Runtime.InteropServices;
using Payload.Ground.Demo;
using Payload.Ground.Live;
using Payload.GroundStation;
using Payload.GroundStation.Simulation;
using Payload.GroundStation.Transports;

namespace Payload.Ground.Verbs;

/// <summary>
/// sim: a simulated board as its own process, in real time, serving one endpoint (TCP, UDP, a serial device, a new
/// pty) until Ctrl+C, SIGTERM or --duration; with --control tcp://HOST:PORT also a bench control port for a HIL bench
/// (BenchControlProtocol: <c>PASS NISAR</c> flies a radar pass, <c>POWER CYCLE</c> resets the board, <c>LINK OFF</c> cuts its link).
/// </summary>
public static class SimVerb
{
    /// <summary>Runs the verb; 0 after a clean stop, 4 when the endpoint could not be opened, 1 when the board faulted.</summary>
    /// <exception cref="UsageException">An option is wrong.</exception>
    public static int Run(IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var options = new OptionReader("sim", arguments, ["--listen", "--tm", "--baud", "--seed", "--duration", "--step-us", "--corrupt", "--control"], ["--print"]);
        SimServerOptions serverOptions = ReadOptions(options);
        double? duration = options.Value("--duration") is null ? null : options.PositiveNumber("--duration", 0);
        TextWriter log = TextWriter.Synchronized(output);

        SimServer server;
        try
        {
            server = new SimServer(serverOptions);
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or ArgumentException or System.Net.Sockets.SocketException)
        {
            error.WriteLine($"sim: cannot listen on {serverOptions.Listen}: {e.Message}");
            return ExitCodes.LinkError;
        }

        using (server)
        using (var stop = new ManualResetEventSlim(false))
        {
            bool faulted = false;
            server.Log += line => log.WriteLine($"sim: {line}");
            server.Driver.Faulted += _ =>
            {
                faulted = true;
                stop.Set();
            };
            if (options.Has("--print"))
            {
                var printer = new TelemetryPrinter(log);
                server.Telemetry += printer.Print;
            }

            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                e.Cancel = true;
                stop.Set();
            };
            Console.CancelKeyPress += onCancel;
            using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                stop.Set();
            });
            try
            {
                server.Start();
                string connect = server.ClientUri is { } uri ? $"; a ground connects with {uri}" : "";
                string control = server.ControlUri is { } controlUri ? $"; bench control on {controlUri}" : "";
                log.WriteLine($"sim: simulated board listening on {server.ListeningOn}{connect}; {serverOptions.BaudRate} baud, real time " +
                              $"(step {serverOptions.Step.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture)} ms); " +
                              $"dictionary hash {ValueFormat.Hash(server.Dictionary.Hash)}{control}");
                log.Flush();
                if (duration is { } seconds) stop.Wait(TimeSpan.FromSeconds(seconds));
                else stop.Wait();
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
                server.Driver.Stop();
            }
            log.WriteLine($"sim: stopped after {server.Driver.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s: {server.Summary()}");
            return faulted ? ExitCodes.CommandFailed : ExitCodes.Ok;
        }
    }

    private static SimServerOptions ReadOptions(OptionReader options)
    {
        string listenText = options.Value("--listen") ?? throw new UsageException("sim: give --listen tcp://HOST:PORT, udp://HOST:PORT, serial://PATH or pty");
        LinkAddress listen = Parse(listenText);
        if (listen.Scheme == LinkScheme.Sim) throw new UsageException("sim: --listen sim: makes no sense; listen on tcp://, udp://, serial:// or pty");
        LinkAddress? telemetry = null;
        if (options.Value("--tm") is { } tmText)
        {
            if (listen.Scheme != LinkScheme.Udp) throw new UsageException("sim: --tm is for UDP only (--listen udp://…)");
            telemetry = Parse(tmText);
            if (telemetry.Scheme != LinkScheme.Udp) throw new UsageException($"sim: --tm must be udp://HOST:PORT, not '{tmText}'");
        }
        int baud = (int)Integer(options, "--baud", LinkAddress.DefaultBaud, 300, 100_000_000);
        if (listen.Query.ContainsKey("baud") && options.Value("--baud") is null) baud = listen.Baud;
        LinkAddress? control = null;
        if (options.Value("--control") is { } controlText)
        {
            control = Parse(controlText);
            if (control.Scheme != LinkScheme.Tcp) throw new UsageException($"sim: --control must be tcp://HOST:PORT (port 0: any free one), not '{controlText}'");
        }
        double corrupt = 0;
        if (options.Value("--corrupt") is { } corruptText
            && (!double.TryParse(corruptText, NumberStyles.Float, CultureInfo.InvariantCulture, out corrupt) || corrupt is < 0 or > 1))
            throw new UsageException($"sim: --corrupt must be a probability in 0..1, not '{corruptText}'");
        return new SimServerOptions
        {
            Listen = listen,
            Telemetry = telemetry,
            BaudRate = baud,
            Seed = (int)Integer(options, "--seed", 1, int.MinValue, int.MaxValue),
            Step = TimeSpan.FromMicroseconds(Integer(options, "--step-us", 1000, 50, 1_000_000)),
            CorruptionProbability = corrupt,
            Control = control,
        };
    }

    private static LinkAddress Parse(string text)
    {
        try
        {
            return LinkAddress.Parse(text);
        }
        catch (FormatException e)
        {
            throw new UsageException($"sim: {e.Message}");
        }
    }

    private static long Integer(OptionReader options, string name, long fallback, long min, long max)
    {
        if (options.Value(name) is not { } text) return fallback;
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) || value < min || value > max)
            throw new UsageException($"sim: {name} must be an integer in {min}..{max}, not '{text}'");
        return value;
    }
}

using System.Diagnostics;
using Payload.GroundStation.Transports;
using Payload.GroundStation.Tracking;

namespace Payload.GroundStation.Tests.Transports;

/// <summary>The serial transport: over a socat pty pair (the simulator on one end), and on the simulator's own pty.</summary>
public sealed class SerialTransportTests
{
    [SocatFact]
    public void ACommandRoundTripsOverASocatPtyPair()
    {
        using var pair = SocatPair.Start();
        using var sim = new LiveSim($"serial://{pair.First}?baud=115200");

        GroundSession session = sim.Connect(GroundLinkFactory.Open($"serial://{pair.Second}?baud=115200"));

        Assert.True(Wall.Until(() => session.LastHashCheck is { Matches: true }, 2), "no housekeeping over the pty pair");
        TrackedCommand command = Wall.Finished(session.Send("TEST_ARE_YOU_ALIVE"));
        Assert.True(command.Completed, command.ToString());
        Assert.Equal($"serial://{pair.Second}?baud=115200", session.Link.Description);
    }

    [Fact]
    public void ACommandRoundTripsOnThePtyTheSimulatorCreates()
    {
        if (!OperatingSystem.IsLinux()) return; // the pty endpoint is Linux-only; the socat test covers serial elsewhere
        using var sim = new LiveSim("pty");
        string uri = sim.Server.ClientUri!;
        Assert.StartsWith("serial:///dev/pts/", uri, StringComparison.Ordinal);

        GroundSession session = sim.Connect(GroundLinkFactory.Open(uri));

        TrackedCommand command = Wall.Finished(session.Send("TEST_ARE_YOU_ALIVE"));
        Assert.True(command.Completed, command.ToString());
        Assert.True(Wall.Until(() => session.LastHashCheck is { Matches: true }, 2));
    }
}

/// <summary>Runs only where socat is installed — except in CI (CI=true), which installs it, so there a missing socat fails.</summary>
public sealed class SocatFactAttribute : FactAttribute
{
    public SocatFactAttribute()
    {
        if (!SocatPair.IsInstalled && Environment.GetEnvironmentVariable("CI") is null)
            Skip = "socat is not installed (apt-get install -y socat); .ci/run installs it, so CI runs this test";
    }
}

/// <summary>Two linked pseudo-terminals made by <c>socat -d -d pty,raw,echo=0 pty,raw,echo=0</c>; the paths come from its log on stderr.</summary>
internal sealed class SocatPair : IDisposable
{
    private readonly Process _socat;

    private SocatPair(Process socat, string first, string second)
    {
        _socat = socat;
        First = first;
        Second = second;
    }

    public static bool IsInstalled =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(d => d.Length > 0 && File.Exists(Path.Combine(d, "socat")));

    public string First { get; }

    public string Second { get; }

    public static SocatPair Start()
    {
        var socat = Process.Start(new ProcessStartInfo("socat", "-d -d pty,raw,echo=0 pty,raw,echo=0") { RedirectStandardError = true, UseShellExecute = false })
            ?? throw new InvalidOperationException("socat did not start");
        var paths = new List<string>();
        var reading = Task.Run(() =>
        {
            // "2026/11/29 21:32:26 socat[19044] N PTY is /dev/pts/0"
            while (paths.Count < 2 && socat.StandardError.ReadLine() is { } line)
            {
                int at = line.IndexOf("PTY is ", StringComparison.Ordinal);
                if (at >= 0) paths.Add(line[(at + 7)..].Trim());
            }
        });
        if (!reading.Wait(TimeSpan.FromSeconds(5)) || paths.Count < 2)
        {
            socat.Kill();
            socat.Dispose();
            throw new InvalidOperationException("socat did not report its two ptys within 5 s");
        }
        return new SocatPair(socat, paths[0], paths[1]);
    }

    public void Dispose()
    {
        if (!_socat.HasExited) _socat.Kill();
        _socat.WaitForExit(2000);
        _socat.Dispose();
    }
}

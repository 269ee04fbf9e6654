using System.Diagnostics;
using System.Text.RegularExpressions;
using Payload.Flight.Commanding;
using Payload.GroundStation;
using Payload.GroundStation.Transports;
using Payload.GroundStation.Tracking;

namespace Payload.Ground.Tests.Live;

/// <summary>The tool as its own process (dotnet payload-ground.dll …): the sim verb serving another process, and connect on a redirected stdin.</summary>
public sealed partial class ProcessTests
{
    [Fact]
    public async Task TheSimVerbServesACommandOverTcpThenStopsAfterItsDuration()
    {
        using var sim = ToolProcess.Start("sim --listen tcp://127.0.0.1:0 --duration 2.5");
        string first = sim.ReadLine(TimeSpan.FromSeconds(10)) ?? throw new InvalidOperationException("sim printed nothing: " + sim.Error);
        Match uri = ConnectWith().Match(first);
        Assert.True(uri.Success, first);

        using (var session = new GroundSession(GroundLinkFactory.Open(uri.Groups[1].Value), Payload.Ground.Live.GroundDictionary.Default))
        {
            TrackedCommand command = session.Send("TEST_ARE_YOU_ALIVE");
            await command.Finished.WaitAsync(TimeSpan.FromSeconds(3));
            Assert.True(command.Completed, command.ToString());
            Assert.Equal(FailureCode.None, command.FailureCode);
            session.Link.Dispose();
        }

        Assert.True(sim.WaitForExit(TimeSpan.FromSeconds(5)), "sim did not stop after --duration");
        Assert.Equal(0, sim.ExitCode);
        string rest = sim.RemainingOutput();
        Assert.Contains("connected", rest, StringComparison.Ordinal);
        Assert.Matches(@"sim: stopped after 2\.\d s: uplink \d+ octets, .* lag p50 ", rest);
    }

    [Fact]
    public void ConnectReadsARedirectedStdinPlainly()
    {
        using var connect = ToolProcess.Start("connect sim: --no-hk --hash-timeout 2", stdin: "TEST_ARE_YOU_ALIVE\nMODE_SET mode=STANDBY\nquit\n");

        Assert.True(connect.WaitForExit(TimeSpan.FromSeconds(15)), "connect did not end at quit");
        string output = connect.RemainingOutput();
        Assert.True(connect.ExitCode == 0, output + connect.Error);
        Assert.Contains("connect: connected to sim: (real time)", output, StringComparison.Ordinal);
        Assert.Contains("COMPLETION ok  TEST_ARE_YOU_ALIVE", output, StringComparison.Ordinal);
        Assert.Contains("MODE_CHANGED from=SAFE to=STANDBY", output, StringComparison.Ordinal);
        Assert.Contains("connect: 2 command(s) sent: 2 completed, 0 failed, 0 pending", output, StringComparison.Ordinal);
    }

    [GeneratedRegex("a ground connects with (tcp://[^;]+);")]
    private static partial Regex ConnectWith();
}

/// <summary>payload-ground run as a child process with its outputs captured.</summary>
internal sealed class ToolProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _error;

    private ToolProcess(Process process)
    {
        _process = process;
        _error = process.StandardError.ReadToEndAsync();
    }

    public int ExitCode => _process.ExitCode;

    public string Error => _error.IsCompleted ? _error.Result : "";

    /// <summary>Starts <c>dotnet payload-ground.dll</c> with <paramref name="arguments"/>, feeding <paramref name="stdin"/> when given.</summary>
    public static ToolProcess Start(string arguments, string? stdin = null)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "payload-ground.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing (the test project references Payload.Ground)");
        var start = new ProcessStartInfo("dotnet", $"\"{dll}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        if (stdin is not null) process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        return new ToolProcess(process);
    }

    public string? ReadLine(TimeSpan timeout)
    {
        Task<string?> line = _process.StandardOutput.ReadLineAsync();
        return line.Wait(timeout) ? line.Result : null;
    }

    public bool WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout);

    public string RemainingOutput() => _process.StandardOutput.ReadToEnd();

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}

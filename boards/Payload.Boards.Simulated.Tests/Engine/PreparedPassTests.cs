using Payload.Boards.Simulated.Engine;
using Payload.Boards.Simulated.Scene;
using Payload.Flight.Instrument.Acquisition;
using Payload.Flight.Modes;

namespace Payload.Boards.Simulated.Tests.Engine;

/// <summary>A pass synthesised beforehand (its pulses held) flies exactly like one the board synthesises as it flies.</summary>
public class PreparedPassTests
{
    private const long Second = 1_000_000;

    private static (SimulatedBoard Board, List<long> DataReadyTicks, List<string> Downlink) Fly(Func<SimulatedBoard, RadarPass> fly)
    {
        var board = new SimulatedBoard();
        var ticks = new List<long>();
        var downlink = new List<string>();
        board.Digitizer.DataReadyFalling += ticks.Add;
        board.Uart.GroundReceived += (buffer, offset, count) => downlink.Add($"{board.NowMicroseconds}:{Convert.ToHexString(buffer, offset, count)}");
        board.RunFor(Second);
        Assert.True(board.Software.Modes.TryEnter(Mode.Standby));
        Assert.True(board.Software.Modes.TryEnter(Mode.Acquire));
        board.Instrument!.Acquisition.Arm(30, 60, ExpectedRadar.Nisar, 0, 0, out _);
        var pass = fly(board);
        board.RunFor((long)(pass.Geometry.Profile.VisibleDurationS * Second) + Second / 2);
        return (board, ticks, downlink);
    }

    [Fact]
    public void A_prepared_pass_flies_like_the_pass_the_board_synthesises()
    {
        var options = new SceneOptions { Effects = SceneEffects.Nominal with { DropProbability = 0.05 } };
        var prepared = RadarPass.Simulate(RadarProfile.NisarL(), options with { Clock = options.Clock with { EpochTicks = Second * SimulatedBoard.TicksPerMicrosecond } });
        Assert.Equal(prepared.Truth.EmittedPulsesVisible, prepared.Pulses.Count); // held before it flies

        var synthesised = Fly(board => board.FlyPass(RadarProfile.NisarL(), options));
        var held = Fly(board => board.FlyPass(prepared));

        Assert.Equal(prepared.Truth.DeliveredPulsesVisible, synthesised.Board.Digitizer.PulsesSeen);
        Assert.Equal(synthesised.Board.Digitizer.PulsesSeen, held.Board.Digitizer.PulsesSeen);
        Assert.Equal(synthesised.Board.Digitizer.PulseCount, held.Board.Digitizer.PulseCount);
        Assert.True(synthesised.DataReadyTicks.Count > 100, $"{synthesised.DataReadyTicks.Count} DRDY edges");
        Assert.Equal(synthesised.DataReadyTicks, held.DataReadyTicks);
        Assert.Equal(synthesised.Downlink, held.Downlink);
    }
}

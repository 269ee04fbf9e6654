using Payload.Boards.Simulated.Engine;
using Payload.Boards.Simulated.Tests.Engine;
using Payload.Flight.Devices.Digitizer;
using Payload.Flight.Instrument.Acquisition;
using Payload.Flight.Modes;
using Payload.Flight.Protocol;
using Payload.Flight.Verification;
using static Payload.Flight.Instrument.Acquisition.AcquisitionDictionary;

namespace Payload.Boards.Simulated.Tests.Instrument;

/// <summary>ACQ_CONFIGURE on the whole simulated board: the digitizer model holds the configuration after a watchdog reset or a power cut, and after FDIR recovers it.</summary>
public class ConfigurationAcrossResetsTests
{
    private const long Second = 1_000_000;
    private static readonly (long, long, long, long) Configured = (25_000, 32, 400_000, 400);

    [Theory]
    [InlineData("watchdog")]
    [InlineData("power cut")]
    public void The_configuration_is_back_on_the_digitizer_after_a_reset_and_after_an_fdir_recovery(string cause)
    {
        var board = new SimulatedBoard();
        var ground = new BoardGround(board);
        board.RunFor(Second);
        Assert.Contains(VerificationReporter.CompletionSuccess, Execute(board, ground, ModeManager.Service, ModeManager.SetSubtype, (byte)Mode.Standby));
        Assert.Contains(VerificationReporter.CompletionSuccess, Execute(board, ground, Service, ConfigureSubtype, ConfigureData()));
        Assert.Equal(Configured, Registers(board));

        if (cause == "watchdog")
        {
            board.Hang(3 * Second); // the supervisor resets the board
            board.RunFor(5 * Second);
        }
        else
        {
            board.Reset(cause);
            board.RunFor(2 * Second);
        }

        Assert.Equal(1, board.Resets[cause]);
        Assert.Equal(2, board.Boots);
        Assert.True(board.Instrument!.Acquisition.Supervisor.IsOperational);
        Assert.Equal(Configured, Registers(board));
        Assert.Equal(Configured, Reported(board));
        Assert.Equal(0, board.Software.Parameters.Get(Payload.Flight.Parameters.ParameterPersistence.RestoreOutOfRangeParameter));

        long resets = board.Digitizer.Resets;
        board.Digitizer.LockUp();
        Assert.True(board.RunUntil(() => board.Software.Parameters.Get(RecoveriesParameter) == 1, 5 * Second));
        Assert.Equal(resets + 1, board.Digitizer.Resets);
        Assert.Equal(Configured, Registers(board));
    }

    private static byte[] ConfigureData()
    {
        var (threshold, watermark, latency, width) = Configured;
        var data = new byte[10];
        BigEndian.WriteUInt16(data, 0, (int)threshold);
        BigEndian.WriteUInt16(data, 2, (int)watermark);
        BigEndian.WriteUInt32(data, 4, latency);
        BigEndian.WriteUInt16(data, 8, (int)width);
        return data;
    }

    private static List<byte> Execute(SimulatedBoard board, BoardGround ground, byte service, byte subtype, params byte[] data)
    {
        ushort sequence = ground.Send(service, subtype, data);
        board.RunFor(Second / 2);
        return ground.Verification(sequence);
    }

    private static (long, long, long, long) Registers(SimulatedBoard board) =>
        (board.Digitizer.Peek(DigitizerRegister.Threshold), board.Digitizer.Peek(DigitizerRegister.Watermark),
            board.Digitizer.Peek(DigitizerRegister.MaxLatency), board.Digitizer.Peek(DigitizerRegister.MinWidth));

    private static (long, long, long, long) Reported(SimulatedBoard board) =>
        (board.Software.Parameters.Get(ThresholdParameter), board.Software.Parameters.Get(WatermarkParameter),
            board.Software.Parameters.Get(MaxLatencyParameter), board.Software.Parameters.Get(MinWidthParameter));
}

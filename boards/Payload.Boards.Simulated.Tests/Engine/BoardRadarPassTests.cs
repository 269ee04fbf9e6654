using Payload.Boards.Simulated.Engine;
using Payload.Boards.Simulated.Scene;
using Payload.Flight;
using Payload.Flight.Devices.Digitizer;
using Payload.Flight.Hardware;

namespace Payload.Boards.Simulated.Tests.Engine;

/// <summary>The board's radar path end to end: scene → antenna → digitizer model → DRDY edge → flight driver → ring.</summary>
public class BoardRadarPassTests
{
    private sealed class DataReadyToDriver(DigitizerDriver driver) : IPinEdgeHandler
    {
        public int Edges { get; private set; }

        public void OnEdge(int pin, bool rising, long nowMicroseconds)
        {
            Edges++;
            // One block per burst: read until the chip says nothing is left, as the acquisition controller does.
            for (var block = 0; block < 64; block++)
            {
                driver.OnDataReady(nowMicroseconds);
                if (driver.LastRemaining == 0) break;
            }
        }
    }

    private static (SimulatedBoard Board, Func<DigitizerDriver> Driver, Func<DataReadyToDriver> Handler) BoardWithDriver(long latencyMicroseconds = 0)
    {
        DigitizerDriver? driver = null;
        DataReadyToDriver? handler = null;
        var board = new SimulatedBoard(new SimulatedBoardOptions
        {
            DataReadyLatencyMicroseconds = latencyMicroseconds,
            Boot = (hardware, instrument, now) =>
            {
                var software = new FlightSoftware(hardware, now);
                driver = new DigitizerDriver(instrument.Digitizer, instrument.DigitizerReset, 64, 65536);
                driver.Reset();
                Assert.Equal(DigitizerResult.Ok, driver.SelfTest());
                Assert.Equal(DigitizerResult.Ok, driver.Configure(20_000, 64, 800_000, 8));
                handler = new DataReadyToDriver(driver);
                software.HandlePinEdges(instrument.DataReadyPin, handler);
                software.CompleteBoot();
                return new BootedSoftware(software, null);
            },
        });
        return (board, () => driver!, () => handler!);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20_000)]
    public void Every_pulse_the_digitizer_captures_in_a_NISAR_pass_reaches_the_flight_ring(long latencyMicroseconds)
    {
        var (board, driver, handler) = BoardWithDriver(latencyMicroseconds);
        board.RunFor(100_000);

        var pass = board.FlyPass(RadarProfile.NisarL());
        board.RunFor((long)(pass.Geometry.Profile.VisibleDurationS * 1_000_000) + 200_000);

        Assert.True(board.Digitizer.PulseCount > 4000, $"{board.Digitizer.PulseCount} pulses captured");
        Assert.True(handler().Edges > 10);
        Assert.Equal(board.Digitizer.PulseCount, driver().RecordsRead + driver().Ring.Overflowed + board.Digitizer.FifoLevel);
        Assert.Equal(0, driver().CrcErrors);
        Assert.Equal(0, board.Digitizer.LostCount);
    }

    [Fact]
    public void The_housekeeping_adc_sees_the_board_temperature()
    {
        var board = new SimulatedBoard();
        board.AnalogInputs.TemperatureCelsius = 60;

        var driver = new Payload.Flight.Devices.Mcp3208.Mcp3208(board.HousekeepingAdc);

        Assert.Equal(Payload.Boards.Simulated.Chips.Mcp3208.Mcp3208Model.CodeFor(0.5 + 0.6, 2.048), driver.Read(1));
    }
}

/// <summary>The payload software as the board boots it: the instrument's telemetry is real from the first report.</summary>
public class InstrumentBootTests
{
    [Fact]
    public void The_first_housekeeping_carries_measured_rails_and_temperatures()
    {
        var board = new SimulatedBoard();

        var parameters = board.Software.Parameters;

        Assert.Equal(2500, parameters.Get(Payload.Flight.Instrument.Health.HousekeepingAdcMap.DetectorTemperatureParameter));
        Assert.InRange(parameters.Get(Payload.Flight.Instrument.Health.HousekeepingAdcMap.Rail5VParameter), 4990, 5010);
    }

    [Fact]
    public void A_temperature_excursion_shows_in_the_instrument_telemetry()
    {
        var board = new SimulatedBoard();
        board.RunFor(2_000_000);

        board.AnalogInputs.TemperatureCelsius = 80;
        board.RunFor(2_000_000);

        var parameters = board.Software.Parameters;
        long boardTemperature = parameters.Get(Payload.Flight.Instrument.Health.HousekeepingAdcMap.BoardTemperatureParameter);
        Assert.InRange(boardTemperature, 7990, 8010);
        var definition = board.Software.Dictionary.FindParameter(Payload.Flight.Instrument.Health.HousekeepingAdcMap.BoardTemperatureParameter)!;
        Assert.True(boardTemperature > definition.HighLimit, "80 °C is above the board temperature's high limit");
    }
}

/// <summary>SPI transfers take their byte time of the CPU, so the executive measures what the board would.</summary>
public class SpiTimingTests
{
    [Fact]
    public void Spi_transfers_show_in_the_rate_groups_execution_times()
    {
        var board = new SimulatedBoard();
        board.RunFor(1_000_000);
        board.Software.Modes.TryEnter(Payload.Flight.Modes.Mode.Standby);
        board.Software.Modes.TryEnter(Payload.Flight.Modes.Mode.Acquire);
        board.Instrument!.Acquisition.Arm(30, 60, Payload.Flight.Instrument.Acquisition.ExpectedRadar.Nisar, 0, 0, out _);

        board.FlyPass(RadarProfile.NisarL());
        board.RunFor(12_000_000);

        var executive = board.Software.Executive;
        long frameGroup = executive.Group(Payload.Flight.Config.FlightConfiguration.FrameGroup).HighWaterMicroseconds;
        long slowGroup = executive.Group(Payload.Flight.Config.FlightConfiguration.SlowGroup).HighWaterMicroseconds;
        // The 1 Hz group converts seven housekeeping channels, three octets each at 1 MHz.
        long sevenConversions = 7 * SimulatedBoard.SpiMicroseconds(3, SimulatedBoard.HousekeepingAdcSpiHz);
        Assert.True(slowGroup >= sevenConversions, $"1 Hz group high-water {slowGroup} us, seven conversions {sevenConversions} us");
        Assert.True(frameGroup > 0, "the frame group's digitizer register reads take time");
    }

    [Fact]
    public void The_clock_never_runs_backwards_across_steps()
    {
        var scheduler = new EventScheduler();
        var clock = new VirtualClock(scheduler);
        long during = 0, after = 0;
        scheduler.At(1_000, () => { clock.Spend(500); during = clock.NowMicroseconds; });
        scheduler.At(1_200, () => after = clock.NowMicroseconds);

        scheduler.RunUntil(2_000);

        Assert.Equal(1_500, during);
        Assert.Equal(1_500, after); // held, not 1_200
        Assert.Equal(2_000, clock.NowMicroseconds);
    }
}

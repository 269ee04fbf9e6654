using Payload.Boards.Simulated.Chips.Digitizer;
using Payload.Boards.Simulated.Scene;
using Payload.Flight.Devices.Digitizer;

namespace Payload.Boards.Simulated.Tests.Chips.Digitizer;

/// <summary>The flight driver wired to the chip model as on the board: SPI, nRESET, and DRDY falling edges calling OnDataReady.</summary>
/// <remarks>
/// A tiny event loop: the model is advanced from event to event (<see cref="DigitizerModel.NextEventTicks"/>); a falling
/// DRDY edge is remembered and, once the model has reached that tick, the driver's handler runs (the board's interrupt).
/// </remarks>
internal sealed class DigitizerBench
{
    private bool _edge;

    public DigitizerBench(IDetectedPulseSource pulses, int blockRecords = 16, int ringCapacity = 8192, int seed = 1)
    {
        Chip = new DigitizerModel(pulses, seed);
        Driver = new DigitizerDriver(Chip, Chip.ResetPin, blockRecords, ringCapacity);
        Chip.DataReadyFalling += _ => _edge = true;
    }

    public DigitizerModel Chip { get; }

    public DigitizerDriver Driver { get; }

    /// <summary>Results of every OnDataReady call, when <see cref="RecordResults"/> is on.</summary>
    public List<DigitizerBlockResult> Results { get; } = [];

    public bool RecordResults { get; set; } = true;

    /// <summary>Self-test and configure; asserts both succeed.</summary>
    public DigitizerBench Start(int threshold = 20_000, int watermark = 16, long maxLatencyTicks = 800_000, int minWidthTicks = 8)
    {
        Assert.Equal(DigitizerResult.Ok, Driver.SelfTest());
        Assert.Equal(DigitizerResult.Ok, Driver.Configure(threshold, watermark, maxLatencyTicks, minWidthTicks));
        return this;
    }

    /// <summary>Runs virtual time up to <paramref name="endTicks"/>, serving each DRDY edge at its tick.</summary>
    public void RunUntil(long endTicks)
    {
        while (true)
        {
            long next = Math.Min(Chip.NextEventTicks, endTicks);
            Chip.AdvanceTo(next);
            if (_edge)
            {
                _edge = false;
                var result = Driver.OnDataReady(next / 80);
                if (RecordResults) Results.Add(result);
            }

            if (next >= endTicks) return;
        }
    }

    /// <summary>Every record in the ring, oldest first (consumes them).</summary>
    public List<PulseRecord> Drain()
    {
        var records = new List<PulseRecord>();
        while (Driver.Ring.TryRead(out var record)) records.Add(record);
        return records;
    }
}

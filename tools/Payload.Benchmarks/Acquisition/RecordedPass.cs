using Payload.Boards.Simulated.Chips.Digitizer;
using Payload.Boards.Simulated.Scene;
using Payload.Flight.Devices.Digitizer;

namespace Payload.Benchmarks.Acquisition;

/// <summary>
/// The FIFO bursts of one radar pass as the flight driver read them from the simulated board's digitizer model: the
/// model fed by the scene, DRDY edges served at their tick (as the board's interrupt does), every burst recorded.
/// </summary>
internal sealed class RecordedPass
{
    private RecordedPass(RadarPass pass, List<byte[]> bursts, long records, double recordSeconds)
    {
        Pass = pass;
        Bursts = bursts;
        Records = records;
        RecordSeconds = recordSeconds;
    }

    /// <summary>The scene pass the bursts came from.</summary>
    public RadarPass Pass { get; }

    /// <summary>Every FIFO_DATA burst response, in order, each of the driver's full burst length.</summary>
    public IReadOnlyList<byte[]> Bursts { get; }

    /// <summary>Pulse records the bursts hold in all.</summary>
    public long Records { get; }

    /// <summary>Wall time the model took to produce them (not part of any figure).</summary>
    public double RecordSeconds { get; }

    /// <summary>Runs <paramref name="pass"/> through the chip model and the flight driver configured as given, recording every burst.</summary>
    /// <exception cref="InvalidOperationException">The driver did not get every record the chip captured, cleanly.</exception>
    public static RecordedPass Record(RadarPass pass, int blockRecords, int threshold, int watermark, long maxLatencyTicks, int minWidthTicks)
    {
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        var chip = new DigitizerModel(pass.CreateSource());
        var recorder = new BurstRecorder(chip);
        var driver = new DigitizerDriver(recorder, chip.ResetPin, blockRecords, DigitizerDriver.DefaultRingCapacity);
        bool edge = false;
        chip.DataReadyFalling += _ => edge = true;
        Expect(driver.SelfTest(), "self-test");
        Expect(driver.Configure(threshold, watermark, maxLatencyTicks, minWidthTicks), "configure");
        recorder.Bursts.Clear();

        // Until the scene is exhausted and the last records have aged out of the FIFO (MAX_LATENCY).
        for (long next = chip.NextEventTicks; next != long.MaxValue; next = chip.NextEventTicks)
        {
            chip.AdvanceTo(next);
            if (edge)
            {
                edge = false;
                driver.OnDataReady(next / DigitizerChip.TicksPerMicrosecond);
                driver.Ring.Discard(driver.Ring.Count);
            }
        }

        if (driver.CrcErrors + driver.FrameErrors + driver.NoResponses + driver.RecordsLost + driver.RingOverflows + chip.LostCount != 0
            || driver.RecordsRead != chip.PulseCount || chip.FifoLevel != 0)
        {
            throw new InvalidOperationException($"recording was not clean: read {driver.RecordsRead} of {chip.PulseCount} records, " +
                                                $"{driver.CrcErrors} CRC errors, {driver.RecordsLost + chip.LostCount} lost");
        }

        double seconds = (System.Diagnostics.Stopwatch.GetTimestamp() - start) / (double)System.Diagnostics.Stopwatch.Frequency;
        return new RecordedPass(pass, recorder.Bursts, driver.RecordsRead, seconds);
    }

    private static void Expect(DigitizerResult result, string step)
    {
        if (result != DigitizerResult.Ok) throw new InvalidOperationException($"digitizer {step} failed: {result}");
    }
}

using System.Runtime.CompilerServices;
using Payload.Flight.Devices.Digitizer;
using Payload.Flight.Instrument.Products;

namespace Payload.Benchmarks.Acquisition;

/// <summary>
/// The acquisition path of the host build over replayed bursts: DigitizerDriver.OnDataReady (one burst over SPI, echo,
/// count and CRC checked, records copied into the ring), then every record in the ring parsed into the
/// PassAccumulator and discarded. Everything is allocated here, nothing in <see cref="RunPasses"/>.
/// </summary>
internal sealed class AcquisitionLoop
{
    private readonly BurstReplay _replay;
    private readonly DigitizerDriver _driver;
    private readonly PulseRecordRing _ring;
    private readonly PassAccumulator _accumulator;

    public AcquisitionLoop(RecordedPass recorded, int blockRecords)
    {
        _replay = new BurstReplay(recorded.Bursts);
        _driver = new DigitizerDriver(_replay, new IdlePin(), blockRecords, DigitizerDriver.DefaultRingCapacity);
        _ring = _driver.Ring;
        _accumulator = new PassAccumulator(new ProductSettings());
    }

    /// <summary>Bursts in one pass.</summary>
    public int BlocksPerPass => _replay.Count;

    /// <summary>The accumulator, holding the last pass after <see cref="RunPasses"/>.</summary>
    public PassAccumulator Accumulator => _accumulator;

    /// <summary>The driver, for its counters.</summary>
    public DigitizerDriver Driver => _driver;

    /// <summary>Runs the whole pass <paramref name="passes"/> times; returns the records added to the accumulator.</summary>
    /// <remarks>
    /// Each pass starts with DigitizerDriver.Reset (two writes to a pin wired to nothing) and PassAccumulator.Reset, so
    /// the replayed FIRST indices start a new record stream instead of counting as a sequence error.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public long RunPasses(int passes)
    {
        long records = 0;
        int blocks = _replay.Count;
        for (int p = 0; p < passes; p++)
        {
            _driver.Reset();
            _accumulator.Reset();
            for (int b = 0; b < blocks; b++)
            {
                _driver.OnDataReady(b);
                int count = _ring.Count;
                byte[] buffer = _ring.Buffer;
                for (int i = 0; i < count; i++)
                {
                    _accumulator.AddRecord(buffer, _ring.OffsetOf(i));
                }

                _ring.Discard(count);
                records += count;
            }
        }

        return records;
    }
}

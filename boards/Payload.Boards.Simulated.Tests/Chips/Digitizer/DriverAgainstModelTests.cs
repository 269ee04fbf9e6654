using Payload.Boards.Simulated.Scene;
using Payload.Flight.Devices.Digitizer;

namespace Payload.Boards.Simulated.Tests.Chips.Digitizer;

/// <summary>The flight driver running against the chip model: records end to end, the re-read rule under bus faults, FDIR hooks, allocation.</summary>
public sealed class DriverAgainstModelTests
{
    private const long Second = 80_000_000;

    [Fact]
    public void Pulses_arrive_in_the_ring_exactly_in_order()
    {
        var source = PulseListSource.Train(3500, periTicks: 22_857);
        var bench = new DigitizerBench(source, blockRecords: 16).Start(watermark: 16);

        long lastEnd = source.Pulses[^1].ToaTicks + source.Pulses[^1].WidthTicks;
        bench.RunUntil(lastEnd);
        Assert.Equal(3500 / 16, bench.Driver.BlocksRead); // watermark = block: every DRDY so far read a full block
        Assert.Equal(3500 % 16, bench.Chip.FifoLevel); // the rest waits for max latency
        bench.RunUntil(2 * Second);

        var records = bench.Drain();
        Assert.Equal(3500, records.Count);
        for (int i = 0; i < records.Count; i++)
        {
            DetectedPulse pulse = source.Pulses[i];
            Assert.Equal((pulse.ToaTicks, pulse.WidthTicks, pulse.PeakCode, PulseFlags.None, i & 0xFF),
                (records[i].ToaTicks, records[i].WidthTicks, records[i].PeakCode, records[i].Flags, records[i].Sequence));
        }

        Assert.Equal(3500 / 16 + 1, bench.Driver.BlocksRead);
        Assert.Equal(0, bench.Chip.FifoLevel);
        Assert.Equal(0, bench.Driver.CrcErrors + bench.Driver.RecordsLost + bench.Driver.RingOverflows);
    }

    [Fact]
    public void Max_latency_brings_a_short_burst_of_pulses_home_without_reaching_the_watermark()
    {
        var source = PulseListSource.Train(5, startTicks: 1_000_000, periTicks: 40_000);
        var bench = new DigitizerBench(source, blockRecords: 64).Start(watermark: 64, maxLatencyTicks: 800_000);

        bench.RunUntil(1_000_000 + 1600 + 800_000 - 1); // the oldest record's age decides
        Assert.Empty(bench.Results);
        bench.RunUntil(Second);

        Assert.Equal([DigitizerBlockResult.Records], bench.Results);
        Assert.Equal(5, bench.Drain().Count);
    }

    [Fact]
    public void A_damaged_block_is_re_read_and_nothing_is_lost()
    {
        var bench = new DigitizerBench(PulseListSource.Train(200), blockRecords: 16).Start(watermark: 16);
        bench.RunUntil(Second / 20);
        bench.Chip.InjectBitErrors(bursts: 1);

        bench.RunUntil(Second);

        Assert.Contains(DigitizerBlockResult.Recovered, bench.Results);
        Assert.Equal((1L, 1L, 1L, 0L), (bench.Driver.CrcErrors + bench.Driver.FrameErrors, bench.Driver.ReReads, bench.Driver.Recovered, bench.Driver.RecordsLost));
        AssertTrainIntact(bench.Drain(), 200);
    }

    [Fact]
    public void A_block_damaged_twice_is_dropped_and_exactly_its_records_are_counted_lost()
    {
        var source = PulseListSource.Train(200);
        var bench = new DigitizerBench(source, blockRecords: 16).Start(watermark: 16);
        bench.RunUntil(Second / 20);
        long before = bench.Driver.RecordsRead;
        bench.Chip.InjectBitErrors(bursts: 2);

        bench.RunUntil(Second);

        Assert.Contains(DigitizerBlockResult.Dropped, bench.Results);
        Assert.Equal(1, bench.Driver.DroppedBlocks);
        Assert.Equal(16, bench.Driver.RecordsLost);
        var records = bench.Drain();
        Assert.Equal(200 - 16, records.Count);
        Assert.Equal(200, bench.Driver.RecordsRead + bench.Driver.RecordsLost);
        // The gap is exactly the dropped block: the records on either side are the source's, in order.
        var toas = records.Select(r => r.ToaTicks).ToHashSet();
        var missing = source.Pulses.Where(p => !toas.Contains(p.ToaTicks)).Select(p => p.SceneIndex).ToArray();
        Assert.Equal(Enumerable.Range((int)before, 16), missing);
    }

    [Fact]
    public void A_command_damaged_on_mosi_pops_nothing_and_the_records_come_with_the_next_drdy()
    {
        var bench = new DigitizerBench(PulseListSource.Train(200), blockRecords: 16).Start(watermark: 16);
        bench.RunUntil(Second / 20);
        bench.Chip.InjectCommandErrors(1);

        bench.RunUntil(Second);

        Assert.Contains(DigitizerBlockResult.NotCommitted, bench.Results);
        Assert.Equal((1L, 1L, 0L), (bench.Driver.FrameErrors, bench.Driver.NotCommitted, bench.Driver.RecordsLost));
        AssertTrainIntact(bench.Drain(), 200);
    }

    [Fact]
    public void On_a_noisy_bus_every_pulse_is_in_the_ring_or_counted_lost()
    {
        var source = new PeriodicPulseSource(10_000, 22_857, 1600, 40_000);
        var bench = new DigitizerBench(source, blockRecords: 32, seed: 11).Start(threshold: 20_000, watermark: 24);
        bench.Chip.BitErrorRate = 2e-5;

        var records = new List<PulseRecord>();
        for (int second = 1; second <= 21; second++)
        {
            if (second == 21) bench.Chip.BitErrorRate = 0;
            bench.RunUntil(second * Second);
            records.AddRange(bench.Drain());
        }

        var driver = bench.Driver;
        Assert.True(driver.CrcErrors + driver.FrameErrors > 20, "the bus was noisy");
        Assert.True(driver.Recovered + driver.NotCommitted > 10);
        Assert.Equal(0, driver.RingOverflows);
        Assert.Equal(bench.Chip.PulseCount - bench.Chip.FifoLevel, records.Count + driver.RecordsLost);
        long previous = -1;
        foreach (var record in records)
        {
            Assert.True(record.ToaTicks > previous);
            previous = record.ToaTicks;
            long index = (record.ToaTicks - 10_000) / 22_857;
            Assert.Equal(source.Make(index).ToaTicks, record.ToaTicks);
            Assert.Equal(source.Make(index).WidthTicks, record.WidthTicks);
            Assert.Equal(source.Make(index).PeakCode, record.PeakCode);
        }
    }

    [Fact]
    public void Fifo_overflow_is_counted_in_the_chip_read_by_poll_and_flagged_in_the_ring()
    {
        var bench = new DigitizerBench(PulseListSource.Train(1100, periTicks: 4_000), blockRecords: 64).Start(watermark: 64);
        bench.Chip.MissingDrdy = true; // nobody reads: the FIFO fills
        bench.RunUntil(1100L * 4_000 + 10_000);
        bench.Chip.MissingDrdy = false;
        bench.Driver.Poll(1);
        bench.Driver.Poll(2);

        Assert.Equal((76L, 1L), (bench.Driver.ChipLostCount, bench.Driver.ChipOverflowCount));
        Assert.Equal(1, bench.Driver.MissedDataReady);
        var records = bench.Drain();
        Assert.Equal(1024, records.Count);
        Assert.Equal(1100, records.Count + bench.Driver.ChipLostCount);
        Assert.True((bench.Driver.LastStatus & DigitizerStatusBits.Overflow) != 0);
    }

    [Fact]
    public void A_full_ring_refuses_records_and_counts_them()
    {
        var bench = new DigitizerBench(PulseListSource.Train(300), blockRecords: 16, ringCapacity: 128).Start(watermark: 16);
        bench.RunUntil(2 * Second);
        Assert.Equal(128, bench.Driver.Ring.Count);
        Assert.Equal(300 - 128 - bench.Chip.FifoLevel, bench.Driver.RingOverflows);
    }

    [Fact]
    public void A_locked_up_chip_stops_the_driver_responding_and_reset_then_reconfigure_recovers_it()
    {
        var bench = new DigitizerBench(PulseListSource.Train(400), blockRecords: 16).Start(watermark: 16);
        bench.RunUntil(Second / 20);
        bench.Chip.LockUp();

        bench.Driver.OnDataReady(0);
        bench.Driver.Poll(1);
        Assert.False(bench.Driver.IsResponding);
        Assert.True(bench.Driver.NoResponses >= 3);
        Assert.Equal(DigitizerResult.NoResponse, bench.Driver.SelfTest());

        bench.Driver.Reset();
        Assert.Equal(DigitizerResult.Ok, bench.Driver.SelfTest());
        Assert.Equal(DigitizerResult.Ok, bench.Driver.Reconfigure());
        Assert.True(bench.Driver.IsResponding);
        long before = bench.Driver.RecordsRead;
        bench.RunUntil(Second);
        Assert.True(bench.Driver.RecordsRead - before > 100);
        Assert.Equal(0, bench.Driver.SequenceErrors);
    }

    [Fact]
    public void A_reset_the_driver_did_not_ask_for_is_noticed_at_the_next_frame()
    {
        var bench = new DigitizerBench(PulseListSource.Train(400), blockRecords: 16).Start(watermark: 16);
        bench.RunUntil(Second / 20);
        bench.Chip.ResetPin.Write(false); // a brown-out
        bench.Chip.ResetPin.Write(true);

        bench.Driver.Poll(1);

        Assert.Equal(1, bench.Driver.UnexpectedResets);
        Assert.True(bench.Driver.NeedsConfiguration);
        Assert.Equal(DigitizerResult.Ok, bench.Driver.Reconfigure());
        bench.RunUntil(Second);
        Assert.Equal(0, bench.Driver.SequenceErrors + bench.Driver.RecordsLost);
    }

    [Fact]
    public void Missing_drdy_is_detected_by_poll_which_drains_the_fifo()
    {
        var bench = new DigitizerBench(PulseListSource.Train(300), blockRecords: 64).Start(watermark: 32);
        bench.Chip.MissingDrdy = true;
        bench.RunUntil(Second / 10);
        bench.Driver.Poll(0);
        bench.RunUntil(Second / 5);
        int level = bench.Chip.FifoLevel;
        Assert.True(level >= 32);

        bench.Driver.Poll(200_000);

        Assert.Equal(1, bench.Driver.MissedDataReady);
        Assert.Equal(0, bench.Chip.FifoLevel);
        Assert.Equal(level, bench.Drain().Count);
        Assert.Empty(bench.Results);
    }

    [Fact]
    public void Stuck_drdy_shows_as_empty_reads()
    {
        var bench = new DigitizerBench(new PulseListSource(), blockRecords: 16).Start(watermark: 16);
        bench.Chip.StuckDrdy = true;
        for (int i = 0; i < DigitizerDriver.StuckDataReadyLimit; i++)
        {
            Assert.True(bench.Chip.DataReadyAsserted(1_000 + i * 1_000));
            Assert.Equal(DigitizerBlockResult.Empty, bench.Driver.OnDataReady(i));
        }

        Assert.True(bench.Driver.DataReadyStuckSuspected);
        Assert.Equal(DigitizerDriver.StuckDataReadyLimit, bench.Driver.EmptyReads);
    }

    [Fact]
    public void A_snapshot_is_armed_captured_and_read_through_the_driver()
    {
        var bench = new DigitizerBench(PulseListSource.Train(50, periTicks: 40_000), blockRecords: 16).Start(watermark: 16);
        bench.Chip.BaselineCode = 13_000;
        bench.RunUntil(200_000);
        Assert.Equal(DigitizerResult.Ok, bench.Driver.ArmSnapshot(1));
        bench.RunUntil(Second);

        var samples = new byte[1024];
        Assert.True(bench.Driver.TryReadSnapshot(samples, 0, out int count, out int trigger, out int capture));
        Assert.True(bench.Driver.TryReadSnapshotToa(out long toa));

        Assert.Equal((512, 64, 1), (count, trigger, capture));
        var captured = bench.Drain().Single(r => (r.Flags & PulseFlags.SnapshotCaptured) != 0);
        Assert.Equal(captured.ToaTicks, toa);
        Assert.Equal(10_000 + 6 * 40_000, toa); // pulses 0..4 ended before the arm; 5 was skipped
        Assert.Equal(captured.PeakCode, Payload.Flight.Protocol.BigEndian.ReadUInt16(samples, 2 * trigger));
        Assert.Equal(13_000, Payload.Flight.Protocol.BigEndian.ReadUInt16(samples, 2 * (trigger - 1)));
    }

    [Fact]
    public void The_toa_latch_reads_the_counter_since_the_last_reset()
    {
        var bench = new DigitizerBench(new PulseListSource()).Start();
        bench.Chip.AdvanceTo(123_456_789);
        Assert.True(bench.Driver.TryLatchToa(out long toa));
        Assert.Equal(123_456_789, toa);
    }

    [Fact]
    public void A_thousand_blocks_allocate_nothing()
    {
        var source = new PeriodicPulseSource(10_000, 22_857, 1600, 40_000);
        var bench = new DigitizerBench(source, blockRecords: 16, ringCapacity: 1024) { RecordResults = false }.Start(watermark: 16);
        long next = 0;
        void Run(int blocks)
        {
            long target = bench.Driver.BlocksRead + blocks;
            while (bench.Driver.BlocksRead < target)
            {
                next += Second / 100;
                bench.RunUntil(next);
                bench.Driver.Ring.Discard(bench.Driver.Ring.Count);
            }
        }

        Run(100);
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        Run(1000);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.Equal(0, allocated);
        Assert.True(bench.Driver.BlocksRead >= 1100);
        Assert.Equal(0, bench.Driver.RecordsLost + bench.Driver.RingOverflows + bench.Driver.CrcErrors);
    }

    private static void AssertTrainIntact(List<PulseRecord> records, int count)
    {
        Assert.Equal(count, records.Count);
        for (int i = 0; i < count; i++)
        {
            Assert.Equal(10_000 + i * 22_857L, records[i].ToaTicks);
        }
    }
}

using Payload.Boards.Simulated.Chips.Digitizer;
using Payload.Boards.Simulated.Scene;
using Payload.Flight.Devices.Digitizer;

namespace Payload.Boards.Simulated.Tests.Chips.Digitizer;

/// <summary>The chip model against boards/datasheets/pulse-digitizer.md, frame by frame.</summary>
public sealed class DigitizerModelTests
{
    private static DetectedPulse Pulse(long toa, int width = 1600, int peak = 40_000, int comparator = 30_000, bool saturated = false) =>
        new(toa, width, peak, comparator, saturated, 0);

    [Fact]
    public void After_power_on_the_id_read_is_the_datasheet_example()
    {
        var chip = new DigitizerModel(new PulseListSource());
        Assert.Equal("42 3C 00 50 44 01 00 EF C9", Wire.Hex(Wire.Read(chip, DigitizerRegister.Id)));
    }

    [Fact]
    public void Registers_come_out_of_reset_with_their_datasheet_values()
    {
        var chip = new DigitizerModel(new PulseListSource());
        Assert.Equal(0L, Wire.ReadValue(chip, DigitizerRegister.Control));
        Assert.Equal((long)DigitizerChip.ResetStatus, Wire.ReadValue(chip, DigitizerRegister.Status));
        Assert.Equal((long)DigitizerChip.ResetThreshold, Wire.ReadValue(chip, DigitizerRegister.Threshold));
        Assert.Equal((long)DigitizerChip.ResetWatermark, Wire.ReadValue(chip, DigitizerRegister.Watermark));
        Assert.Equal(DigitizerChip.ResetMaxLatency, Wire.ReadValue(chip, DigitizerRegister.MaxLatency));
        Assert.Equal((long)DigitizerChip.ResetMinWidth, Wire.ReadValue(chip, DigitizerRegister.MinWidth));
        Assert.Equal(0L, Wire.ReadValue(chip, DigitizerRegister.FifoLevel));
        Assert.Equal(0L, Wire.ReadValue(chip, DigitizerRegister.SnapshotStatus));
    }

    [Fact]
    public void A_write_with_a_bad_crc_is_rejected_counted_and_acknowledged_in_the_next_status()
    {
        var chip = new DigitizerModel(new PulseListSource());
        var mosi = new byte[DigitizerFrame.WriteLength];
        DigitizerFrame.EncodeWrite(mosi, 0, DigitizerRegister.Threshold, 0x1234);
        mosi[7] ^= 1;
        Assert.Equal("42 5A 03 00 00 00 00 00", Wire.Hex(Wire.Transfer(chip, mosi)));

        byte[] next = Wire.Read(chip, DigitizerRegister.Threshold);
        Assert.Equal(0x62, next[0]); // FifoEmpty | CommandError | ResetOccurred
        Assert.Equal(0xFFFFL, DigitizerFrame.ReadValue(next, 0));
        Assert.Equal(1, chip.CommandErrors);
        Assert.Equal(0x42, Wire.Read(chip, DigitizerRegister.Id)[0]);
    }

    [Theory]
    [InlineData(DigitizerRegister.FifoLevel, 5L)]
    [InlineData(DigitizerRegister.Id, 5L)]
    [InlineData(DigitizerRegister.Watermark, 0L)]
    [InlineData(DigitizerRegister.Watermark, 1025L)]
    [InlineData(DigitizerRegister.FifoData, 5L)]
    public void Writes_to_read_only_registers_and_out_of_range_values_are_rejected(DigitizerRegister register, long value)
    {
        var chip = new DigitizerModel(new PulseListSource());
        Wire.Write(chip, register, value);
        Assert.Equal(1, chip.CommandErrors);
        Assert.Equal(DigitizerChip.ResetWatermark, Wire.ReadValue(chip, DigitizerRegister.Watermark));
    }

    [Fact]
    public void A_read_of_a_burst_window_is_rejected_with_a_crc_that_cannot_pass()
    {
        var chip = new DigitizerModel(new PulseListSource());
        byte[] miso = Wire.Read(chip, DigitizerRegister.FifoData);
        Assert.Equal(DigitizerFrameCheck.CrcMismatch, DigitizerFrame.CheckRead(miso, 0, DigitizerRegister.FifoData));
        Assert.Equal(1, chip.CommandErrors);
    }

    [Fact]
    public void Threshold_and_minimum_width_filter_pulses_and_rejects_are_counted()
    {
        var chip = new DigitizerModel(new PulseListSource(
            Pulse(1000, comparator: 19_999),
            Pulse(30_000, width: 7),
            Pulse(60_000, comparator: 20_000),
            Pulse(90_000, width: 8)));
        Wire.Enable(chip, threshold: 20_000, watermark: 64, maxLatency: 0, minWidth: 8);

        chip.AdvanceTo(200_000);

        Assert.Equal(4, chip.PulsesSeen);
        Assert.Equal(2, chip.FifoLevel);
        Assert.Equal(1, chip.RejectCount);
        Assert.Equal(2L, Wire.ReadValue(chip, DigitizerRegister.PulseCount));
        Assert.Equal(1L, Wire.ReadValue(chip, DigitizerRegister.RejectCount));
    }

    [Fact]
    public void Records_carry_toa_from_the_last_reset_width_peak_flags_and_sequence()
    {
        var chip = new DigitizerModel(new PulseListSource(
            Pulse(100_000, width: 1600, peak: 40_000),
            Pulse(101_000, width: 70_000, peak: 65_535, saturated: true),
            Pulse(200_000, width: 800, peak: 30_000)));
        chip.AdvanceTo(50_000);
        chip.ResetPin.Write(false);
        chip.ResetPin.Write(true);
        Wire.Enable(chip, 20_000, 64, 0, 8);

        chip.AdvanceTo(300_000);

        var record = new byte[PulseRecord.Size];
        chip.PeekRecord(0, record, 0);
        Assert.Equal("00 00 00 00 C3 50 06 40 9C 40 00 00", Wire.Hex(record)); // TOA 50 000 = 100 000 - reset at 50 000
        chip.PeekRecord(1, record, 0);
        PulseRecordCodec.Read(record, 0, out var second);
        Assert.Equal((51_000L, 65_535, 65_535, PulseFlags.Saturated | PulseFlags.Truncated | PulseFlags.Overlapping, 1),
            (second.ToaTicks, second.WidthTicks, second.PeakCode, second.Flags, second.Sequence));
        chip.PeekRecord(2, record, 0);
        Assert.Equal(2, PulseRecordCodec.ReadSequence(record, 0));
    }

    [Fact]
    public void A_fifo_burst_is_the_datasheet_frame_and_pops_only_once_its_crc_is_clocked_out()
    {
        var chip = new DigitizerModel(new PulseListSource(Pulse(10_000_000)));
        Wire.Enable(chip, 20_000, 64, maxLatency: 80_000, minWidth: 8);
        chip.AdvanceTo(10_200_000);

        byte[] cut = Wire.Burst(chip, DigitizerRegister.FifoData, 2, length: 22); // one octet short of the CRC's end
        Assert.Equal("01 96 40 00 00 00 01 00 00", Wire.Hex(cut, 0, 9));
        Assert.Equal((1, 0), (chip.FifoLevel, chip.NextRecordIndex));

        byte[] miso = Wire.Burst(chip, DigitizerRegister.FifoData, 2);
        Assert.Equal(
            "01 96 40 00 00 00 01 00 00 00 00 00 98 96 80 06 40 9C 40 00 00 17 98 00 00 00 00 00 00 00 00 00 00 00 00",
            Wire.Hex(miso));
        Assert.Equal((0, 1), (chip.FifoLevel, chip.NextRecordIndex));

        byte[] repeat = Wire.Burst(chip, DigitizerRegister.FifoRepeat, 2);
        Assert.Equal(DigitizerFrameCheck.Valid, DigitizerFrame.CheckBurst(repeat, 0, DigitizerRegister.FifoRepeat, 2, PulseRecord.Size));
        Assert.Equal("96 41 00 00 00 01 00 00 00 00 00 98 96 80 06 40 9C 40 00 00", Wire.Hex(repeat, 1, 20));
    }

    [Fact]
    public void Fifo_repeat_sends_the_last_block_again_without_popping()
    {
        var chip = new DigitizerModel(new PulseListSource(Pulse(10_000), Pulse(40_000), Pulse(70_000)));
        Wire.Enable(chip, 20_000, 64, 0, 8);
        chip.AdvanceTo(100_000);
        byte[] before = Wire.Burst(chip, DigitizerRegister.FifoRepeat, 2);
        Assert.Equal((0, 0, 3), (DigitizerFrame.BurstFirst(before, 0), DigitizerFrame.BurstCount(before, 0), DigitizerFrame.BurstRemaining(before, 0)));

        byte[] block = Wire.Burst(chip, DigitizerRegister.FifoData, 2);
        byte[] again = Wire.Burst(chip, DigitizerRegister.FifoRepeat, 2);

        Assert.Equal(DigitizerFrameCheck.Valid, DigitizerFrame.CheckBurst(again, 0, DigitizerRegister.FifoRepeat, 2, PulseRecord.Size));
        Assert.Equal(Wire.Hex(block, 3, 4), Wire.Hex(again, 3, 4)); // FIRST and COUNT
        Assert.Equal(Wire.Hex(block, 9, 24), Wire.Hex(again, 9, 24)); // the records
        Assert.Equal(1, DigitizerFrame.BurstRemaining(again, 0));
        Assert.Equal(1, chip.FifoLevel);
        Assert.Equal(2, chip.RepeatBursts);
    }

    [Fact]
    public void Drdy_falls_at_the_trailing_edge_of_the_pulse_that_reaches_the_watermark()
    {
        var chip = new DigitizerModel(PulseListSource.Train(10, startTicks: 10_000, periTicks: 20_000));
        var edges = new List<long>();
        chip.DataReadyFalling += edges.Add;
        Wire.Enable(chip, 20_000, 4, 0, 8);

        chip.AdvanceTo(1_000_000);

        long fourthEnd = 10_000 + 3 * 20_000 + 1600 + 3;
        Assert.Equal([fourthEnd], edges);
        Assert.True(chip.DataReady);
        Assert.Equal(0x01, Wire.Read(chip, DigitizerRegister.Id)[0] & 0x01);
    }

    [Fact]
    public void Drdy_falls_when_the_oldest_record_is_max_latency_old()
    {
        var chip = new DigitizerModel(new PulseListSource(Pulse(100_000)));
        var edges = new List<long>();
        chip.DataReadyFalling += edges.Add;
        Wire.Enable(chip, 20_000, 64, maxLatency: 80_000, minWidth: 8);

        Assert.Equal(101_600, chip.NextEventTicks);
        chip.AdvanceTo(101_600);
        Assert.False(chip.DataReady);
        Assert.Equal(181_600, chip.NextEventTicks);
        Assert.False(chip.DataReadyAsserted(181_599));
        Assert.True(chip.DataReadyAsserted(181_600));
        Assert.Equal([181_600L], edges);
    }

    [Fact]
    public void Every_burst_releases_drdy_for_a_microsecond_so_a_remaining_backlog_makes_a_new_edge()
    {
        var chip = new DigitizerModel(PulseListSource.Train(8, startTicks: 1_000, periTicks: 5_000));
        var edges = new List<long>();
        chip.DataReadyFalling += edges.Add;
        Wire.Enable(chip, 20_000, 2, 0, 8);
        chip.AdvanceTo(100_000);
        Assert.Single(edges);

        Wire.Burst(chip, DigitizerRegister.FifoData, 2);
        Assert.False(chip.DataReady);
        Assert.Equal(100_080, chip.NextEventTicks);
        chip.AdvanceTo(100_080);
        Assert.Equal([edges[0], 100_080L], edges);
    }

    [Fact]
    public void Drdy_stays_released_while_drdy_enable_is_clear()
    {
        var chip = new DigitizerModel(PulseListSource.Train(8));
        Wire.Enable(chip, 20_000, 2, 0, 8);
        Wire.Write(chip, DigitizerRegister.Control, (long)DigitizerControlBits.Enable);
        chip.AdvanceTo(1_000_000);
        Assert.Equal(8, chip.FifoLevel);
        Assert.False(chip.DataReady);
        Assert.Equal(0x01, Wire.Read(chip, DigitizerRegister.Status)[0] & 0x01); // the condition holds, the pin is gated
    }

    [Fact]
    public void A_full_fifo_loses_pulses_counts_them_and_flags_the_next_record()
    {
        var chip = new DigitizerModel(PulseListSource.Train(1030, periTicks: 2_000, widthTicks: 100));
        Wire.Enable(chip, 20_000, 64, 0, 8);
        chip.AdvanceTo(1030L * 2_000 + 20_000);

        Assert.Equal(1024, chip.FifoLevel);
        Assert.Equal((1L, 6L, 1030L), (chip.OverflowCount, chip.LostCount, chip.PulseCount));
        byte status = Wire.Read(chip, DigitizerRegister.Id)[0];
        Assert.Equal((int)(DigitizerStatusBits.DataReady | DigitizerStatusBits.FifoFull | DigitizerStatusBits.Overflow), status);

        Wire.Burst(chip, DigitizerRegister.FifoData, 16);
        chip.AdvanceTo(3_000_000);
        Wire.Write(chip, DigitizerRegister.Status, (long)DigitizerStatusBits.Overflow);
        Assert.Equal(0, Wire.Read(chip, DigitizerRegister.Id)[0] & (int)DigitizerStatusBits.Overflow);
        Assert.Equal(6L, Wire.ReadValue(chip, DigitizerRegister.LostCount));
        Assert.Equal(1L, Wire.ReadValue(chip, DigitizerRegister.OverflowCount));
    }

    [Fact]
    public void Fault_force_overflow_loses_the_next_pulses_as_one_episode()
    {
        var source = PulseListSource.Train(10, periTicks: 10_000);
        var chip = new DigitizerModel(source);
        Wire.Enable(chip, 20_000, 64, 0, 8);
        chip.AdvanceTo(25_000);
        chip.ForceOverflow(3);

        chip.AdvanceTo(1_000_000);

        Assert.Equal((7, 3L, 1L), (chip.FifoLevel, chip.LostCount, chip.OverflowCount));
        var record = new byte[PulseRecord.Size];
        chip.PeekRecord(2, record, 0);
        Assert.Equal(PulseFlags.AfterOverflow, PulseRecordCodec.ReadFlags(record, 0));
        Assert.Equal(5, PulseRecordCodec.ReadSequence(record, 0)); // sequences 2, 3, 4 went to the full FIFO
    }

    [Fact]
    public void Flush_empties_the_fifo_into_lost_count_and_clear_counters_zeroes_them()
    {
        var chip = new DigitizerModel(PulseListSource.Train(5));
        Wire.Enable(chip, 20_000, 64, 0, 8);
        chip.AdvanceTo(1_000_000);
        Wire.Write(chip, DigitizerRegister.Control, (long)(DigitizerControlBits.Enable | DigitizerControlBits.Flush));
        Assert.Equal((0, 5L), (chip.FifoLevel, chip.LostCount));
        Assert.Equal(1L, Wire.ReadValue(chip, DigitizerRegister.Control));
        Wire.Write(chip, DigitizerRegister.Control, (long)(DigitizerControlBits.Enable | DigitizerControlBits.ClearCounters));
        Assert.Equal((0L, 0L), (chip.LostCount, chip.PulseCount));
    }

    [Fact]
    public void A_snapshot_captures_the_selected_pulse_with_its_pre_trigger_samples()
    {
        var chip = new DigitizerModel(new PulseListSource(Pulse(100_000), Pulse(200_000), Pulse(300_000, width: 800, peak: 50_000))) { BaselineCode = 13_107 };
        Wire.Enable(chip, 20_000, 64, 0, 8);
        Wire.Write(chip, DigitizerRegister.SnapshotArm, 2);
        Assert.Equal(0x80, Wire.Read(chip, DigitizerRegister.Id)[0] & 0x80);

        chip.AdvanceTo(300_800);
        Assert.Equal((long)SnapshotState.Capturing, Wire.ReadValue(chip, DigitizerRegister.SnapshotStatus) & 3);
        chip.AdvanceTo(300_000 + 448 * 8);
        Assert.Equal(3L | (1 << 8) | (512 << 16), Wire.ReadValue(chip, DigitizerRegister.SnapshotStatus));

        byte[] miso = Wire.Burst(chip, DigitizerRegister.SnapshotData, 512, DigitizerChip.SampleSize);
        Assert.Equal(DigitizerFrameCheck.Valid, DigitizerFrame.CheckBurst(miso, 0, DigitizerRegister.SnapshotData, 512, 2));
        Assert.Equal((1, 512, 64), (DigitizerFrame.BurstFirst(miso, 0), DigitizerFrame.BurstCount(miso, 0), DigitizerFrame.BurstRemaining(miso, 0)));
        int Sample(int i) => Payload.Flight.Protocol.BigEndian.ReadUInt16(miso, 9 + 2 * i);
        Assert.Equal(13_107, Sample(63));
        Assert.Equal(50_000, Sample(64));
        Assert.Equal(50_000, Sample(64 + 99));
        Assert.Equal(13_107, Sample(64 + 100));
        Assert.Equal(300_000L, (Wire.ReadValue(chip, DigitizerRegister.SnapshotToaHigh) << 32) | Wire.ReadValue(chip, DigitizerRegister.SnapshotToaLow));
        var record = new byte[PulseRecord.Size];
        chip.PeekRecord(2, record, 0);
        Assert.Equal(PulseFlags.SnapshotCaptured, PulseRecordCodec.ReadFlags(record, 0));
        chip.PeekRecord(1, record, 0);
        Assert.Equal(PulseFlags.None, PulseRecordCodec.ReadFlags(record, 0));
    }

    [Fact]
    public void Reset_floats_miso_while_low_and_restarts_everything_on_release()
    {
        var chip = new DigitizerModel(PulseListSource.Train(5));
        Wire.Enable(chip, 20_000, 64, 0, 8);
        chip.AdvanceTo(1_000_000);
        Assert.Equal(5, chip.FifoLevel);

        chip.ResetPin.Write(false);
        Assert.All(Wire.Read(chip, DigitizerRegister.Id), b => Assert.Equal(0xFF, b));
        chip.ResetPin.Write(true);

        Assert.Equal((0, 1L), (chip.FifoLevel, chip.Resets));
        Assert.Equal("42 3C 00 50 44 01 00 EF C9", Wire.Hex(Wire.Read(chip, DigitizerRegister.Id)));
        Assert.Equal(0xFFFFL, Wire.ReadValue(chip, DigitizerRegister.Threshold));
        chip.AdvanceTo(1_000_500);
        Wire.Write(chip, DigitizerRegister.ToaLatch, 0);
        Assert.Equal(0L, Wire.ReadValue(chip, DigitizerRegister.ToaLatch));
        Assert.Equal(500L, Wire.ReadValue(chip, DigitizerRegister.ToaLatchLow));
    }

    [Fact]
    public void Fault_bit_errors_damage_exactly_the_next_bursts_inside_their_crc()
    {
        var chip = new DigitizerModel(PulseListSource.Train(40), seed: 7);
        Wire.Enable(chip, 20_000, 64, 0, 8);
        chip.AdvanceTo(2_000_000);
        chip.InjectBitErrors(bursts: 2);

        Assert.NotEqual(DigitizerFrameCheck.Valid, Check(Wire.Burst(chip, DigitizerRegister.FifoRepeat, 16), DigitizerRegister.FifoRepeat));
        Assert.Equal(DigitizerFrameCheck.Valid, DigitizerFrame.CheckRead(Wire.Read(chip, DigitizerRegister.Id), 0, DigitizerRegister.Id));
        Assert.NotEqual(DigitizerFrameCheck.Valid, Check(Wire.Burst(chip, DigitizerRegister.FifoData, 16), DigitizerRegister.FifoData));
        Assert.Equal(DigitizerFrameCheck.Valid, Check(Wire.Burst(chip, DigitizerRegister.FifoRepeat, 16), DigitizerRegister.FifoRepeat));
        Assert.Equal(2, chip.BitsFlipped);

        static DigitizerFrameCheck Check(byte[] miso, DigitizerRegister window) => DigitizerFrame.CheckBurst(miso, 0, window, 16, PulseRecord.Size);
    }

    [Fact]
    public void Fault_bit_error_rate_flips_about_rate_times_bits()
    {
        var chip = new DigitizerModel(new PulseListSource(), seed: 3) { BitErrorRate = 1e-3 };
        long frames = 0;
        for (int i = 0; i < 2000; i++)
        {
            Wire.Burst(chip, DigitizerRegister.FifoData, 64);
            frames++;
        }

        double expected = frames * 779 * 8 * 1e-3;
        Assert.InRange(chip.BitsFlipped, expected * 0.9, expected * 1.1);
    }

    [Fact]
    public void Fault_command_error_makes_the_chip_reject_the_frame_and_echo_the_damaged_command()
    {
        var chip = new DigitizerModel(PulseListSource.Train(3), seed: 5);
        Wire.Enable(chip, 20_000, 64, 0, 8);
        chip.AdvanceTo(1_000_000);
        chip.InjectCommandErrors(1);

        byte[] miso = Wire.Burst(chip, DigitizerRegister.FifoData, 4);

        Assert.NotEqual(0x96, miso[1]);
        Assert.Equal(1, System.Numerics.BitOperations.PopCount((uint)(miso[1] ^ 0x96)));
        Assert.Equal(DigitizerFrameCheck.EchoMismatch, DigitizerFrame.CheckBurst(miso, 0, DigitizerRegister.FifoData, 4, PulseRecord.Size));
        Assert.Equal((3, 1L), (chip.FifoLevel, chip.CommandErrors));
    }

    [Fact]
    public void Fault_stuck_drdy_holds_the_line_low_with_an_empty_fifo()
    {
        var chip = new DigitizerModel(new PulseListSource());
        var edges = new List<long>();
        chip.DataReadyFalling += edges.Add;
        chip.StuckDrdy = true;
        Assert.True(chip.DataReadyAsserted(1_000));
        Wire.Burst(chip, DigitizerRegister.FifoData, 4);
        Assert.True(chip.DataReadyAsserted(2_000));
        Assert.Equal(0, chip.FifoLevel);
        Assert.Equal([0L], edges);
    }

    [Fact]
    public void Fault_missing_drdy_never_asserts_although_the_fifo_is_past_its_watermark()
    {
        var chip = new DigitizerModel(PulseListSource.Train(20));
        var edges = new List<long>();
        chip.DataReadyFalling += edges.Add;
        chip.MissingDrdy = true;
        Wire.Enable(chip, 20_000, 4, 80_000, 8);
        chip.AdvanceTo(10_000_000);
        Assert.Equal(20, chip.FifoLevel);
        Assert.False(chip.DataReady);
        Assert.Empty(edges);
        Assert.Equal(0x01, Wire.Read(chip, DigitizerRegister.Status)[0] & 0x01);
    }

    [Fact]
    public void Fault_lock_up_answers_ff_captures_nothing_until_a_reset()
    {
        var chip = new DigitizerModel(PulseListSource.Train(20, periTicks: 100_000));
        Wire.Enable(chip, 20_000, 4, 0, 8);
        chip.AdvanceTo(250_000);
        int level = chip.FifoLevel;
        chip.LockUp();

        Assert.All(Wire.Burst(chip, DigitizerRegister.FifoData, 4), b => Assert.Equal(0xFF, b));
        Assert.All(Wire.Read(chip, DigitizerRegister.Id), b => Assert.Equal(0xFF, b));
        chip.AdvanceTo(1_000_000);
        Assert.Equal(level, chip.FifoLevel);
        Assert.False(chip.DataReady);

        chip.ResetPin.Write(false);
        chip.ResetPin.Write(true);
        Assert.False(chip.IsLockedUp);
        Assert.Equal(DigitizerChip.Id, Wire.ReadValue(chip, DigitizerRegister.Id));
    }

    [Fact]
    public void A_burst_with_max_zero_or_above_the_window_is_rejected()
    {
        var chip = new DigitizerModel(PulseListSource.Train(3));
        Wire.Enable(chip, 20_000, 64, 0, 8);
        chip.AdvanceTo(1_000_000);
        var mosi = new byte[DigitizerFrame.BurstLength(2, PulseRecord.Size)];
        DigitizerFrame.EncodeBurst(mosi, 0, DigitizerRegister.FifoData, 0, mosi.Length);
        byte[] miso = Wire.Transfer(chip, mosi);
        Assert.Equal(DigitizerFrameCheck.CrcMismatch, DigitizerFrame.CheckBurst(miso, 0, DigitizerRegister.FifoData, 2, PulseRecord.Size));
        Wire.Burst(chip, DigitizerRegister.SnapshotData, 513, DigitizerChip.SampleSize);
        Assert.Equal((3, 2L), (chip.FifoLevel, chip.CommandErrors));
    }
}

using Moq;
using Payload.Flight.Devices.Digitizer;
using Payload.Flight.Hardware;
using Payload.Flight.Tests.Support;

namespace Payload.Flight.Tests.Devices.Digitizer;

/// <summary>The driver's frames on the wire (a Moq'd SPI device) and its re-read rule.</summary>
public class DigitizerDriverTests
{
    private const int Block = 4;
    private static readonly string Zeros7 = string.Concat(Enumerable.Repeat(" 00", 7));

    private readonly ScriptedSpi _spi = new();
    private readonly Mock<IOutputPin> _reset = new();
    private readonly DigitizerDriver _driver;

    public DigitizerDriverTests()
    {
        _driver = new DigitizerDriver(_spi.Device, _reset.Object, Block, 16);
    }

    [Fact]
    public void Self_test_reads_the_id_then_drives_scratch_both_ways()
    {
        _spi.Answer("42 3C 00 50 44 01 00 EF C9")
            .AnswerWrite(DigitizerRegister.Scratch).AnswerRead(DigitizerRegister.Scratch, 0xA55A3CC3L)
            .AnswerWrite(DigitizerRegister.Scratch).AnswerRead(DigitizerRegister.Scratch, 0x5AA5C33CL);

        Assert.Equal(DigitizerResult.Ok, _driver.SelfTest());

        Assert.Equal(new[]
        {
            "3C 00" + Zeros7,
            "5A 0F A5 5A 3C C3 FB 94",
            "3C 0F" + Zeros7,
            "5A 0F 5A A5 C3 3C 62 5B",
            "3C 0F" + Zeros7,
        }, _spi.SentHex);
        Assert.Equal(0x50440100L, _driver.ChipId);
        Assert.Equal(0, _driver.ConsecutiveFailures);
    }

    [Fact]
    public void Self_test_refuses_another_major_version_but_accepts_another_minor()
    {
        _spi.AnswerRead(DigitizerRegister.Id, 0x50440200L);
        Assert.Equal(DigitizerResult.WrongId, _driver.SelfTest());

        _spi.AnswerRead(DigitizerRegister.Id, 0x50440107L)
            .AnswerWrite(DigitizerRegister.Scratch).AnswerRead(DigitizerRegister.Scratch, 0xA55A3CC3L)
            .AnswerWrite(DigitizerRegister.Scratch).AnswerRead(DigitizerRegister.Scratch, 0x5AA5C33CL);
        Assert.Equal(DigitizerResult.Ok, _driver.SelfTest());
    }

    [Fact]
    public void Self_test_reports_a_stuck_data_bit_as_scratch_mismatch()
    {
        _spi.AnswerRead(DigitizerRegister.Id, DigitizerChip.Id)
            .AnswerWrite(DigitizerRegister.Scratch).AnswerRead(DigitizerRegister.Scratch, 0xA55A3CC3L)
            .AnswerWrite(DigitizerRegister.Scratch).AnswerRead(DigitizerRegister.Scratch, 0x5AA5C33DL);
        Assert.Equal(DigitizerResult.ScratchMismatch, _driver.SelfTest());
    }

    [Fact]
    public void Self_test_of_a_silent_chip_is_no_response_after_one_frame()
    {
        Assert.Equal(DigitizerResult.NoResponse, _driver.SelfTest());
        Assert.Single(_spi.Sent);
        Assert.Equal(1, _driver.NoResponses);
    }

    [Fact]
    public void A_damaged_register_read_is_retried_once_then_reported()
    {
        _spi.Answer("42 3C 00 50 44 01 00 EF C8").Answer("42 3C 00 50 44 01 00 EF C8");
        Assert.Equal(DigitizerResult.CrcError, _driver.SelfTest());
        Assert.Equal(2, _spi.Sent.Count);
        Assert.Equal(2, _driver.CrcErrors);
        Assert.Equal(2, _driver.ConsecutiveFailures);
    }

    [Fact]
    public void Configure_writes_and_reads_back_each_setting_clears_sticky_status_then_enables()
    {
        _spi.AnswerWrite(DigitizerRegister.Threshold, 0x42).AnswerRead(DigitizerRegister.Threshold, 0x9000, 0x42)
            .AnswerWrite(DigitizerRegister.Watermark, 0x42).AnswerRead(DigitizerRegister.Watermark, 64, 0x42)
            .AnswerWrite(DigitizerRegister.MaxLatency, 0x42).AnswerRead(DigitizerRegister.MaxLatency, 800000, 0x42)
            .AnswerWrite(DigitizerRegister.MinWidth, 0x42).AnswerRead(DigitizerRegister.MinWidth, 400, 0x42)
            .AnswerWrite(DigitizerRegister.Status, 0x42)
            .AnswerWrite(DigitizerRegister.Control, 0x02).AnswerRead(DigitizerRegister.Control, 3, 0x02);

        Assert.True(_driver.NeedsConfiguration);
        Assert.Equal(DigitizerResult.Ok, _driver.Configure(0x9000, 64, 800000, 400));

        Assert.Equal(new[]
        {
            "5A 03 00 00 90 00 0E BF", "3C 03" + Zeros7,
            "5A 04 00 00 00 40 39 44", "3C 04" + Zeros7,
            "5A 05 00 0C 35 00 54 D0", "3C 05" + Zeros7,
            "5A 06 00 00 01 90 85 8B", "3C 06" + Zeros7,
            "5A 02 00 00 00 48 75 C9",
            "5A 01 00 00 00 03 62 B4", "3C 01" + Zeros7,
        }, _spi.SentHex);
        Assert.False(_driver.NeedsConfiguration);
        Assert.Equal(0, _driver.UnexpectedResets);
    }

    [Fact]
    public void Configure_writes_a_setting_twice_before_reporting_a_verify_failure()
    {
        _spi.AnswerWrite(DigitizerRegister.Threshold).AnswerRead(DigitizerRegister.Threshold, 0xFFFF)
            .AnswerWrite(DigitizerRegister.Threshold).AnswerRead(DigitizerRegister.Threshold, 0xFFFF);

        Assert.Equal(DigitizerResult.VerifyFailed, _driver.Configure(0x9000, 64, 800000, 400));
        Assert.Equal(4, _spi.Sent.Count);
        Assert.Equal(_spi.SentHex[0], _spi.SentHex[2]);
        Assert.True(_driver.NeedsConfiguration);
    }

    [Theory]
    [InlineData(-1, 64, 0L, 0)]
    [InlineData(0x10000, 64, 0L, 0)]
    [InlineData(0, 0, 0L, 0)]
    [InlineData(0, 1025, 0L, 0)]
    [InlineData(0, 64, -1L, 0)]
    [InlineData(0, 64, 0x100000000L, 0)]
    [InlineData(0, 64, 0L, 0x10000)]
    public void Configure_refuses_settings_out_of_range_before_touching_the_bus(int threshold, int watermark, long latency, int minWidth)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _driver.Configure(threshold, watermark, latency, minWidth));
        Assert.Empty(_spi.Sent);
    }

    [Fact]
    public void A_block_is_one_fixed_length_burst_whose_valid_records_go_to_the_ring()
    {
        _spi.AnswerBurst(DigitizerRegister.FifoData, 0, ScriptedSpi.Records(0, 3), 3, 7, status: 0x01);

        Assert.Equal(DigitizerBlockResult.Records, _driver.OnDataReady(1000));

        var sent = Assert.Single(_spi.Sent);
        Assert.Equal("96 40 00 04" + string.Concat(Enumerable.Repeat(" 00", 11 + 12 * Block - 4)), Hex.Of(sent));
        Assert.Equal(3, _driver.Ring.Count);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(1000L * i, PulseRecordCodec.ReadToaTicks(_driver.Ring.Buffer, _driver.Ring.OffsetOf(i)));
            Assert.Equal(100 + i, PulseRecordCodec.ReadWidthTicks(_driver.Ring.Buffer, _driver.Ring.OffsetOf(i)));
            Assert.Equal(20000 + i, PulseRecordCodec.ReadPeakCode(_driver.Ring.Buffer, _driver.Ring.OffsetOf(i)));
        }

        Assert.Equal((1L, 3L, 7), (_driver.BlocksRead, _driver.RecordsRead, _driver.LastRemaining));
        Assert.Equal(DigitizerStatusBits.DataReady, _driver.LastStatus);
        Assert.Equal(1000, _driver.LastDataReadyMicroseconds);
    }

    [Fact]
    public void A_damaged_burst_is_re_read_with_fifo_repeat_and_recovered()
    {
        byte[] damaged = ScriptedSpi.Burst(DigitizerRegister.FifoData, 0, ScriptedSpi.Records(0, 2), 2, 0);
        damaged[20] ^= 0x10;
        _spi.Answer(damaged).AnswerBurst(DigitizerRegister.FifoRepeat, 0, ScriptedSpi.Records(0, 2), 2, 0);

        Assert.Equal(DigitizerBlockResult.Recovered, _driver.OnDataReady(0));

        Assert.Equal(2, _spi.Sent.Count);
        Assert.Equal("96 41 00 04", Hex.Of(_spi.Sent[1], 0, 4));
        Assert.Equal((1L, 1L, 1L, 0L), (_driver.CrcErrors, _driver.ReReads, _driver.Recovered, _driver.RecordsLost));
        Assert.Equal(2, _driver.Ring.Count);
        Assert.Equal(0, _driver.ConsecutiveFailures);
    }

    [Fact]
    public void A_damaged_burst_that_popped_nothing_leaves_the_records_for_the_next_drdy()
    {
        _spi.AnswerBurst(DigitizerRegister.FifoData, 0, ScriptedSpi.Records(0, 2), 2, 0);
        _driver.OnDataReady(0);
        // The chip heard a damaged command and rejected it; the repeat block is still the one already read.
        _spi.Answer("00 B6 40").AnswerBurst(DigitizerRegister.FifoRepeat, 0, ScriptedSpi.Records(0, 2), 2, 3);

        Assert.Equal(DigitizerBlockResult.NotCommitted, _driver.OnDataReady(1));
        Assert.Equal((1L, 1L, 2), (_driver.FrameErrors, _driver.NotCommitted, _driver.Ring.Count));

        _spi.AnswerBurst(DigitizerRegister.FifoData, 2, ScriptedSpi.Records(2, 3), 3, 0);
        Assert.Equal(DigitizerBlockResult.Records, _driver.OnDataReady(2));
        Assert.Equal((5, 0L), (_driver.Ring.Count, _driver.RecordsLost));
    }

    [Fact]
    public void A_block_damaged_twice_is_dropped_and_its_records_are_counted_lost_at_the_next_good_block()
    {
        _spi.AnswerBurst(DigitizerRegister.FifoData, 0, ScriptedSpi.Records(0, 2), 2, 0);
        _driver.OnDataReady(0);
        byte[] damaged = ScriptedSpi.Burst(DigitizerRegister.FifoData, 2, ScriptedSpi.Records(2, 4), 4, 0);
        damaged[30] ^= 0x01;
        byte[] repeatDamaged = ScriptedSpi.Burst(DigitizerRegister.FifoRepeat, 2, ScriptedSpi.Records(2, 4), 4, 0);
        repeatDamaged[40] ^= 0x80;
        _spi.Answer(damaged).Answer(repeatDamaged);

        Assert.Equal(DigitizerBlockResult.Dropped, _driver.OnDataReady(1));
        Assert.Equal((1L, 0L), (_driver.DroppedBlocks, _driver.RecordsLost));

        _spi.AnswerBurst(DigitizerRegister.FifoData, 6, ScriptedSpi.Records(6, 1), 1, 0);
        Assert.Equal(DigitizerBlockResult.Records, _driver.OnDataReady(2));
        Assert.Equal(4, _driver.RecordsLost);
        Assert.Equal(3, _driver.Ring.Count);
    }

    [Fact]
    public void A_silent_chip_makes_the_driver_stop_responding_after_the_failure_limit()
    {
        Assert.Equal(DigitizerBlockResult.NoResponse, _driver.OnDataReady(0));
        Assert.Equal(2, _driver.ConsecutiveFailures);
        Assert.True(_driver.IsResponding);
        _driver.OnDataReady(1);
        Assert.False(_driver.IsResponding);
        Assert.Equal(4, _driver.NoResponses);
    }

    [Fact]
    public void A_status_octet_with_reset_occurred_after_configuration_is_an_unexpected_reset()
    {
        ConfigureOk();
        _spi.AnswerBurst(DigitizerRegister.FifoData, 0, ScriptedSpi.Records(0, 0), 0, 0, status: 0x42);

        Assert.Equal(DigitizerBlockResult.Empty, _driver.OnDataReady(0));
        Assert.Equal(1, _driver.UnexpectedResets);
        Assert.True(_driver.NeedsConfiguration);
    }

    [Fact]
    public void Reset_pulses_nreset_low_then_high()
    {
        var sequence = new MockSequence();
        var reset = new Mock<IOutputPin>(MockBehavior.Strict);
        reset.InSequence(sequence).Setup(p => p.Write(false));
        reset.InSequence(sequence).Setup(p => p.Write(true));
        var driver = new DigitizerDriver(_spi.Device, reset.Object, Block, 16);

        driver.Reset();

        reset.Verify(p => p.Write(false), Times.Once);
        reset.Verify(p => p.Write(true), Times.Once);
        Assert.Equal(1, driver.Resets);
        Assert.True(driver.NeedsConfiguration);
        Assert.Empty(_spi.Sent);
    }

    [Fact]
    public void Arm_snapshot_writes_the_skip_count_and_checks_the_chip_accepted_it()
    {
        _spi.AnswerWrite(DigitizerRegister.SnapshotArm).AnswerRead(DigitizerRegister.SnapshotStatus, 1, status: 0x80);
        Assert.Equal(DigitizerResult.Ok, _driver.ArmSnapshot(0));
        Assert.Equal(new[] { "5A 10 00 00 00 00 FC DC", "3C 11" + Zeros7 }, _spi.SentHex);

        _spi.AnswerWrite(DigitizerRegister.SnapshotArm).AnswerRead(DigitizerRegister.SnapshotStatus, 0, status: 0x20);
        Assert.Equal(DigitizerResult.Rejected, _driver.ArmSnapshot(3));
    }

    [Fact]
    public void A_snapshot_is_one_burst_of_512_samples_copied_as_sent()
    {
        var samples = new byte[1024];
        for (int i = 0; i < samples.Length; i++) samples[i] = (byte)i;
        _spi.Answer(ScriptedSpi.Burst(DigitizerRegister.SnapshotData, 7, samples, 512, 64));
        var destination = new byte[1030];

        Assert.True(_driver.TryReadSnapshot(destination, 3, out int count, out int trigger, out int capture));

        Assert.Equal((512, 64, 7), (count, trigger, capture));
        Assert.Equal(samples, destination.AsSpan(3, 1024).ToArray());
        Assert.Equal("96 42 02 00", Hex.Of(_spi.Sent[0], 0, 4));
        Assert.Equal(11 + 1024, _spi.Sent[0].Length);
    }

    [Fact]
    public void Poll_reads_the_chip_counters()
    {
        _spi.AnswerRead(DigitizerRegister.OverflowCount, 2).AnswerRead(DigitizerRegister.LostCount, 37).AnswerRead(DigitizerRegister.FifoLevel, 0);
        _driver.Poll(1_000_000);
        Assert.Equal((2L, 37L), (_driver.ChipOverflowCount, _driver.ChipLostCount));
        Assert.Equal(new[] { "3C 08" + Zeros7, "3C 09" + Zeros7, "3C 07" + Zeros7 }, _spi.SentHex);
    }

    [Fact]
    public void The_block_path_allocates_nothing()
    {
        var canned = new CannedSpi(ScriptedSpi.Burst(DigitizerRegister.FifoData, 0, ScriptedSpi.Records(0, Block), Block, 0));
        var driver = new DigitizerDriver(canned, _reset.Object, Block, 64);
        for (int i = 0; i < 100; i++)
        {
            canned.SetFirst(i * Block);
            driver.OnDataReady(i);
            driver.Ring.Discard(Block);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 100; i < 1100; i++)
        {
            canned.SetFirst(i * Block);
            driver.OnDataReady(i);
            driver.Ring.Discard(Block);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1100, driver.BlocksRead);
        Assert.Equal(0, driver.RecordsLost + driver.CrcErrors + driver.RingOverflows);
    }

    private void ConfigureOk()
    {
        _spi.AnswerWrite(DigitizerRegister.Threshold).AnswerRead(DigitizerRegister.Threshold, 100)
            .AnswerWrite(DigitizerRegister.Watermark).AnswerRead(DigitizerRegister.Watermark, 4)
            .AnswerWrite(DigitizerRegister.MaxLatency).AnswerRead(DigitizerRegister.MaxLatency, 8000)
            .AnswerWrite(DigitizerRegister.MinWidth).AnswerRead(DigitizerRegister.MinWidth, 8)
            .AnswerWrite(DigitizerRegister.Status)
            .AnswerWrite(DigitizerRegister.Control).AnswerRead(DigitizerRegister.Control, 3);
        Assert.Equal(DigitizerResult.Ok, _driver.Configure(100, 4, 8000, 8));
    }

    /// <summary>Answers every frame with one canned burst whose FIRST (and CRC) the test moves on: allocation-free.</summary>
    private sealed class CannedSpi(byte[] answer) : ISpiDevice
    {
        public void SetFirst(int first)
        {
            Payload.Flight.Protocol.BigEndian.WriteUInt16(answer, DigitizerFrame.BurstFirstOffset, first & 0xFFFF);
            int covered = answer.Length - DigitizerFrame.CrcLength;
            Payload.Flight.Protocol.BigEndian.WriteUInt16(answer, covered, Payload.Flight.Protocol.Crc16Ccitt.Compute(answer, 0, covered));
        }

        public void TransferFullDuplex(byte[] writeBuffer, int writeOffset, byte[] readBuffer, int readOffset, int count)
        {
            Array.Copy(answer, 0, readBuffer, readOffset, Math.Min(answer.Length, count));
        }
    }
}

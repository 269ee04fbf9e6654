using System.Numerics;
using Payload.Flight.Devices.Digitizer;
using Payload.Flight.Protocol;
using Payload.Flight.Tests.Support;

namespace Payload.Flight.Tests.Devices.Digitizer;

/// <summary>The SPI frames against the vectors of boards/datasheets/pulse-digitizer.md.</summary>
public class DigitizerFrameTests
{
    [Fact]
    public void Register_read_frame_is_command_address_and_seven_zeros()
    {
        var frame = new byte[DigitizerFrame.ReadLength];
        frame.AsSpan().Fill(0xEE);
        DigitizerFrame.EncodeRead(frame, 0, DigitizerRegister.Id);
        Assert.Equal("3C 00 00 00 00 00 00 00 00", Hex.Of(frame));
    }

    [Theory]
    [InlineData(DigitizerRegister.Threshold, 0x1234L, "5A 03 00 00 12 34 05 92")]
    [InlineData(DigitizerRegister.MaxLatency, 800000L, "5A 05 00 0C 35 00 54 D0")]
    [InlineData(DigitizerRegister.Control, 3L, "5A 01 00 00 00 03 62 B4")]
    [InlineData(DigitizerRegister.Scratch, 0xA55A3CC3L, "5A 0F A5 5A 3C C3 FB 94")]
    public void Register_write_frame_carries_a_crc_over_its_first_six_octets(DigitizerRegister register, long value, string expected)
    {
        var frame = new byte[DigitizerFrame.WriteLength + 2];
        DigitizerFrame.EncodeWrite(frame, 1, register, value);
        Assert.Equal(expected, Hex.Of(frame, 1, DigitizerFrame.WriteLength));
    }

    [Fact]
    public void Burst_frame_is_command_window_max_then_zeros_to_its_length()
    {
        int length = DigitizerFrame.BurstLength(2, PulseRecord.Size);
        var frame = new byte[length];
        frame.AsSpan().Fill(0xEE);
        DigitizerFrame.EncodeBurst(frame, 0, DigitizerRegister.FifoData, 2, length);
        Assert.Equal(35, length);
        Assert.Equal("96 40 00 02" + string.Concat(Enumerable.Repeat(" 00", 31)), Hex.Of(frame));
    }

    [Theory]
    [InlineData(1, 23)]
    [InlineData(64, 779)]
    [InlineData(1024, 12299)]
    public void Burst_length_is_header_items_and_crc(int records, int octets)
    {
        Assert.Equal(octets, DigitizerFrame.BurstLength(records, PulseRecord.Size));
    }

    [Fact]
    public void The_datasheet_id_read_is_valid_and_every_single_bit_flip_is_caught()
    {
        byte[] response = Hex.Bytes("42 3C 00 50 44 01 00 EF C9");
        Assert.Equal(DigitizerFrameCheck.Valid, DigitizerFrame.CheckRead(response, 0, DigitizerRegister.Id));
        Assert.Equal(DigitizerChip.Id, DigitizerFrame.ReadValue(response, 0));
        for (int bit = 0; bit < response.Length * 8; bit++)
        {
            response[bit / 8] ^= (byte)(0x80 >> (bit % 8));
            Assert.NotEqual(DigitizerFrameCheck.Valid, DigitizerFrame.CheckRead(response, 0, DigitizerRegister.Id));
            response[bit / 8] ^= (byte)(0x80 >> (bit % 8));
        }
    }

    [Fact]
    public void The_datasheet_block_example_is_valid_and_decodes()
    {
        // One record in a MAX = 2 burst: TOA 10 000 000 ticks (125 ms), width 1600 ticks (20 µs), peak 40000.
        byte[] response = Hex.Bytes("01 96 40 00 00 00 01 00 00 00 00 00 98 96 80 06 40 9C 40 00 00 17 98" + string.Concat(Enumerable.Repeat(" 00", 12)));
        Assert.Equal(DigitizerFrameCheck.Valid, DigitizerFrame.CheckBurst(response, 0, DigitizerRegister.FifoData, 2, PulseRecord.Size));
        Assert.Equal(0, DigitizerFrame.BurstFirst(response, 0));
        Assert.Equal(1, DigitizerFrame.BurstCount(response, 0));
        Assert.Equal(0, DigitizerFrame.BurstRemaining(response, 0));
        PulseRecordCodec.Read(response, DigitizerFrame.BurstHeaderLength, out var record);
        Assert.Equal(10_000_000L, record.ToaTicks);
        Assert.Equal(1600, record.WidthTicks);
        Assert.Equal(40000, record.PeakCode);
        Assert.Equal(PulseFlags.None, record.Flags);
        for (int bit = 0; bit < 23 * 8; bit++)
        {
            response[bit / 8] ^= (byte)(0x80 >> (bit % 8));
            Assert.NotEqual(DigitizerFrameCheck.Valid, DigitizerFrame.CheckBurst(response, 0, DigitizerRegister.FifoData, 2, PulseRecord.Size));
            response[bit / 8] ^= (byte)(0x80 >> (bit % 8));
        }
    }

    [Fact]
    public void The_datasheet_repeat_of_that_block_is_valid()
    {
        byte[] response = Hex.Bytes("01 96 41 00 00 00 01 00 00 00 00 00 98 96 80 06 40 9C 40 00 00 C9 87" + string.Concat(Enumerable.Repeat(" 00", 12)));
        Assert.Equal(DigitizerFrameCheck.Valid, DigitizerFrame.CheckBurst(response, 0, DigitizerRegister.FifoRepeat, 2, PulseRecord.Size));
    }

    [Fact]
    public void A_held_bus_is_no_response_not_a_crc_error()
    {
        var high = Enumerable.Repeat((byte)0xFF, 35).ToArray();
        var low = new byte[35];
        Assert.Equal(DigitizerFrameCheck.NoResponse, DigitizerFrame.CheckBurst(high, 0, DigitizerRegister.FifoData, 2, PulseRecord.Size));
        Assert.Equal(DigitizerFrameCheck.NoResponse, DigitizerFrame.CheckBurst(low, 0, DigitizerRegister.FifoData, 2, PulseRecord.Size));
        Assert.Equal(DigitizerFrameCheck.NoResponse, DigitizerFrame.CheckRead(high, 0, DigitizerRegister.Id));
    }

    [Fact]
    public void A_count_above_max_is_refused_before_the_crc_is_looked_for()
    {
        byte[] response = ScriptedSpi.Burst(DigitizerRegister.FifoData, 0, ScriptedSpi.Records(0, 3), 3, 0);
        Assert.Equal(DigitizerFrameCheck.CountOutOfRange, DigitizerFrame.CheckBurst(response, 0, DigitizerRegister.FifoData, 2, PulseRecord.Size));
        Assert.Equal(DigitizerFrameCheck.Valid, DigitizerFrame.CheckBurst(Pad(response, 47), 0, DigitizerRegister.FifoData, 3, PulseRecord.Size));
    }

    [Fact]
    public void An_echo_of_another_window_is_an_echo_mismatch()
    {
        byte[] response = Pad(ScriptedSpi.Burst(DigitizerRegister.FifoRepeat, 0, ScriptedSpi.Records(0, 1), 1, 0), 35);
        Assert.Equal(DigitizerFrameCheck.EchoMismatch, DigitizerFrame.CheckBurst(response, 0, DigitizerRegister.FifoData, 2, PulseRecord.Size));
    }

    [Fact]
    public void A_rejected_frame_with_a_complemented_crc_never_passes()
    {
        // What the chip sends for a burst to an unknown window: echoes, zero header, complement of the CRC.
        var response = new byte[35];
        response[0] = 0x02;
        response[1] = 0x96;
        response[2] = 0x40;
        ushort crc = Crc16Ccitt.Compute(response, 0, DigitizerFrame.BurstHeaderLength);
        BigEndian.WriteUInt16(response, DigitizerFrame.BurstHeaderLength, (ushort)~crc);
        Assert.Equal(DigitizerFrameCheck.CrcMismatch, DigitizerFrame.CheckBurst(response, 0, DigitizerRegister.FifoData, 2, PulseRecord.Size));
    }

    [Fact]
    public void Command_codes_differ_pairwise_in_four_bits_and_are_not_idle_bus_levels()
    {
        byte[] codes = [(byte)DigitizerCommand.Read, (byte)DigitizerCommand.Write, (byte)DigitizerCommand.Burst];
        for (int a = 0; a < codes.Length; a++)
        {
            Assert.NotEqual(0x00, codes[a]);
            Assert.NotEqual(0xFF, codes[a]);
            for (int b = a + 1; b < codes.Length; b++)
            {
                Assert.Equal(4, BitOperations.PopCount((uint)(codes[a] ^ codes[b])));
            }
        }
    }

    private static byte[] Pad(byte[] frame, int length)
    {
        var padded = new byte[length];
        frame.CopyTo(padded, 0);
        return padded;
    }
}

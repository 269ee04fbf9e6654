using CsCheck;
using Payload.Flight.Devices.Digitizer;
using Payload.Flight.Tests.Support;

namespace Payload.Flight.Tests.Devices.Digitizer;

public class PulseRecordCodecTests
{
    [Fact]
    public void Layout_is_toa48_width16_peak16_flags8_sequence8_big_endian()
    {
        var buffer = new byte[14];
        PulseRecordCodec.Write(buffer, 1, 0x0123456789ABL, 0xCDEF, 0x1357, PulseFlags.Saturated | PulseFlags.AfterOverflow, 0xA5);
        Assert.Equal("00 01 23 45 67 89 AB CD EF 13 57 09 A5 00", Hex.Of(buffer));
        Assert.Equal(12, PulseRecord.Size);
    }

    [Fact]
    public void Fields_round_trip_through_every_accessor()
    {
        var gen = Gen.Select(Gen.Long[0, DigitizerChip.ToaMask], Gen.Int[0, 0xFFFF], Gen.Int[0, 0xFFFF], Gen.Byte, Gen.Int[0, 255], Gen.Int[0, 20]);
        Prop.ForAll(gen, t =>
        {
            var (toa, width, peak, flags, sequence, index) = t;
            var block = new byte[(index + 1) * PulseRecord.Size];
            int offset = PulseRecordCodec.OffsetOf(0, index);
            PulseRecordCodec.Write(block, offset, new PulseRecord(toa, width, peak, (PulseFlags)flags, sequence));
            PulseRecordCodec.Read(block, offset, out var record);
            Assert.Equal((toa, width, peak, (PulseFlags)flags, sequence), (record.ToaTicks, record.WidthTicks, record.PeakCode, record.Flags, record.Sequence));
            Assert.Equal(toa, PulseRecordCodec.ReadToaTicks(block, offset));
            Assert.Equal(width, PulseRecordCodec.ReadWidthTicks(block, offset));
            Assert.Equal(peak, PulseRecordCodec.ReadPeakCode(block, offset));
            Assert.Equal((PulseFlags)flags, PulseRecordCodec.ReadFlags(block, offset));
            Assert.Equal(sequence, PulseRecordCodec.ReadSequence(block, offset));
        }, seed: 0xD161);
    }

    [Fact]
    public void Write_keeps_the_low_bits_of_out_of_range_fields()
    {
        var buffer = new byte[PulseRecord.Size];
        PulseRecordCodec.Write(buffer, 0, DigitizerChip.ToaMask + 5, 0x1FFFF, 0x10001, PulseFlags.None, 0x101);
        PulseRecordCodec.Read(buffer, 0, out var record);
        Assert.Equal((4L, 0xFFFF, 1, 1), (record.ToaTicks, record.WidthTicks, record.PeakCode, record.Sequence));
    }
}

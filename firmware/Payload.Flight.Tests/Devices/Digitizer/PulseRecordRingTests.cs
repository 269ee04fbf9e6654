using Payload.Flight.Devices.Digitizer;

namespace Payload.Flight.Tests.Devices.Digitizer;

public class PulseRecordRingTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(1000)]
    [InlineData(1 << 21)]
    public void Capacity_must_be_a_power_of_two(int capacity)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PulseRecordRing(capacity));
    }

    [Fact]
    public void Blocks_wrap_around_and_come_out_in_order()
    {
        var ring = new PulseRecordRing(8);
        int next = 0;
        int expected = 0;
        var output = new byte[8 * PulseRecord.Size];
        for (int round = 0; round < 20; round++)
        {
            int count = 1 + (round % 5);
            Assert.Equal(count, ring.Append(ScriptedSpi.Records(next, count), 0, count));
            next += count;
            int read = ring.Read(output, 0, 3);
            for (int i = 0; i < read; i++)
            {
                Assert.Equal(1000L * expected, PulseRecordCodec.ReadToaTicks(output, i * PulseRecord.Size));
                expected++;
            }

            if (ring.TryRead(out var record))
            {
                Assert.Equal(1000L * expected++, record.ToaTicks);
            }

            Assert.Equal(next - expected, ring.Count);
        }

        Assert.Equal(0, ring.Overflowed);
        Assert.Equal(next, ring.Appended);
    }

    [Fact]
    public void A_full_ring_refuses_the_newest_and_counts_them()
    {
        var ring = new PulseRecordRing(4);
        Assert.Equal(3, ring.Append(ScriptedSpi.Records(0, 3), 0, 3));
        Assert.Equal(1, ring.Append(ScriptedSpi.Records(3, 3), 0, 3));
        Assert.Equal(2, ring.Overflowed);
        Assert.Equal(0, ring.Free);
        for (int i = 0; i < 4; i++)
        {
            Assert.True(ring.TryRead(out var record));
            Assert.Equal(1000L * i, record.ToaTicks);
        }

        Assert.False(ring.TryRead(out _));
    }

    [Fact]
    public void Records_can_be_read_in_place_then_discarded()
    {
        var ring = new PulseRecordRing(4);
        ring.Append(ScriptedSpi.Records(0, 3), 0, 3);
        ring.Discard(2);
        ring.Append(ScriptedSpi.Records(3, 3), 0, 3);
        Assert.Equal(4, ring.Count);
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(1000L * (2 + i), PulseRecordCodec.ReadToaTicks(ring.Buffer, ring.OffsetOf(i)));
        }

        Assert.Equal(4, ring.Discard(10));
        Assert.Equal(0, ring.Count);
    }
}

using Payload.Flight.Protocol;
using Payload.Flight.Telemetry;
using Payload.Flight.Time;

namespace Payload.Flight.Tests.Telemetry;

public class TelemetryPacketizerTests
{
    private readonly OnboardTime _time = new();
    private readonly byte[] _packet = new byte[PacketLimits.MaxPacketLength];

    private TelemetryPacket Encode(TelemetryPacketizer packetizer, byte service, byte subtype, byte[]? data = null)
    {
        data ??= [0xAA, 0x00, 0x55];
        int length = packetizer.Encode(service, subtype, data, 0, data.Length, _packet, 0);
        Assert.True(length > 0);
        var copy = _packet[..length];
        Assert.Equal(PacketStatus.Ok, TelemetryCodec.TryDecode(copy, 0, length, out var tm));
        return tm;
    }

    [Fact]
    public void Sequence_count_increments_per_packet_and_wraps_to_zero_after_16383()
    {
        var packetizer = new TelemetryPacketizer(0x064, 1, _time, 8);
        for (int i = 0; i <= PacketLimits.MaxSequenceCount; i++)
        {
            Assert.Equal(i, Encode(packetizer, 3, 25).SequenceCount);
        }

        Assert.Equal(0, Encode(packetizer, 5, 1).SequenceCount);
        Assert.Equal(1, Encode(packetizer, 3, 25).SequenceCount);
    }

    [Fact]
    public void Message_type_counters_count_each_service_and_subtype_separately()
    {
        var packetizer = new TelemetryPacketizer(0x064, 1, _time, 8);
        var counters = new[] { (3, 25), (5, 1), (3, 25), (3, 26), (5, 1), (3, 25) }
            .Select(t => (int)Encode(packetizer, (byte)t.Item1, (byte)t.Item2).Pus.MessageTypeCounter)
            .ToArray();

        Assert.Equal(new[] { 0, 0, 1, 0, 1, 2 }, counters);
    }

    [Fact]
    public void Message_type_counter_wraps_from_65535_to_zero()
    {
        var counters = new MessageTypeCounters(2);
        for (int i = 0; i < 65535; i++) counters.Next(1, 1);

        Assert.Equal(65535, counters.Next(1, 1));
        Assert.Equal(0, counters.Next(1, 1));
    }

    [Fact]
    public void Types_beyond_the_table_share_its_last_entry()
    {
        var counters = new MessageTypeCounters(2);

        Assert.Equal(0, counters.Next(1, 1));
        Assert.Equal(0, counters.Next(1, 2));
        Assert.Equal(1, counters.Next(1, 3));
        Assert.Equal(2, counters.Next(9, 9));
        Assert.Equal(1, counters.Next(1, 1));
        Assert.Equal(2, counters.TypesInUse);
    }

    [Fact]
    public void Header_carries_apid_destination_on_board_time_and_time_reference_status()
    {
        var packetizer = new TelemetryPacketizer(0x123, 0x0042, _time, 8);
        _time.OffsetMicroseconds = 800_000_000L * 1_000_000;
        _time.Advance(1_234_567);

        var free = Encode(packetizer, 17, 2, [1, 2, 3, 4]);
        _time.IsSynchronised = true;
        _time.Advance(2_000_000);
        var synchronised = Encode(packetizer, 17, 2);

        Assert.Equal(0x123, free.Apid);
        Assert.Equal(0x0042, free.Pus.DestinationId);
        Assert.Equal(CucTime.FromMicroseconds(800_000_001_234_567L), free.Time);
        Assert.Equal(TelemetryPacketizer.TimeFreeRunning, free.Pus.TimeReferenceStatus);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, free.Buffer.AsSpan(free.ApplicationDataOffset, free.ApplicationDataLength).ToArray());
        Assert.Equal(SequenceFlags.Unsegmented, free.Primary.SequenceFlags);
        Assert.Equal(_time.Now, synchronised.Time);
        Assert.Equal(TelemetryPacketizer.TimeSynchronised, synchronised.Pus.TimeReferenceStatus);
    }

    [Fact]
    public void Data_too_long_is_refused_without_using_a_sequence_count()
    {
        var packetizer = new TelemetryPacketizer(0x064, 1, _time, 8);
        var tooLong = new byte[PacketLimits.MaxTelemetryApplicationDataLength + 1];

        Assert.Equal(0, packetizer.Encode(3, 25, tooLong, 0, tooLong.Length, _packet, 0));
        Assert.Equal(0, packetizer.NextSequenceCount);
        Assert.Equal(0, Encode(packetizer, 3, 25).Pus.MessageTypeCounter);
    }

    [Fact]
    public void Time_before_the_epoch_is_stamped_as_the_epoch()
    {
        var packetizer = new TelemetryPacketizer(0x064, 1, _time, 8);
        _time.OffsetMicroseconds = -5_000_000;
        _time.Advance(1_000_000);

        Assert.Equal(new CucTime(0, 0), Encode(packetizer, 3, 25).Time);
    }
}

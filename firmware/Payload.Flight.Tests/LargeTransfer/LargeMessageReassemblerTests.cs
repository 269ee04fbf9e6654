using Payload.Flight.LargeTransfer;
using Payload.Flight.Protocol;

namespace Payload.Flight.Tests.LargeTransfer;

public class LargeMessageReassemblerTests
{
    private static ushort _sequence;

    private static TelemetryPacket Part(byte subtype, int id, int part, params byte[] data) => Packet(LargePacketSender.Service, subtype, id, part, data);

    private static TelemetryPacket Packet(byte service, byte subtype, int id, int part, byte[] data)
    {
        var appData = new byte[LargePacketSender.HeaderLength + data.Length];
        BigEndian.WriteUInt16(appData, 0, id);
        BigEndian.WriteUInt16(appData, 2, part);
        data.CopyTo(appData, LargePacketSender.HeaderLength);
        var buffer = new byte[PacketLimits.MaxPacketLength];
        Assert.Equal(PacketStatus.Ok, TelemetryCodec.TryEncode(0x64, _sequence++, service, subtype, 0, 1, new CucTime(1, 0), appData, 0, appData.Length, buffer, 0, out int written));
        Assert.Equal(PacketStatus.Ok, TelemetryCodec.TryDecode(buffer, 0, written, out var tm));
        return tm;
    }

    [Fact]
    public void Parts_in_any_order_rebuild_the_message_and_reordering_is_noticed()
    {
        var ground = new LargeMessageReassembler();
        Assert.Equal(PartOutcome.Accepted, ground.Accept(Part(1, 5, 1, 10, 11)));
        Assert.Equal(PartOutcome.Accepted, ground.Accept(Part(3, 5, 4, 40)));
        Assert.False(ground.IsComplete(5));
        Assert.Equal(new List<int> { 2, 3 }, ground.Missing(5));
        Assert.Equal(PartOutcome.OutOfOrder, ground.Accept(Part(2, 5, 3, 30, 31)));
        Assert.Equal(PartOutcome.OutOfOrder, ground.Accept(Part(2, 5, 2, 20)));

        Assert.Equal(new byte[] { 10, 11, 20, 30, 31, 40 }, ground.Message(5));
    }

    [Fact]
    public void Missing_parts_are_listed_up_to_the_highest_seen_until_the_last_part_arrives()
    {
        var ground = new LargeMessageReassembler();
        ground.Accept(Part(1, 9, 1, 1));
        ground.Accept(Part(2, 9, 3, 3));
        ground.Accept(Part(2, 9, 6, 6));
        Assert.Equal(new List<int> { 2, 4, 5 }, ground.Missing(9));
        Assert.Equal(new List<(int, int)> { (2, 2), (4, 5) }, ground.MissingRanges(9));
        ground.Accept(Part(3, 9, 8, 8));
        Assert.Equal(new List<int> { 2, 4, 5, 7 }, ground.Missing(9));
        Assert.Throws<Xunit.Sdk.TrueException>(() => ground.Message(9));
    }

    [Fact]
    public void A_repeated_part_is_a_duplicate_and_a_changed_one_is_malformed()
    {
        var ground = new LargeMessageReassembler();
        ground.Accept(Part(1, 2, 1, 1, 2));
        Assert.Equal(PartOutcome.Duplicate, ground.Accept(Part(1, 2, 1, 1, 2)));
        Assert.Equal(PartOutcome.Malformed, ground.Accept(Part(1, 2, 1, 1, 3)));
        ground.Accept(Part(3, 2, 2));
        Assert.Equal(new byte[] { 1, 2 }, ground.Message(2));
        Assert.Equal(1, ground.Count(PartOutcome.Duplicate));
    }

    [Fact]
    public void Parts_that_contradict_the_transfer_are_malformed_and_other_telemetry_is_ignored()
    {
        var ground = new LargeMessageReassembler();
        Assert.Equal(PartOutcome.Malformed, ground.Accept(Part(1, 3, 2)));
        Assert.Equal(PartOutcome.Malformed, ground.Accept(Part(2, 3, 1)));
        Assert.Equal(PartOutcome.Malformed, ground.Accept(Part(2, 3, 0)));
        ground.Accept(Part(3, 3, 4));
        Assert.Equal(PartOutcome.Malformed, ground.Accept(Part(3, 3, 5)));
        Assert.Equal(PartOutcome.Malformed, ground.Accept(Part(2, 3, 6)));
        Assert.Equal(PartOutcome.Ignored, ground.Accept(Packet(5, 1, 3, 1, [])));
        Assert.Equal(PartOutcome.Ignored, ground.Accept(Packet(LargePacketSender.Service, 16, 3, 1, [])));
        Assert.Equal(new List<int> { 1, 2, 3 }, ground.Missing(3));
    }

    [Fact]
    public void Transactions_are_kept_apart()
    {
        var ground = new LargeMessageReassembler();
        ground.Accept(Part(1, 1, 1, 0xA));
        ground.Accept(Part(1, 2, 1, 0xB));
        ground.Accept(Part(3, 2, 2, 0xC));
        ground.Accept(Part(3, 1, 2));
        Assert.Equal(new byte[] { 0xA }, ground.Message(1));
        Assert.Equal(new byte[] { 0xB, 0xC }, ground.Message(2));
    }

    [Fact]
    public void The_sequence_range_of_a_gap_lies_strictly_between_its_neighbours_and_wraps()
    {
        var ground = new LargeMessageReassembler();
        _sequence = PacketLimits.MaxSequenceCount - 1;
        ground.Accept(Part(1, 4, 1, 1));          // sequence 16382
        _sequence = 3;
        ground.Accept(Part(3, 4, 3, 3));          // sequence 3
        Assert.Equal((PacketLimits.MaxSequenceCount, 2), ground.SequenceRangeFor(4, 2));
    }
}

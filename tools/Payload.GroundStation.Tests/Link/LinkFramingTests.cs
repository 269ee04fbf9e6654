using Payload.Flight.Protocol;
using Payload.GroundStation.Link;

namespace Payload.GroundStation.Tests.Link;

public sealed class LinkFramingTests
{
    [Fact]
    public void AFrameHasADelimiterOnEachSideAndNoZeroInside()
    {
        byte[] packet = [0x18, 0x64, 0x00, 0x00, 0x01];

        byte[] frame = LinkFramer.Frame(packet);

        Assert.Equal("00031864010201" + "00", Convert.ToHexString(frame));
        Assert.Equal(LinkFramer.FrameLength(packet.Length), frame.Length);
    }

    [Fact]
    public void TheDeframerDeliversPacketsInAnyChunking()
    {
        byte[][] packets = [[1, 2, 0, 3], [0, 0, 0], Enumerable.Range(0, 600).Select(i => (byte)i).ToArray()];
        byte[] stream = packets.SelectMany(LinkFramer.Frame).ToArray();
        var deframer = new LinkDeframer();
        var received = new List<byte[]>();
        deframer.PacketReceived += received.Add;

        for (int i = 0; i < stream.Length; i += 7) deframer.Push(stream, i, Math.Min(7, stream.Length - i));

        Assert.Equal(packets, received);
        Assert.Equal(3, deframer.Packets);
        Assert.Equal(0, deframer.FramesDiscarded);
        Assert.Equal(stream.Length, deframer.OctetsReceived);
    }

    [Fact]
    public void GarbageIsCountedAndTheNextFrameStillArrives()
    {
        var deframer = new LinkDeframer();
        var received = new List<byte[]>();
        deframer.PacketReceived += received.Add;
        byte[] cut = LinkFramer.Frame([9, 9, 9, 9, 9, 9])[..4]; // a frame cut by a link drop, no closing delimiter

        deframer.Push(cut, 0, cut.Length);
        deframer.Push([0x13, 0x37, 0xC0], 0, 3);
        byte[] good = LinkFramer.Frame([1, 2, 3]);
        deframer.Push(good, 0, good.Length);

        Assert.Equal([[1, 2, 3]], received);
        Assert.Equal(1, deframer.FramesDiscarded);
        Assert.Equal(1, deframer.Discarded(FrameDiscardReason.MalformedCobs));
        Assert.Equal(6, deframer.GarbageOctets);
    }
}

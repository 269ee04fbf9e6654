using Payload.Flight.Telemetry;

namespace Payload.Flight.Tests.Telemetry;

public class PacketQueueTests
{
    private static byte[] Head(PacketQueue queue) => queue.Buffer.AsSpan(queue.HeadOffset, queue.HeadLength).ToArray();

    [Fact]
    public void Packets_come_out_in_order_with_their_lengths_across_the_end_of_the_ring()
    {
        var queue = new PacketQueue(3, 16);
        var expected = new Queue<byte[]>();
        for (int i = 0; i < 20; i++)
        {
            var packet = Enumerable.Range(0, 1 + (i % 16)).Select(b => (byte)(b + i)).ToArray();
            Assert.True(queue.TryEnqueue(packet, 0, packet.Length));
            expected.Enqueue(packet);
            if (queue.FreeSlots == 0)
            {
                Assert.Equal(expected.Dequeue(), Head(queue));
                queue.RemoveHead();
            }
        }

        while (queue.Count > 0)
        {
            Assert.Equal(expected.Dequeue(), Head(queue));
            queue.RemoveHead();
        }
        Assert.Empty(expected);
    }

    [Fact]
    public void A_full_ring_or_an_oversized_packet_is_refused_and_nothing_changes()
    {
        var queue = new PacketQueue(2, 8);
        var packet = new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 };

        Assert.False(queue.TryEnqueue(packet, 0, 9));
        Assert.True(queue.TryEnqueue(packet, 0, 1));
        Assert.True(queue.TryEnqueue(packet, 1, 2));
        Assert.False(queue.TryEnqueue(packet, 3, 1));

        Assert.Equal(2, queue.Count);
        Assert.Equal(0, queue.FreeSlots);
        Assert.Equal(new byte[] { 1 }, Head(queue));
        queue.RemoveHead();
        Assert.Equal(new byte[] { 2, 3 }, Head(queue));
    }

    [Fact]
    public void Removing_from_an_empty_ring_does_nothing()
    {
        var queue = new PacketQueue(2, 8);
        queue.RemoveHead();

        Assert.Equal(0, queue.Count);
        Assert.True(queue.TryEnqueue([7], 0, 1));
        Assert.Equal(new byte[] { 7 }, Head(queue));
    }
}

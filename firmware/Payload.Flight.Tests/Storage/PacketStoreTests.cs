using CsCheck;
using Payload.Flight.Dictionary;
using Payload.Flight.Parameters;
using Payload.Flight.Protocol;
using Payload.Flight.Storage;
using Payload.Flight.Tests.Support;

namespace Payload.Flight.Tests.Storage;

public class PacketStoreTests
{
    private const int MaxPacket = PacketLimits.MinTelemetryLength + 400;

    private static ParameterTable NewParameters()
    {
        var builder = new DictionaryBuilder();
        PacketStore.Declare(builder);
        return new ParameterTable(builder.Build());
    }

    private static byte[] Tm(int sequenceCount, long missionMicroseconds, int dataLength)
    {
        var data = Enumerable.Range(0, dataLength).Select(i => (byte)(i + sequenceCount)).ToArray();
        var packet = new byte[PacketLimits.MinTelemetryLength + dataLength];
        Assert.Equal(PacketStatus.Ok, TelemetryCodec.TryEncode(0x064, (ushort)sequenceCount, 3, 25, 0, 1, CucTime.FromMicroseconds(missionMicroseconds),
            data, 0, dataLength, packet, 0, out _));
        return packet;
    }

    private static byte[] Held(PacketStore store, long record) => store.Data.AsSpan(store.OffsetOf(record), store.LengthOf(record)).ToArray();

    private static List<byte[]> AllHeld(PacketStore store)
    {
        var held = new List<byte[]>();
        for (long r = store.FirstRecord; r < store.NextRecord; r++) held.Add(Held(store, r));
        return held;
    }

    [Fact]
    public void A_stored_packet_is_held_unchanged_with_its_sequence_count_and_time()
    {
        var parameters = NewParameters();
        var store = new PacketStore(4096, 16, parameters);
        var packet = Tm(0x2ABC, 800_000_123_456_789L, 50);
        var framed = new byte[packet.Length + 7];
        packet.CopyTo(framed, 5);

        Assert.True(store.Append(framed, 5, packet.Length));

        Assert.Equal(1, store.Count);
        Assert.Equal(packet, Held(store, store.FirstRecord));
        Assert.Equal(0x2ABC, store.SequenceCountOf(store.FirstRecord));
        Assert.Equal(CucTime.FromMicroseconds(800_000_123_456_789L).ToMicroseconds(), store.MissionMicrosecondsOf(store.FirstRecord));
        Assert.Equal(packet.Length, store.BytesUsed);
        Assert.Equal(1, parameters.Get(PacketStore.StoredParameter));
        Assert.Equal(packet.Length, parameters.Get(PacketStore.BytesUsedParameter));
        Assert.Equal(1, parameters.Get(PacketStore.PacketsHeldParameter));
    }

    [Fact]
    public void Circular_keeps_the_newest_packets_unchanged_and_accounts_for_every_packet()
    {
        var gen = Gen.Select(Gen.Int[300, 3000], Gen.Int[1, 40], Gen.Int[0, 400].Array[1, 200]);
        Prop.ForAll(gen, input =>
        {
            var (capacityBytes, capacityPackets, lengths) = input;
            var parameters = NewParameters();
            var store = new PacketStore(capacityBytes, capacityPackets, parameters);
            var appended = new List<byte[]>();
            long totalBytes = 0;
            for (int i = 0; i < lengths.Length; i++)
            {
                var packet = Tm(i, i * 1000L, lengths[i]);
                bool fits = packet.Length <= capacityBytes;
                long overwrittenBefore = store.Overwritten;
                int countBefore = store.Count;
                Assert.Equal(fits, store.Append(packet, 0, packet.Length));
                if (!fits) continue;
                appended.Add(packet);
                totalBytes += packet.Length;

                var held = AllHeld(store);
                Assert.NotEmpty(held);
                for (int h = 0; h < held.Count; h++)
                {
                    Assert.True(held[h].AsSpan().SequenceEqual(appended[appended.Count - held.Count + h]), $"held packet {h} differs");
                }
                Assert.Equal(held.Sum(p => (long)p.Length), store.BytesUsed);
                Assert.True(held.Count <= capacityPackets);
                Assert.Equal(appended.Count, store.Stored);
                Assert.Equal(store.Stored, store.Count + store.Overwritten);
                if (totalBytes <= capacityBytes && appended.Count <= capacityPackets) Assert.Equal(0, store.Overwritten);
                if (store.Overwritten > overwrittenBefore && countBefore < capacityPackets)
                {
                    // Evicting for room stops as soon as the packet fits: what is left unused is at most the tail the
                    // ring skipped, the gap the last eviction opened, and the packet just evicted.
                    Assert.True(store.BytesUsed > capacityBytes - (3 * MaxPacket), $"{store.BytesUsed} of {capacityBytes} used");
                }
            }
            Assert.Equal(store.Refused, lengths.Count(l => PacketLimits.MinTelemetryLength + l > capacityBytes));
            Assert.Equal(store.Overwritten, parameters.Get(PacketStore.OverwrittenParameter));
        }, seed: 1510, iterations: 100);
    }

    [Fact]
    public void The_index_bounds_the_packets_held_whatever_room_is_left_in_bytes()
    {
        var store = new PacketStore(64 * 1024, 3, NewParameters());
        for (int i = 0; i < 5; i++) Assert.True(store.Append(Tm(i, i, 10), 0, 31));

        Assert.Equal(3, store.Count);
        Assert.Equal(2, store.Overwritten);
        Assert.Equal(new ushort[] { 2, 3, 4 }, new[] { 0, 1, 2 }.Select(i => store.SequenceCountOf(store.FirstRecord + i)));
    }

    [Fact]
    public void Stop_when_full_refuses_new_packets_counts_them_and_keeps_what_is_held()
    {
        var parameters = NewParameters();
        var store = new PacketStore(200, 16, parameters) { Policy = StoreOverflowPolicy.StopWhenFull };
        var first = Tm(1, 1_000_000, 60);
        var second = Tm(2, 2_000_000, 60);
        Assert.True(store.Append(first, 0, first.Length));
        Assert.True(store.Append(second, 0, second.Length));

        var third = Tm(3, 3_000_000, 60);
        Assert.False(store.Append(third, 0, third.Length));
        Assert.False(store.Append(third, 0, third.Length));

        Assert.Equal(new[] { first, second }, AllHeld(store));
        Assert.Equal(2, store.Refused);
        Assert.Equal(0, store.Overwritten);
        Assert.Equal(2, parameters.Get(PacketStore.RefusedParameter));
        Assert.Equal((long)StoreOverflowPolicy.StopWhenFull, parameters.Get(PacketStore.PolicyParameter));

        Assert.Equal(1, store.DeleteBefore(2_000_000));
        Assert.True(store.Append(third, 0, third.Length));
        Assert.Equal(new[] { second, third }, AllHeld(store));
    }

    [Theory]
    [InlineData(StoreOverflowPolicy.Circular)]
    [InlineData(StoreOverflowPolicy.StopWhenFull)]
    public void A_packet_that_can_never_fit_or_is_not_telemetry_is_refused_under_either_policy(StoreOverflowPolicy policy)
    {
        var store = new PacketStore(100, 4, NewParameters()) { Policy = policy };
        var small = Tm(1, 1, 10);
        Assert.True(store.Append(small, 0, small.Length));

        var big = Tm(2, 2, 80);
        Assert.False(store.Append(big, 0, big.Length));
        Assert.False(store.Append(small, 0, PacketLimits.MinTelemetryLength - 1));

        Assert.Equal(2, store.Refused);
        Assert.Equal(new[] { small }, AllHeld(store));
    }

    [Fact]
    public void Delete_before_removes_from_the_oldest_up_to_the_first_packet_at_or_after_the_time()
    {
        var parameters = NewParameters();
        var store = new PacketStore(4096, 16, parameters);
        long[] times = [1_000_000, 2_000_000, 3_000_000, 1_500_000, 4_000_000];
        for (int i = 0; i < times.Length; i++) store.Append(Tm(i, times[i], 10), 0, 31);

        Assert.Equal(2, store.DeleteBefore(3_000_000));

        // Storage order decides: the packet stamped 1.5 s, stored after the 3 s one, stays.
        Assert.Equal(new ushort[] { 2, 3, 4 }, new[] { 0, 1, 2 }.Select(i => store.SequenceCountOf(store.FirstRecord + i)));
        Assert.Equal(2, store.Deleted);
        Assert.Equal(2, parameters.Get(PacketStore.DeletedParameter));
        Assert.Equal(3 * 31, parameters.Get(PacketStore.BytesUsedParameter));
        Assert.Equal(store.Stored, store.Count + store.Overwritten + store.Deleted);
        Assert.Equal(3, store.DeleteBefore(long.MaxValue));
        Assert.Equal(0, store.Count);
        Assert.Equal(0, store.BytesUsed);
    }

    [Fact]
    public void Enabled_and_policy_are_telemetered()
    {
        var parameters = NewParameters();
        var store = new PacketStore(100, 4, parameters);
        Assert.Equal(1, parameters.Get(PacketStore.EnabledParameter));
        Assert.Equal(0, parameters.Get(PacketStore.PolicyParameter));

        store.Enabled = false;
        store.Policy = StoreOverflowPolicy.StopWhenFull;

        Assert.Equal(0, parameters.Get(PacketStore.EnabledParameter));
        Assert.Equal(1, parameters.Get(PacketStore.PolicyParameter));
    }
}

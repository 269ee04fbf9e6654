using System.Net;
using System.Net.Sockets;
using Payload.GroundStation.Link;
using Payload.GroundStation.Transports;

namespace Payload.GroundStation.Tests.Link;

/// <summary>What a link receives before anyone listens is held for its first listener, in order; nothing is lost in between.</summary>
public sealed class ReceptionGateTests
{
    private static byte[] Chunk(int n) => [(byte)n, (byte)(n >> 8), 0xA5];

    [Fact]
    public void OctetsBeforeTheFirstSubscriberAreHandedToItInOrderThenLiveOnesFollow()
    {
        var gate = new ReceptionGate();
        var first = new List<byte>();
        var second = new List<byte>();
        gate.Deliver([9, 1, 2, 3], 1, 2);
        gate.Deliver([4, 5], 0, 2);

        gate.Add((b, o, c) => first.AddRange(b.AsSpan(o, c).ToArray()));
        gate.Add((b, o, c) => second.AddRange(b.AsSpan(o, c).ToArray()));
        gate.Deliver([6], 0, 1);

        Assert.Equal([1, 2, 4, 5, 6], first);
        Assert.Equal([6], second);
    }

    [Fact]
    public void AfterTheLastSubscriberLeavesNothingIsHeldAnyMore()
    {
        var gate = new ReceptionGate();
        var seen = new List<byte>();
        Action<byte[], int, int> handler = (b, o, c) => seen.AddRange(b.AsSpan(o, c).ToArray());
        gate.Add(handler);
        gate.Remove(handler);
        gate.Deliver([1], 0, 1);
        gate.Add(handler);
        gate.Deliver([2], 0, 1);

        Assert.Equal([2], seen);
    }

    [Fact]
    public void WhatNobodyListensToIsBoundedAndTheExcessCounted()
    {
        var gate = new ReceptionGate();
        var block = new byte[ReceptionGate.MaxHeldOctets / 4];
        for (int i = 0; i < 5; i++) gate.Deliver(block, 0, block.Length);
        long received = 0;

        gate.Add((_, _, c) => received += c);

        Assert.Equal(ReceptionGate.MaxHeldOctets, received);
        Assert.Equal(block.Length, gate.DroppedOctets);
    }

    [Fact]
    public void ASubscriberArrivingWhileOctetsPourInSeesEveryChunkOnceAndInOrder()
    {
        var gate = new ReceptionGate();
        const int chunks = 20_000;
        var producer = new Thread(() =>
        {
            for (int n = 0; n < chunks; n++) gate.Deliver(Chunk(n), 0, 3);
        });
        var seen = new List<int>();
        producer.Start();
        while (!producer.IsAlive) Thread.Yield();
        Thread.Sleep(1);

        gate.Add((b, o, c) => { lock (seen) seen.Add(b[o] | (b[o + 1] << 8)); });
        producer.Join();

        lock (seen) Assert.Equal(Enumerable.Range(0, chunks).Select(n => n & 0xFFFF), seen);
    }

    [Fact]
    public void ATcpLinkKeepsWhatTheBoardSentBeforeAnyoneSubscribed()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        byte[] greeting = [.. Enumerable.Range(1, 200).Select(i => (byte)i)];

        using IGroundLink link = GroundLinkFactory.Open($"tcp://127.0.0.1:{port}");
        using (TcpClient board = listener.AcceptTcpClient())
        {
            board.GetStream().Write(greeting);
        }
        Thread.Sleep(200); // the link's reader has taken the octets in by now, with nobody listening
        var received = new List<byte>();
        using var done = new ManualResetEventSlim();
        link.Received += (b, o, c) =>
        {
            lock (received)
            {
                received.AddRange(b.AsSpan(o, c).ToArray());
                if (received.Count >= greeting.Length) done.Set();
            }
        };

        Assert.True(done.Wait(TimeSpan.FromSeconds(5)), "the octets sent before subscription never arrived");
        lock (received) Assert.Equal(greeting, received);
    }
}

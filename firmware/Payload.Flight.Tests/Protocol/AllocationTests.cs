using Payload.Flight.Protocol;

namespace Payload.Flight.Tests.Protocol;

/// <summary>The link's steady state allocates nothing: encode, frame, stream-decode and decode of TC and TM packets.</summary>
public class AllocationTests
{
    [Fact]
    public void Encoding_framing_and_decoding_allocate_nothing()
    {
        var link = new Link();
        for (int i = 0; i < 200; i++)
        {
            link.RoundTrip(i);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            link.RoundTrip(i);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(1200, link.Sink.Telecommands);
        Assert.Equal(1200, link.Sink.Telemetry);
        Assert.Equal(0, link.Sink.Failures);
    }

    private sealed class Link
    {
        private readonly byte[] _appData = new byte[200];
        private readonly byte[] _packet = new byte[PacketLimits.MaxPacketLength];
        private readonly byte[] _frame = new byte[PacketLimits.MaxFrameLength];
        private readonly CobsFrameDecoder _decoder;

        public Link()
        {
            for (int i = 0; i < _appData.Length; i++)
            {
                _appData[i] = (byte)(i % 7 == 0 ? 0 : i);
            }

            _decoder = new CobsFrameDecoder(PacketLimits.MaxPacketLength, Sink);
        }

        public PacketSink Sink { get; } = new();

        public void RoundTrip(int i)
        {
            int appCount = i % _appData.Length;
            TelecommandCodec.TryEncode((ushort)(i & 0x7FF), (ushort)(i & 0x3FFF), AckFlags.All, 17, 1, 1, _appData, 0, appCount, _packet, 0, out int written);
            Send(written);

            var time = CucTime.FromMicroseconds(1_000_000L * i);
            TelemetryCodec.TryEncode(0x42, (ushort)(i & 0x3FFF), 3, 25, (ushort)i, 0, time, _appData, 0, appCount, _packet, 0, out written);
            Send(written);
        }

        private void Send(int packetLength)
        {
            int frameLength = Cobs.EncodeFrame(_packet, 0, packetLength, _frame, 0);
            int half = frameLength / 2;
            _decoder.Push(_frame, 0, half);
            _decoder.Push(_frame, half, frameLength - half);
        }
    }

    private sealed class PacketSink : IFrameSink
    {
        public int Telecommands { get; private set; }

        public int Telemetry { get; private set; }

        public int Failures { get; private set; }

        public void OnFrame(byte[] buffer, int offset, int count)
        {
            if (TelecommandCodec.TryDecode(buffer, offset, count, out var tc) == PacketStatus.Ok && tc.ServiceType == 17)
            {
                Telecommands++;
            }
            else if (TelemetryCodec.TryDecode(buffer, offset, count, out var tm) == PacketStatus.Ok && tm.ServiceType == 3)
            {
                Telemetry++;
            }
            else
            {
                Failures++;
            }
        }
    }
}

using Payload.Flight;
using Payload.Flight.Config;
using Payload.Flight.LargeTransfer;
using Payload.Flight.Protocol;
using Payload.GroundStation.Telemetry;

namespace Payload.GroundStation.Tests.Archive;

/// <summary>Builds telemetry reports as the ground would decode them, without a board.</summary>
internal static class Tm
{
    private static readonly TelemetryDecoder Decoder = new(FlightDictionary.Build());

    /// <summary>The decoded report of a TM[service,subtype] packet with <paramref name="data"/>, generated at <paramref name="missionMicroseconds"/>.</summary>
    public static TelemetryReport Report(byte service, byte subtype, byte[] data, long missionMicroseconds, ushort sequenceCount, long? receivedAt = null)
    {
        var packet = new byte[PacketLimits.MaxPacketLength];
        Assert.Equal(PacketStatus.Ok, TelemetryCodec.TryEncode(FlightConfiguration.Apid, sequenceCount, service, subtype, 0, FlightConfiguration.GroundId,
            CucTime.FromMicroseconds(missionMicroseconds), data, 0, data.Length, packet, 0, out int written));
        return Decoder.Decode(packet, 0, written) with { ReceivedAtMicroseconds = receivedAt ?? missionMicroseconds + 1000 };
    }

    /// <summary>The ST[13] parts of <paramref name="message"/> as the board sends them: max(2, ⌈length / partSize⌉) parts, TM[13,1], [13,2]…, [13,3].</summary>
    public static List<TelemetryReport> Parts(ushort transactionId, byte[] message, int partSize, long firstMissionMicroseconds, ushort firstSequenceCount, int sequenceStep = 1)
    {
        int parts = LargePacketSender.PartsFor(message.Length, partSize);
        var reports = new List<TelemetryReport>();
        for (int part = 1; part <= parts; part++)
        {
            int start = Math.Min((part - 1) * partSize, message.Length);
            int count = Math.Min(partSize, message.Length - start);
            var data = new byte[LargePacketSender.HeaderLength + count];
            BigEndian.WriteUInt16(data, 0, transactionId);
            BigEndian.WriteUInt16(data, 2, part);
            Array.Copy(message, start, data, LargePacketSender.HeaderLength, count);
            byte subtype = part == 1 ? LargePacketSender.FirstPartSubtype : part == parts ? LargePacketSender.LastPartSubtype : LargePacketSender.IntermediatePartSubtype;
            reports.Add(Report(LargePacketSender.Service, subtype, data, firstMissionMicroseconds + (part - 1) * 10_000,
                (ushort)((firstSequenceCount + (part - 1) * sequenceStep) & PacketLimits.MaxSequenceCount)));
        }
        return reports;
    }

    /// <summary>Deterministic message octets.</summary>
    public static byte[] Message(int length, int seed)
    {
        var random = new Random(seed);
        var message = new byte[length];
        random.NextBytes(message);
        return message;
    }
}

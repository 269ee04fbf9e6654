using CsCheck;
using Payload.Flight.Protocol;

namespace Payload.Flight.Tests.Support;

/// <summary>The fields of a telecommand, for generators and expected values.</summary>
internal sealed record TcFields(ushort Apid, ushort SequenceCount, AckFlags Ack, byte Service, byte Subtype, ushort SourceId, byte[] AppData)
{
    public byte[] Encode()
    {
        var packet = new byte[PacketLimits.MinTelecommandLength + AppData.Length];
        var status = TelecommandCodec.TryEncode(Apid, SequenceCount, Ack, Service, Subtype, SourceId, AppData, 0, AppData.Length, packet, 0, out int written);
        Assert.Equal(PacketStatus.Ok, status);
        Assert.Equal(packet.Length, written);
        return packet;
    }

    public void AssertMatches(in TelecommandPacket tc)
    {
        Assert.Equal(Apid, tc.Apid);
        Assert.Equal(SequenceCount, tc.SequenceCount);
        Assert.Equal(Ack, tc.Pus.AckFlags);
        Assert.Equal(Service, tc.Pus.ServiceType);
        Assert.Equal(Subtype, tc.Pus.ServiceSubtype);
        Assert.Equal(SourceId, tc.Pus.SourceId);
        Assert.Equal(PacketType.Telecommand, tc.Primary.Type);
        Assert.Equal(SequenceFlags.Unsegmented, tc.Primary.SequenceFlags);
        Assert.True(tc.Primary.HasSecondaryHeader);
        Assert.Equal(AppData, tc.Buffer.AsSpan(tc.ApplicationDataOffset, tc.ApplicationDataLength).ToArray());
    }
}

/// <summary>The fields of a telemetry packet, for generators and expected values.</summary>
internal sealed record TmFields(ushort Apid, ushort SequenceCount, byte Service, byte Subtype, ushort MessageTypeCounter, ushort DestinationId, CucTime Time, byte[] AppData)
{
    public byte[] Encode()
    {
        var packet = new byte[PacketLimits.MinTelemetryLength + AppData.Length];
        var status = TelemetryCodec.TryEncode(Apid, SequenceCount, Service, Subtype, MessageTypeCounter, DestinationId, Time, AppData, 0, AppData.Length, packet, 0, out int written);
        Assert.Equal(PacketStatus.Ok, status);
        Assert.Equal(packet.Length, written);
        return packet;
    }

    public void AssertMatches(in TelemetryPacket tm)
    {
        Assert.Equal(Apid, tm.Apid);
        Assert.Equal(SequenceCount, tm.SequenceCount);
        Assert.Equal(Service, tm.Pus.ServiceType);
        Assert.Equal(Subtype, tm.Pus.ServiceSubtype);
        Assert.Equal(MessageTypeCounter, tm.Pus.MessageTypeCounter);
        Assert.Equal(DestinationId, tm.Pus.DestinationId);
        Assert.Equal(Time, tm.Time);
        Assert.Equal(PacketType.Telemetry, tm.Primary.Type);
        Assert.Equal(SequenceFlags.Unsegmented, tm.Primary.SequenceFlags);
        Assert.True(tm.Primary.HasSecondaryHeader);
        Assert.Equal(AppData, tm.Buffer.AsSpan(tm.ApplicationDataOffset, tm.ApplicationDataLength).ToArray());
    }
}

/// <summary>CsCheck generators for packets and their fields.</summary>
internal static class PacketGen
{
    public static readonly Gen<ushort> Apid = Gen.UShort[0, PacketLimits.MaxApid];
    public static readonly Gen<ushort> SequenceCount = Gen.UShort[0, PacketLimits.MaxSequenceCount];
    public static readonly Gen<AckFlags> Ack = Gen.Int[0, 15].Select(i => (AckFlags)i);
    public static readonly Gen<CucTime> Time = Gen.Select(Gen.UInt, Gen.UShort, (c, f) => new CucTime(c, f));

    /// <summary>Application data: mostly short, sometimes up to the link maximum, with plenty of zeros for COBS.</summary>
    public static Gen<byte[]> AppData(int max) =>
        Gen.Frequency(
            (4, Gen.Byte.Array[0, 32]),
            (2, Gen.OneOf(Gen.Const((byte)0), Gen.Byte).Array[0, 300]),
            (1, Gen.Byte.Array[0, max]));

    public static readonly Gen<TcFields> Tc =
        Gen.Select(Apid, SequenceCount, Ack, Gen.Byte, Gen.Byte, Gen.UShort, AppData(PacketLimits.MaxTelecommandApplicationDataLength),
            (a, s, k, t, st, src, d) => new TcFields(a, s, k, t, st, src, d));

    public static readonly Gen<TmFields> Tm =
        Gen.Select(Apid, SequenceCount, Gen.Byte, Gen.Byte, Gen.UShort, Gen.UShort, Time, AppData(PacketLimits.MaxTelemetryApplicationDataLength),
            (a, s, t, st, m, dst, time, d) => new TmFields(a, s, t, st, m, dst, time, d));

    /// <summary>A few fixed telecommands and telemetry packets, for exhaustive tests.</summary>
    public static IEnumerable<byte[]> FixedPackets()
    {
        yield return new TcFields(0x042, 5, AckFlags.All, 17, 1, 0x0001, []).Encode();
        yield return new TcFields(0x7FE, 0x3FFF, AckFlags.Acceptance | AckFlags.Completion, 8, 1, 0xBEEF, Hex.Bytes("00 01 00 FF 00 00 7E")).Encode();
        yield return new TmFields(0x042, 7, 3, 25, 0x0102, 0, new CucTime(0x0A0B0C0D, 0x0E0F), Hex.Bytes("01 02 03")).Encode();
        yield return new TmFields(0x001, 0, 5, 2, 0xFFFF, 0x1234, new CucTime(0xFFFFFFFF, 0xFFFF), Hex.Run(0, 40)).Encode();
    }
}

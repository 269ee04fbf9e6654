using Payload.Flight.Protocol;
using Payload.Flight.Tests.Support;

namespace Payload.Flight.Tests.Protocol;

/// <summary>Every <see cref="PacketStatus"/> code, produced through the whole-packet codecs, with a check that a failure had no side effect.</summary>
public class PacketStatusTests
{
    private static readonly byte[] Tc = new TcFields(0x042, 5, AckFlags.All, 17, 1, 1, Hex.Bytes("01 02 03 04")).Encode();
    private static readonly byte[] Tm = new TmFields(0x042, 7, 3, 25, 1, 0, new CucTime(1, 2), Hex.Bytes("05 06 07 08")).Encode();

    private static readonly Dictionary<PacketStatus, Action> Scenarios = new()
    {
        [PacketStatus.Ok] = () =>
        {
            Assert.Equal(PacketStatus.Ok, TelecommandCodec.TryDecode(Tc, 0, Tc.Length, out _));
            Assert.Equal(PacketStatus.Ok, TelemetryCodec.TryDecode(Tm, 0, Tm.Length, out _));
        },
        [PacketStatus.TooShort] = () =>
        {
            AssertDecodeFails(PacketStatus.TooShort, Tc, 0, 5);
            AssertDecodeFails(PacketStatus.TooShort, Tm, 0, 0);
        },
        [PacketStatus.TooLong] = () =>
        {
            // A consistent 1025-octet packet, CRC and all: one octet over the link limit.
            var data = new byte[PacketLimits.MaxTelecommandApplicationDataLength];
            var packet = new byte[PacketLimits.MaxPacketLength + 1];
            TelecommandCodec.TryEncode(1, 1, AckFlags.None, 1, 1, 1, data, 0, data.Length, packet, 0, out _);
            BigEndian.WriteUInt16(packet, 4, packet.Length - 7);
            Reseal(packet);
            AssertDecodeFails(PacketStatus.TooLong, packet, 0, packet.Length);
            AssertEncodeFails(PacketStatus.TooLong, appCount: PacketLimits.MaxTelecommandApplicationDataLength + 1);
        },
        [PacketStatus.BadVersion] = () =>
        {
            AssertDecodeFails(PacketStatus.BadVersion, Resealed(Tc, p => p[0] |= 0x20), 0, Tc.Length);
            AssertDecodeFails(PacketStatus.BadVersion, Resealed(Tm, p => p[0] |= 0xE0), 0, Tm.Length);
        },
        [PacketStatus.WrongPacketType] = () =>
        {
            AssertDecodeFails(PacketStatus.WrongPacketType, Tm, 0, Tm.Length, tc: true);
            AssertDecodeFails(PacketStatus.WrongPacketType, Tc, 0, Tc.Length, tc: false);
        },
        [PacketStatus.NoSecondaryHeader] = () =>
        {
            AssertDecodeFails(PacketStatus.NoSecondaryHeader, Resealed(Tc, p => p[0] &= 0xF7), 0, Tc.Length);
            AssertDecodeFails(PacketStatus.NoSecondaryHeader, Resealed(Tm, p => p[0] &= 0xF7), 0, Tm.Length);
        },
        [PacketStatus.LengthMismatch] = () =>
        {
            AssertDecodeFails(PacketStatus.LengthMismatch, Resealed(Tc, p => p[5]++), 0, Tc.Length);
            AssertDecodeFails(PacketStatus.LengthMismatch, Resealed(Tm, p => p[5]--), 0, Tm.Length);
            AssertDecodeFails(PacketStatus.LengthMismatch, Tc, 0, Tc.Length - 1);
        },
        [PacketStatus.BadCrc] = () =>
        {
            AssertDecodeFails(PacketStatus.BadCrc, Flipped(Tc, Tc.Length - 5, 0x10), 0, Tc.Length);
            AssertDecodeFails(PacketStatus.BadCrc, Flipped(Tm, Tm.Length - 1, 0x01), 0, Tm.Length);
        },
        [PacketStatus.BadPusVersion] = () =>
        {
            AssertDecodeFails(PacketStatus.BadPusVersion, Resealed(Tc, p => p[6] = (byte)(0x10 | (p[6] & 0x0F))), 0, Tc.Length);
            AssertDecodeFails(PacketStatus.BadPusVersion, Resealed(Tm, p => p[6] = (byte)(0x30 | (p[6] & 0x0F))), 0, Tm.Length);
        },
        [PacketStatus.SecondaryHeaderTooShort] = () =>
        {
            // Consistent primary headers, but no room for the secondary header and the CRC.
            byte[] tc = Hex.Bytes("18 42 C0 05 00 05 2F 11 01 00 01 00");
            AssertDecodeFails(PacketStatus.SecondaryHeaderTooShort, tc, 0, tc.Length);
            byte[] tm = Resealed(Tm, p => BigEndian.WriteUInt16(p, 4, 20 - 7));
            AssertDecodeFails(PacketStatus.SecondaryHeaderTooShort, tm, 0, 20, tc: false);
        },
        [PacketStatus.BufferTooSmall] = () =>
        {
            AssertEncodeFails(PacketStatus.BufferTooSmall, appCount: 4, destinationLength: PacketLimits.MinTelecommandLength + 3);
        },
        [PacketStatus.ArgumentOutOfRange] = () =>
        {
            AssertDecodeFails(PacketStatus.ArgumentOutOfRange, Tc, 1, Tc.Length);
            AssertDecodeFails(PacketStatus.ArgumentOutOfRange, Tm, -1, 6, tc: false);
            AssertEncodeFails(PacketStatus.ArgumentOutOfRange, appCount: 0, apid: 2048);
        },
    };

    public static TheoryData<PacketStatus> AllStatuses => new(Enum.GetValues<PacketStatus>());

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Every_status_code_has_a_scenario_that_produces_it(PacketStatus status)
    {
        Assert.True(Scenarios.TryGetValue(status, out var scenario), $"no scenario produces {status}");
        scenario();
    }

    [Theory]
    [InlineData(+1)]
    [InlineData(-1)]
    [InlineData(+100)]
    [InlineData(-6)]
    public void A_data_length_field_that_lies_is_a_length_mismatch_even_with_a_good_CRC(int delta)
    {
        AssertDecodeFails(PacketStatus.LengthMismatch, Resealed(Tc, p => BigEndian.WriteUInt16(p, 4, Tc.Length - 7 + delta)), 0, Tc.Length);
        AssertDecodeFails(PacketStatus.LengthMismatch, Resealed(Tm, p => BigEndian.WriteUInt16(p, 4, Tm.Length - 7 + delta)), 0, Tm.Length, tc: false);
    }

    [Fact]
    public void Octets_missing_or_left_over_are_a_length_mismatch()
    {
        byte[] longer = Hex.Concat(Tc, [0x00, 0x00]);
        AssertDecodeFails(PacketStatus.LengthMismatch, longer, 0, longer.Length);
        for (int count = SpacePacketHeader.Length; count < Tm.Length; count++)
        {
            AssertDecodeFails(PacketStatus.LengthMismatch, Tm, 0, count, tc: false);
        }
    }

    private static void AssertDecodeFails(PacketStatus expected, byte[] buffer, int offset, int count, bool? tc = null)
    {
        bool isTc = tc ?? ((buffer.Length > 0 && (buffer[0] & 0x10) != 0));
        byte[] before = (byte[])buffer.Clone();
        if (isTc)
        {
            Assert.Equal(expected, TelecommandCodec.TryDecode(buffer, offset, count, out var decoded));
            Assert.Equal(default, decoded);
        }
        else
        {
            Assert.Equal(expected, TelemetryCodec.TryDecode(buffer, offset, count, out var decoded));
            Assert.Equal(default, decoded);
        }

        Assert.Equal(before, buffer);
    }

    private static void AssertEncodeFails(PacketStatus expected, int appCount, int destinationLength = 2000, ushort apid = 1)
    {
        var appData = new byte[appCount];
        var tcDestination = SpacePacketHeaderTests.Filled(destinationLength);
        Assert.Equal(expected, TelecommandCodec.TryEncode(apid, 1, AckFlags.All, 1, 1, 1, appData, 0, appCount, tcDestination, 0, out int written));
        Assert.Equal(0, written);
        Assert.Equal(SpacePacketHeaderTests.Filled(destinationLength), tcDestination);

        var tmDestination = SpacePacketHeaderTests.Filled(destinationLength);
        int tmCount = expected == PacketStatus.TooLong ? PacketLimits.MaxTelemetryApplicationDataLength + 1 : appCount;
        Assert.Equal(expected, TelemetryCodec.TryEncode(apid, 1, 1, 1, 1, 1, default, new byte[tmCount], 0, tmCount, tmDestination, 0, out written));
        Assert.Equal(0, written);
        Assert.Equal(SpacePacketHeaderTests.Filled(destinationLength), tmDestination);
    }

    internal static byte[] Resealed(byte[] packet, Action<byte[]> change)
    {
        byte[] copy = (byte[])packet.Clone();
        change(copy);
        Reseal(copy);
        return copy;
    }

    internal static void Reseal(byte[] packet) =>
        BigEndian.WriteUInt16(packet, packet.Length - 2, Crc16Ccitt.Compute(packet, 0, packet.Length - 2));

    internal static byte[] Flipped(byte[] packet, int octet, int mask)
    {
        byte[] copy = (byte[])packet.Clone();
        copy[octet] ^= (byte)mask;
        return copy;
    }
}

using Moq;
using Payload.Flight.Devices.Digitizer;
using Payload.Flight.Hardware;
using Payload.Flight.Protocol;
using Payload.Flight.Tests.Support;

namespace Payload.Flight.Tests.Devices.Digitizer;

/// <summary>A Moq'd <see cref="ISpiDevice"/> that records every frame's MOSI octets and answers from a script of MISO octets.</summary>
/// <remarks>A scripted answer shorter than the frame is padded with 0x00; with the script empty, MISO reads 0xFF (no chip).</remarks>
internal sealed class ScriptedSpi
{
    private readonly Queue<byte[]> _answers = new();

    public ScriptedSpi()
    {
        Mock.Setup(s => s.TransferFullDuplex(It.IsAny<byte[]>(), It.IsAny<int>(), It.IsAny<byte[]>(), It.IsAny<int>(), It.IsAny<int>()))
            .Callback((byte[] write, int writeOffset, byte[] read, int readOffset, int count) =>
            {
                Sent.Add(write.AsSpan(writeOffset, count).ToArray());
                if (_answers.Count == 0)
                {
                    read.AsSpan(readOffset, count).Fill(0xFF);
                    return;
                }

                byte[] answer = _answers.Dequeue();
                read.AsSpan(readOffset, count).Clear();
                answer.AsSpan(0, Math.Min(answer.Length, count)).CopyTo(read.AsSpan(readOffset));
            });
    }

    public Mock<ISpiDevice> Mock { get; } = new(MockBehavior.Strict);

    public ISpiDevice Device => Mock.Object;

    /// <summary>MOSI of every frame so far, in order.</summary>
    public List<byte[]> Sent { get; } = [];

    /// <summary>The MOSI frames as hex strings.</summary>
    public string[] SentHex => Sent.Select(Hex.Of).ToArray();

    public ScriptedSpi Answer(string hex) => Answer(Hex.Bytes(hex));

    public ScriptedSpi Answer(byte[] miso)
    {
        _answers.Enqueue(miso);
        return this;
    }

    /// <summary>Queues the answer to a register read: status, echoes, value, CRC.</summary>
    public ScriptedSpi AnswerRead(DigitizerRegister register, long value, int status = 0x02)
    {
        var frame = new byte[DigitizerFrame.ReadLength];
        frame[0] = (byte)status;
        frame[1] = (byte)DigitizerCommand.Read;
        frame[2] = (byte)register;
        BigEndian.WriteUInt32(frame, DigitizerFrame.ReadDataOffset, value);
        BigEndian.WriteUInt16(frame, DigitizerFrame.ReadCrcOffset, Crc16Ccitt.Compute(frame, 0, DigitizerFrame.ReadCrcOffset));
        return Answer(frame);
    }

    /// <summary>Queues the answer to a register write: status and echoes.</summary>
    public ScriptedSpi AnswerWrite(DigitizerRegister register, int status = 0x02) =>
        Answer([(byte)status, (byte)DigitizerCommand.Write, (byte)register]);

    /// <summary>Queues the answer to a burst: header, items and CRC.</summary>
    public ScriptedSpi AnswerBurst(DigitizerRegister window, int first, byte[] items, int count, int remaining, int status = 0x00)
    {
        Answer(Burst(window, first, items, count, remaining, status));
        return this;
    }

    /// <summary>A burst answer: header, the items, CRC.</summary>
    public static byte[] Burst(DigitizerRegister window, int first, byte[] items, int count, int remaining, int status = 0x00)
    {
        var frame = new byte[DigitizerFrame.BurstHeaderLength + items.Length + DigitizerFrame.CrcLength];
        frame[0] = (byte)status;
        frame[1] = (byte)DigitizerCommand.Burst;
        frame[2] = (byte)window;
        BigEndian.WriteUInt16(frame, DigitizerFrame.BurstFirstOffset, first);
        BigEndian.WriteUInt16(frame, DigitizerFrame.BurstCountOffset, count);
        BigEndian.WriteUInt16(frame, DigitizerFrame.BurstRemainingOffset, remaining);
        items.CopyTo(frame, DigitizerFrame.BurstHeaderLength);
        int covered = DigitizerFrame.BurstHeaderLength + items.Length;
        BigEndian.WriteUInt16(frame, covered, Crc16Ccitt.Compute(frame, 0, covered));
        return frame;
    }

    /// <summary><paramref name="count"/> distinct records: TOA 1000·(first+i), width 100+i, peak 20000+i, sequence first+i.</summary>
    public static byte[] Records(int first, int count)
    {
        var items = new byte[count * PulseRecord.Size];
        for (int i = 0; i < count; i++)
        {
            PulseRecordCodec.Write(items, i * PulseRecord.Size, 1000L * (first + i), 100 + i, 20000 + i, PulseFlags.None, first + i);
        }

        return items;
    }
}

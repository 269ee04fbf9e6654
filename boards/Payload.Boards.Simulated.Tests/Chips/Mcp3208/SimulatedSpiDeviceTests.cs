using System.Device.Spi;
using Moq;
using Payload.Boards.Simulated.Chips.Mcp3208;
using Payload.Flight.Hardware;

namespace Payload.Boards.Simulated.Tests.Chips.Mcp3208;

/// <summary>The desktop SpiDevice adapter hands each call to the chip model as one chip-select period.</summary>
public class SimulatedSpiDeviceTests
{
    private readonly Mock<ISpiDevice> _chip = new(MockBehavior.Strict);
    private readonly List<(byte[] Sent, int Count)> _transfers = new();
    private byte _answer = 0x5A;

    public SimulatedSpiDeviceTests()
    {
        _chip.Setup(c => c.TransferFullDuplex(It.IsAny<byte[]>(), 0, It.IsAny<byte[]>(), 0, It.IsAny<int>()))
            .Callback((byte[] write, int writeOffset, byte[] read, int readOffset, int count) =>
            {
                _transfers.Add((write[..count], count));
                for (int i = 0; i < count; i++) read[i] = (byte)(_answer + i);
            });
    }

    [Fact]
    public void TransferFullDuplex_exchanges_the_buffers_in_one_transfer()
    {
        var device = new SimulatedSpiDevice(_chip.Object);
        byte[] received = new byte[3];

        device.TransferFullDuplex(new byte[] { 1, 2, 3 }, received);

        Assert.Equal(new byte[] { 1, 2, 3 }, Assert.Single(_transfers).Sent);
        Assert.Equal(new byte[] { 0x5A, 0x5B, 0x5C }, received);
        Assert.Equal(1, device.Transfers);
    }

    [Fact]
    public void Write_and_WriteByte_send_and_discard_the_answer()
    {
        var device = new SimulatedSpiDevice(_chip.Object);

        device.Write(new byte[] { 9, 8 });
        device.WriteByte(7);

        Assert.Equal(new[] { "09-08", "07" }, _transfers.Select(t => BitConverter.ToString(t.Sent)));
    }

    [Fact]
    public void Read_and_ReadByte_hold_MOSI_low()
    {
        var device = new SimulatedSpiDevice(_chip.Object);
        byte[] received = new byte[2];

        device.Read(received);
        _answer = 0x33;
        byte single = device.ReadByte();

        Assert.Equal(new byte[] { 0x5A, 0x5B }, received);
        Assert.Equal(0x33, single);
        Assert.All(_transfers, t => Assert.All(t.Sent, b => Assert.Equal(0, b)));
        Assert.Equal(new[] { 2, 1 }, _transfers.Select(t => t.Count));
    }

    [Fact]
    public void Long_transfers_grow_the_scratch_buffers()
    {
        var device = new SimulatedSpiDevice(_chip.Object);
        byte[] sent = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();
        byte[] received = new byte[1000];

        device.TransferFullDuplex(sent, received);

        Assert.Equal(sent, Assert.Single(_transfers).Sent);
        Assert.Equal(unchecked((byte)(0x5A + 999)), received[999]);
    }

    [Fact]
    public void LSB_first_settings_reverse_each_byte_on_the_wire()
    {
        var device = new SimulatedSpiDevice(_chip.Object, new SpiConnectionSettings(0, 1) { DataFlow = DataFlow.LsbFirst });
        _answer = 0x01;
        byte[] received = new byte[1];

        device.TransferFullDuplex(new byte[] { 0b0000_0110 }, received);

        Assert.Equal(0b0110_0000, Assert.Single(_transfers).Sent[0]);
        Assert.Equal(0x80, received[0]);
    }

    [Fact]
    public void Mismatched_buffers_and_non_byte_words_are_refused()
    {
        var device = new SimulatedSpiDevice(_chip.Object);

        Assert.Throws<ArgumentException>(() => device.TransferFullDuplex(new byte[2], new byte[3]));
        Assert.Throws<NotSupportedException>(() => new SimulatedSpiDevice(_chip.Object, new SpiConnectionSettings(0, 0) { DataBitLength = 16 }));
        Assert.Empty(_transfers);
    }

    [Fact]
    public void The_connection_settings_are_the_ones_given()
    {
        var settings = new SpiConnectionSettings(2, 1) { Mode = SpiMode.Mode3, ClockFrequency = 2_000_000 };

        SpiConnectionSettings reported = new SimulatedSpiDevice(_chip.Object, settings).ConnectionSettings;

        Assert.Equal((2, 1, SpiMode.Mode3, 2_000_000), (reported.BusId, reported.ChipSelectLine, reported.Mode, reported.ClockFrequency));
    }

    [Fact]
    public void A_disposed_device_refuses_transfers()
    {
        var device = new SimulatedSpiDevice(_chip.Object);
        device.Dispose();

        Assert.True(device.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => device.WriteByte(1));
        Assert.Empty(_transfers);
    }
}

using Moq;
using Payload.Flight.Devices.Mcp3208;
using Payload.Flight.Hardware;
using Payload.Flight.Tests.Support;
using Adc = Payload.Flight.Devices.Mcp3208.Mcp3208;

namespace Payload.Flight.Tests.Devices.Mcp3208;

/// <summary>The MCP3208 driver puts the datasheet's frame on the wire and decodes the answer (DS21298 Figure 6-1).</summary>
public class Mcp3208Tests
{
    private byte[] _response = Hex.Bytes("00 00 00");
    private readonly List<string> _sent = new();
    private readonly Mock<ISpiDevice> _device = new(MockBehavior.Strict);

    public Mcp3208Tests()
    {
        _device.Setup(d => d.TransferFullDuplex(It.IsAny<byte[]>(), 0, It.IsAny<byte[]>(), 0, 3))
            .Callback((byte[] write, int writeOffset, byte[] read, int readOffset, int count) =>
            {
                _sent.Add(Hex.Of(write, writeOffset, count));
                Array.Copy(_response, 0, read, readOffset, count);
            });
    }

    // 00000 S=1 SGL=1 D2 | D1 D0 000000 | 00000000
    [Theory]
    [InlineData(0, "06 00 00")]
    [InlineData(1, "06 40 00")]
    [InlineData(2, "06 80 00")]
    [InlineData(3, "06 C0 00")]
    [InlineData(4, "07 00 00")]
    [InlineData(5, "07 40 00")]
    [InlineData(6, "07 80 00")]
    [InlineData(7, "07 C0 00")]
    public void A_single_ended_read_sends_start_SGL_and_the_channel_in_one_three_byte_transfer(int channel, string expected)
    {
        new Adc(_device.Object).Read(channel);

        Assert.Equal(new[] { expected }, _sent);
        _device.Verify(d => d.TransferFullDuplex(It.IsAny<byte[]>(), 0, It.IsAny<byte[]>(), 0, 3), Times.Once);
    }

    // SGL=0; D2..D0 name the IN+ channel (DS21298 Table 5-2).
    [Theory]
    [InlineData(0, 1, "04 00 00")]
    [InlineData(1, 0, "04 40 00")]
    [InlineData(2, 3, "04 80 00")]
    [InlineData(3, 2, "04 C0 00")]
    [InlineData(4, 5, "05 00 00")]
    [InlineData(5, 4, "05 40 00")]
    [InlineData(6, 7, "05 80 00")]
    [InlineData(7, 6, "05 C0 00")]
    public void A_differential_read_sends_DIFF_and_the_positive_channel(int positive, int negative, string expected)
    {
        new Adc(_device.Object).ReadDifferential(positive, negative);

        Assert.Equal(new[] { expected }, _sent);
    }

    [Theory]
    // The high-impedance bits before the null bit may read anything: only the null bit and B11..B0 count.
    [InlineData("FF EA BC", 0xABC)]
    [InlineData("00 0A BC", 0xABC)]
    [InlineData("FF EF FF", 4095)]
    [InlineData("FF E0 00", 0)]
    [InlineData("5A 48 01", 0x801)]
    public void The_result_is_the_twelve_bits_after_the_null_bit(string response, int expected)
    {
        _response = Hex.Bytes(response);
        var adc = new Adc(_device.Object);

        Assert.Equal(expected, adc.Read(3));
        Assert.True(adc.TryRead(3, out int code));
        Assert.Equal(expected, code);
        Assert.Equal(expected, adc.ReadDifferential(2, 3));
    }

    [Theory]
    [InlineData("FF FF FF")]
    [InlineData("00 10 00")]
    [InlineData("00 1F FF")]
    public void A_high_null_bit_means_no_valid_answer(string response)
    {
        _response = Hex.Bytes(response);
        var adc = new Adc(_device.Object);

        Assert.False(adc.TryRead(0, out int code));
        Assert.Equal(0, code);
        Assert.False(adc.TryReadDifferential(0, 1, out code));
        Assert.Equal(0, code);
        Assert.Throws<InvalidOperationException>(() => adc.Read(0));
        Assert.Throws<InvalidOperationException>(() => adc.ReadDifferential(1, 0));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(8)]
    [InlineData(int.MaxValue)]
    public void A_channel_outside_0_to_7_is_refused_naming_the_parameter_before_any_transfer(int channel)
    {
        var adc = new Adc(_device.Object);

        Assert.Equal("channel", Assert.Throws<ArgumentOutOfRangeException>(() => adc.Read(channel)).ParamName);
        Assert.Equal("channel", Assert.Throws<ArgumentOutOfRangeException>(() => adc.TryRead(channel, out _)).ParamName);
        Assert.Empty(_sent);
    }

    [Theory]
    [InlineData(-1, 0, "positiveChannel")]
    [InlineData(8, 9, "positiveChannel")]
    [InlineData(7, 8, "negativeChannel")]
    [InlineData(0, -1, "negativeChannel")]
    public void A_differential_channel_outside_0_to_7_is_refused_naming_it(int positive, int negative, string parameter)
    {
        var adc = new Adc(_device.Object);

        Assert.Equal(parameter, Assert.Throws<ArgumentOutOfRangeException>(() => adc.ReadDifferential(positive, negative)).ParamName);
        Assert.Empty(_sent);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 2)]
    [InlineData(1, 2)]
    [InlineData(3, 4)]
    [InlineData(7, 5)]
    public void A_differential_read_of_channels_that_are_not_a_pair_is_refused_naming_the_negative_channel(int positive, int negative)
    {
        var adc = new Adc(_device.Object);

        var refused = Assert.Throws<ArgumentException>(() => adc.ReadDifferential(positive, negative));
        Assert.IsNotType<ArgumentOutOfRangeException>(refused);
        Assert.Equal("negativeChannel", refused.ParamName);
        Assert.Empty(_sent);
    }

    [Fact]
    public void The_driver_needs_a_device()
    {
        Assert.Equal("device", Assert.Throws<ArgumentNullException>(() => new Adc(null!)).ParamName);
    }

    [Fact]
    public void An_exception_from_the_bus_reaches_the_caller_unchanged()
    {
        var failing = new Mock<ISpiDevice>();
        var failure = new IOException("bus");
        failing.Setup(d => d.TransferFullDuplex(It.IsAny<byte[]>(), It.IsAny<int>(), It.IsAny<byte[]>(), It.IsAny<int>(), It.IsAny<int>()))
            .Throws(failure);

        Assert.Same(failure, Assert.Throws<IOException>(() => new Adc(failing.Object).TryRead(0, out _)));
    }

    [Fact]
    public void Reads_allocate_nothing()
    {
        var bus = new FakeMcp3208Bus();
        for (int channel = 0; channel < 8; channel++) bus.Codes[channel] = 500 * channel + 7;
        bus.FloatOnChannel = 6;
        var adc = new Adc(bus);
        long sum = 0;
        void Cycle()
        {
            for (int channel = 0; channel < 8; channel++)
            {
                if (adc.TryRead(channel, out int code)) sum += code;
            }
            sum += adc.ReadDifferential(4, 5);
        }

        for (int i = 0; i < 100; i++) Cycle();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++) Cycle();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(10_100L * (7 + 507 + 1007 + 1507 + 2007 + 2507 + 3507 + 2007), sum);
    }
}

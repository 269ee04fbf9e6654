using Payload.Boards.Simulated.Chips.Mcp3208;

namespace Payload.Boards.Simulated.Tests.Chips.Mcp3208;

/// <summary>The MCP3208 model answers the bit stream the way DS21298 describes, whatever byte layout carries it.</summary>
public class Mcp3208ModelTests
{
    private const double Vref = 2.048;
    private const double Lsb = Vref / 4096;

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(-0.3, 0)]
    [InlineData(Lsb, 1)]
    [InlineData(0.999 * Lsb, 0)]
    [InlineData(Vref / 2, 2048)]
    [InlineData(1.25, 2500)]
    [InlineData(Vref - 2 * Lsb, 4094)]
    [InlineData(Vref - Lsb, 4095)]
    [InlineData(Vref, 4095)]
    [InlineData(3.3, 4095)]
    [InlineData(double.NaN, 0)]
    public void The_transfer_function_is_4096_VIN_over_VREF_truncated_and_clamped(double volts, int code)
    {
        Assert.Equal(code, Mcp3208Model.CodeFor(volts, Vref));
    }

    [Fact]
    public void Every_step_edge_k_LSB_gives_code_k_however_it_was_computed()
    {
        foreach (double vref in new[] { 2.048, 2.5, 3.3, 5.0 })
        {
            for (int code = 0; code < 4096; code++)
            {
                Assert.Equal(code, Mcp3208Model.CodeFor(Mcp3208Model.VoltsOf(code, vref), vref));
                Assert.Equal(code, Mcp3208Model.CodeFor(code * (vref / 4096), vref));
            }
        }
    }

    // The driver's layout: 00000 1 SGL D2 | D1 D0 ... ; DOUT: high impedance, null bit, B11..B0.
    [Fact]
    public void The_aligned_three_byte_frame_returns_the_null_bit_and_the_result_in_the_last_12_bits()
    {
        var model = new Mcp3208Model(Vref);
        model.SetInput(5, 0xABC * Lsb);

        byte[] response = Transfer(model, 0x07, 0x40, 0x00);

        // Clocks 0..10 high impedance (read high), clock 11 the null bit, then 1010 1011 1100.
        Assert.Equal(new byte[] { 0xFF, 0xEA, 0xBC }, response);
        Assert.Equal(new Mcp3208Conversion(true, 5, 0xABC), model.LastConversion);
        Assert.Equal(1, model.Conversions);
    }

    [Fact]
    public void With_a_pulled_down_bus_the_high_impedance_clocks_read_low()
    {
        var model = new Mcp3208Model(Vref) { HighImpedanceLevel = false };
        model.SetInput(0, 4095 * Lsb);

        Assert.Equal(new byte[] { 0x00, 0x0F, 0xFF }, Transfer(model, 0x06, 0x00, 0x00));
    }

    [Fact]
    public void Clocking_on_after_B0_repeats_the_result_LSB_first_then_sends_zeros()
    {
        var model = new Mcp3208Model(Vref);
        model.SetInput(3, 0b1000_0000_0011 * Lsb);

        // Start bit on the first clock: S SGL D2 D1 D0 = 1 1 0 1 1, then 35 more clocks.
        ulong frame = Bits(Transfer(model, 0b1101_1000, 0, 0, 0, 0));

        string dout = Convert.ToString((long)frame, 2).PadLeft(40, '0');
        Assert.Equal("1111110", dout[..7]);                 // high impedance, then the null bit on clock 6
        Assert.Equal("100000000011", dout.Substring(7, 12)); // B11..B0
        Assert.Equal("10000000001", dout.Substring(19, 11)); // B1..B11, LSB first
        Assert.Equal(new string('0', 10), dout[30..]);       // then zeros
    }

    [Fact]
    public void Leading_zeros_before_the_start_bit_shift_the_whole_answer_by_as_many_clocks()
    {
        var model = new Mcp3208Model(Vref);
        for (int channel = 0; channel < 8; channel++) model.SetInput(channel, (300 + 500 * channel) * Lsb);
        var random = new Random(3208);

        for (int leading = 0; leading <= 40; leading++)
        {
            int channel = random.Next(8);
            // S=1, SGL=1, D2..D0, one don't-care clock sent as 1 to prove it is ignored.
            ulong request = (0b11UL << 3 | (ulong)channel) << 1 | 1;
            int totalBits = leading + 6 + 1 + 12 + 11 + 3;
            int bytes = (totalBits + 7) / 8;
            byte[] sent = new byte[bytes];
            Place(sent, request, bitOffset: leading, width: 6);

            ulong[] received = BitArray(Transfer(model, sent));

            int start = leading;
            Assert.All(Enumerable.Range(0, start + 6), i => Assert.Equal(1UL, received[i]));
            Assert.Equal(0UL, received[start + 6]);
            int code = 300 + 500 * channel;
            Assert.Equal(code, ReadMsbFirst(received, start + 7, 12));
            Assert.Equal(code >> 1, ReadLsbFirst(received, start + 19, 11));
            Assert.Equal(new Mcp3208Conversion(true, channel, code), model.LastConversion);
        }
    }

    [Fact]
    public void The_common_microcontroller_layout_with_the_start_bit_in_bit_6_works_too()
    {
        // 0 1 SGL D2 D1 D0 x x | x ... : the start bit on clock 1, so the result spans bytes 1 and 2 differently.
        var model = new Mcp3208Model(Vref);
        model.SetInput(2, 0xFED * Lsb);

        byte[] response = Transfer(model, 0b0110_1000, 0x00, 0x00);

        int word = response[0] << 16 | response[1] << 8 | response[2];
        // Null bit on clock 7 (bit 16 of the 24-bit word), B11..B0 on clocks 8..19 (bits 15..4), LSB first from clock 20.
        Assert.Equal(0, word >> 16 & 1);
        Assert.Equal(0xFED, word >> 4 & 0xFFF);
        Assert.Equal(0xFED >> 1 & 0xF, Reverse4(word & 0xF));
    }

    [Fact]
    public void A_transfer_without_a_start_bit_converts_nothing_and_leaves_DOUT_floating()
    {
        var model = new Mcp3208Model(Vref);

        Assert.Equal(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF }, Transfer(model, 0, 0, 0, 0));
        Assert.Equal(0, model.Conversions);
        Assert.Null(model.LastConversion);
        Assert.Equal(1, model.Transfers);
    }

    [Fact]
    public void A_transfer_cut_before_D0_converts_nothing_and_the_next_one_starts_afresh()
    {
        var model = new Mcp3208Model(Vref);
        model.SetInput(1, 100 * Lsb);

        Transfer(model, 0x06);          // start, SGL, D2: chip select rises before D1 and D0
        Assert.Equal(0, model.Conversions);

        byte[] response = Transfer(model, 0x06, 0x40, 0x00);
        Assert.Equal(100, response[1] << 8 & 0xF00 | response[2]);
        Assert.Equal(new Mcp3208Conversion(true, 1, 100), model.LastConversion);
    }

    [Theory]
    [InlineData(0, 0, 1)]
    [InlineData(1, 1, 0)]
    [InlineData(2, 2, 3)]
    [InlineData(3, 3, 2)]
    [InlineData(4, 4, 5)]
    [InlineData(5, 5, 4)]
    [InlineData(6, 6, 7)]
    [InlineData(7, 7, 6)]
    public void Differential_configurations_follow_table_5_2(int configuration, int positive, int negative)
    {
        var model = new Mcp3208Model(Vref);
        model.SetInput(positive, 1.5);
        model.SetInput(negative, 0.25);

        Assert.Equal(Mcp3208Model.CodeFor(1.25, Vref), ConvertAligned(model, singleEnded: false, configuration));

        model.SetInput(positive, 0.05);
        model.SetInput(negative, 0.06);
        Assert.Equal(0, ConvertAligned(model, singleEnded: false, configuration));
        Assert.Equal(new Mcp3208Conversion(false, configuration, 0), model.LastConversion);
    }

    [Fact]
    public void An_input_driven_by_a_function_is_read_at_each_conversion()
    {
        double time = 0;
        // A detector warming up: AD8318 TEMP at 2 mV/°C from 0.55 V at 0 °C, ten degrees between conversions.
        var model = new Mcp3208Model(Vref);
        model.SetInput(0, () => 0.55 + 0.002 * time);

        int[] codes = new int[4];
        for (int step = 0; step < 4; step++)
        {
            time = step * 10;
            codes[step] = ConvertAligned(model, singleEnded: true, 0);
        }

        Assert.Equal(new[] { 1100, 1140, 1180, 1220 }, codes);
    }

    [Fact]
    public void VREF_can_be_changed_and_scales_every_code()
    {
        var model = new Mcp3208Model(Vref);
        model.SetInput(6, 1.0);
        Assert.Equal(2000, ConvertAligned(model, true, 6));

        model.ReferenceVolts = 2.5;

        Assert.Equal(1638, ConvertAligned(model, true, 6));
    }

    [Fact]
    public void A_disconnected_chip_floats_DOUT_high_on_every_clock()
    {
        var model = new Mcp3208Model(Vref) { Disconnected = true };

        Assert.Equal(new byte[] { 0xFF, 0xFF, 0xFF }, Transfer(model, 0x06, 0x00, 0x00));
    }

    [Fact]
    public void Settings_and_buffers_are_checked()
    {
        var model = new Mcp3208Model(Vref);

        Assert.Throws<ArgumentOutOfRangeException>(() => model.ReferenceVolts = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.ReferenceVolts = double.PositiveInfinity);
        Assert.Equal("channel", Assert.Throws<ArgumentOutOfRangeException>(() => model.SetInput(8, 1.0)).ParamName);
        Assert.Equal("channel", Assert.Throws<ArgumentOutOfRangeException>(() => model.InputVolts(-1)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.TransferFullDuplex(new byte[3], 1, new byte[3], 0, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.TransferFullDuplex(new byte[3], 0, new byte[2], 0, 3));
    }

    [Fact]
    public void Offsets_into_the_buffers_are_honoured()
    {
        var model = new Mcp3208Model(Vref);
        model.SetInput(7, 0x123 * Lsb);
        byte[] write = { 0xAA, 0x07, 0xC0, 0x00 };
        byte[] read = { 0x55, 0x55, 0x55, 0x55, 0x55 };

        model.TransferFullDuplex(write, 1, read, 2, 3);

        Assert.Equal(new byte[] { 0x55, 0x55, 0xFF, 0xE1, 0x23 }, read);
    }

    internal static int ConvertAligned(Mcp3208Model model, bool singleEnded, int configuration)
    {
        int request = (0x10 | (singleEnded ? 0x08 : 0) | configuration) << 14;
        byte[] response = Transfer(model, (byte)(request >> 16), (byte)(request >> 8), (byte)request);
        Assert.Equal(0, response[1] & 0x10);
        return (response[1] & 0x0F) << 8 | response[2];
    }

    private static byte[] Transfer(Mcp3208Model model, params byte[] sent)
    {
        var received = new byte[sent.Length];
        model.TransferFullDuplex(sent, 0, received, 0, sent.Length);
        return received;
    }

    private static ulong Bits(byte[] bytes) => bytes.Aggregate(0UL, (word, b) => word << 8 | b);

    private static ulong[] BitArray(byte[] bytes) =>
        bytes.SelectMany(b => Enumerable.Range(0, 8).Select(i => (ulong)(b >> (7 - i) & 1))).ToArray();

    private static void Place(byte[] buffer, ulong value, int bitOffset, int width)
    {
        for (int i = 0; i < width; i++)
        {
            if ((value >> (width - 1 - i) & 1) == 0) continue;
            int position = bitOffset + i;
            buffer[position / 8] |= (byte)(0x80 >> (position % 8));
        }
    }

    private static int ReadMsbFirst(ulong[] bits, int from, int count) =>
        Enumerable.Range(from, count).Aggregate(0, (value, i) => value << 1 | (int)bits[i]);

    private static int ReadLsbFirst(ulong[] bits, int from, int count) =>
        Enumerable.Range(0, count).Aggregate(0, (value, i) => value | (int)bits[from + i] << i);

    private static int Reverse4(int nibble) => (nibble & 1) << 3 | (nibble & 2) << 1 | (nibble & 4) >> 1 | (nibble & 8) >> 3;
}

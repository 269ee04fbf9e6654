using System.Device.Spi;
using Payload.Boards.Simulated.Chips.Mcp3208;
using IotMcp3208 = Iot.Device.Adc.Mcp3208;

namespace Payload.Boards.Simulated.Tests.Chips.Mcp3208;

/// <summary>
/// The proof the issue asks for: dotnet/iot's own MCP3208 driver (Iot.Device.Bindings 4.2.0), knowing nothing of this
/// project, reads back the voltages the chip model was given.
/// </summary>
public class IotBindingProofTests
{
    private const double Vref = 2.048;
    private const double Lsb = Vref / 4096;

    private readonly Mcp3208Model _model = new(Vref);
    private readonly SimulatedSpiDevice _spi;
    private readonly IotMcp3208 _adc;

    public IotBindingProofTests()
    {
        _spi = new SimulatedSpiDevice(_model,
            new SpiConnectionSettings(busId: 2, chipSelectLine: 1) { Mode = SpiMode.Mode0, ClockFrequency = 1_000_000 });
        _adc = new IotMcp3208(_spi);
    }

    public static TheoryData<int, double> ChannelVoltages()
    {
        var data = new TheoryData<int, double>();
        foreach (int channel in Enumerable.Range(0, 8))
        {
            foreach (double volts in new[] { 0.0, 0.6, Vref / 2, 1.25 + channel * 0.01, Vref - Lsb, Vref - 0.0001 })
            {
                data.Add(channel, volts);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ChannelVoltages))]
    public void The_binding_reads_each_channel_at_the_voltage_the_model_was_given(int channel, double volts)
    {
        // Every other input at a different voltage, so a wrong channel cannot pass.
        for (int other = 0; other < 8; other++) _model.SetInput(other, 0.1 + 0.2 * other);
        _model.SetInput(channel, volts);

        int code = _adc.Read(channel);

        Assert.Equal(Mcp3208Model.CodeFor(volts, Vref), code);
        double read = code * Vref / 4096;
        Assert.InRange(volts - read, 0, Lsb);
        Assert.Equal(new Mcp3208Conversion(true, channel, code), _model.LastConversion);
    }

    [Fact]
    public void Mid_and_full_scale_are_the_datasheets_codes()
    {
        _model.SetInput(0, Vref / 2);
        _model.SetInput(1, Vref);
        _model.SetInput(2, 5.0);

        Assert.Equal(2048, _adc.Read(0));
        Assert.Equal(4095, _adc.Read(1));
        Assert.Equal(4095, _adc.Read(2));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(2, 3)]
    [InlineData(4, 5)]
    [InlineData(6, 7)]
    public void The_bindings_pseudo_differential_read_gets_IN_plus_minus_IN_minus_from_the_chip(int positive, int negative)
    {
        _model.SetInput(positive, 1.75);
        _model.SetInput(negative, 0.05);

        int code = _adc.ReadPseudoDifferential(positive, negative);

        Assert.Equal(Mcp3208Model.CodeFor(1.70, Vref), code);
        Assert.InRange(1.70 - code * Vref / 4096, 0, Lsb);
        Assert.Equal(new Mcp3208Conversion(false, positive, code), _model.LastConversion);

        _model.SetInput(positive, 0.02);
        Assert.Equal(0, _adc.ReadPseudoDifferential(positive, negative));
    }

    [Fact]
    public void The_bindings_software_differential_read_is_two_single_ended_conversions()
    {
        _model.SetInput(2, 1.5);
        _model.SetInput(5, 0.5);

        Assert.Equal(2000, _adc.ReadDifferential(2, 5));
        Assert.Equal(2, _model.Conversions);
    }

    [Fact]
    public void Binding_4_2_0_sends_D0_0_for_either_order_of_a_pair_and_the_model_answers_what_was_sent()
    {
        // Iot.Device.Bindings 4.2.0 encodes ReadPseudoDifferential(1, 0) exactly like (0, 1): D2..D0 = 000, IN+ = CH0.
        // The chip (and so the model) converts CH0 − CH1, which is negative here: 0. Our flight driver sends D0 = 1.
        _model.SetInput(0, 0.2);
        _model.SetInput(1, 1.2);

        int code = _adc.ReadPseudoDifferential(1, 0);

        Assert.Equal(new Mcp3208Conversion(false, 0, 0), _model.LastConversion);
        Assert.Equal(0, code);
    }

    [Fact]
    public void The_binding_refuses_what_the_chip_cannot_do_without_touching_the_bus()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _adc.Read(8));
        Assert.Throws<ArgumentException>(() => _adc.ReadPseudoDifferential(0, 2));
        Assert.Equal(0, _model.Transfers);
    }

    [Fact]
    public void The_binding_detects_an_absent_chip_by_its_null_bit()
    {
        _model.Disconnected = true;

        Assert.Throws<InvalidOperationException>(() => _adc.Read(0));
    }

    [Fact]
    public void The_binding_disposes_the_device_it_was_given()
    {
        _adc.Dispose();

        Assert.True(_spi.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => _spi.ReadByte());
    }
}

using Moq;
using Payload.Flight.Dictionary;
using Payload.Flight.Hardware;
using Payload.Flight.Instrument.Health;
using Payload.Flight.Parameters;
using Payload.Flight.Tests.Devices.Mcp3208;
using Adc = Payload.Flight.Devices.Mcp3208.Mcp3208;

namespace Payload.Flight.Tests.Instrument.Health;

/// <summary>The housekeeping ADC sampler publishes every input's code and engineering value, and survives a failing bus.</summary>
public class HousekeepingAdcSamplerTests
{
    private readonly MissionDictionary _dictionary;
    private readonly ParameterTable _parameters;
    private readonly FakeMcp3208Bus _bus = new();
    private readonly HousekeepingAdcSampler _sampler;

    public HousekeepingAdcSamplerTests()
    {
        var builder = new DictionaryBuilder();
        HousekeepingAdcSampler.Declare(builder);
        _dictionary = builder.Build();
        _parameters = new ParameterTable(_dictionary);
        _sampler = new HousekeepingAdcSampler(new Adc(_bus), _parameters);
        // A nominal board: detector and board at 25 °C, rails on the nose, LNA 60 mA, digitizer 250 mA, reference 1.25 V.
        _bus.Codes[0] = 1200;
        _bus.Codes[1] = 1500;
        _bus.Codes[2] = 2500;
        _bus.Codes[3] = 3300;
        _bus.Codes[4] = 600;
        _bus.Codes[5] = 1250;
        _bus.Codes[6] = 2500;
        _bus.Codes[7] = 4095;
    }

    [Fact]
    public void One_run_reads_each_mapped_input_once_and_publishes_code_and_engineering_value()
    {
        _sampler.Run(0, 0);

        Assert.Equal(7, _bus.Transfers);
        Assert.Equal(1200, _parameters.Get(HousekeepingAdcMap.DetectorTemperatureCodeParameter));
        Assert.Equal(2500, _parameters.Get(HousekeepingAdcMap.DetectorTemperatureParameter));
        Assert.Equal(1500, _parameters.Get(HousekeepingAdcMap.BoardTemperatureCodeParameter));
        Assert.Equal(2500, _parameters.Get(HousekeepingAdcMap.BoardTemperatureParameter));
        Assert.Equal(2500, _parameters.Get(HousekeepingAdcMap.Rail5VCodeParameter));
        Assert.Equal(5000, _parameters.Get(HousekeepingAdcMap.Rail5VParameter));
        Assert.Equal(3300, _parameters.Get(HousekeepingAdcMap.Rail3V3CodeParameter));
        Assert.Equal(3300, _parameters.Get(HousekeepingAdcMap.Rail3V3Parameter));
        Assert.Equal(600, _parameters.Get(HousekeepingAdcMap.LnaCurrentCodeParameter));
        Assert.Equal(60, _parameters.Get(HousekeepingAdcMap.LnaCurrentParameter));
        Assert.Equal(1250, _parameters.Get(HousekeepingAdcMap.DigitizerCurrentCodeParameter));
        Assert.Equal(250, _parameters.Get(HousekeepingAdcMap.DigitizerCurrentParameter));
        Assert.Equal(2500, _parameters.Get(HousekeepingAdcMap.ReferenceCodeParameter));
        Assert.Equal(1250, _parameters.Get(HousekeepingAdcMap.ReferenceParameter));
        Assert.Equal(7, _parameters.Get(HousekeepingAdcMap.ConversionsParameter));
        Assert.Equal(0, _parameters.Get(HousekeepingAdcMap.ReadFailuresParameter));
        Assert.Equal(0, _parameters.Get(HousekeepingAdcMap.StaleParameter));
    }

    [Fact]
    public void Nominal_values_are_inside_every_limit()
    {
        _sampler.Run(0, 0);

        foreach (ParameterDefinition definition in _dictionary.Parameters)
        {
            long value = _parameters.Get(definition.Id);
            Assert.True(value >= definition.LowLimit && value <= definition.HighLimit,
                $"{definition.Name} = {value} outside {definition.LowLimit}..{definition.HighLimit}");
        }
    }

    [Fact]
    public void A_throwing_bus_is_counted_marked_stale_and_never_propagated()
    {
        _sampler.Run(0, 0);
        _bus.ThrowOnChannel = HousekeepingAdcMap.LnaCurrentChannel;
        _bus.Codes[HousekeepingAdcMap.LnaCurrentChannel] = 1000;
        _bus.Codes[HousekeepingAdcMap.Rail5VChannel] = 2400;

        _sampler.Run(1, 1_000_000);
        _sampler.Run(2, 2_000_000);

        Assert.Equal(2, _sampler.ReadFailures);
        Assert.Equal(2, _parameters.Get(HousekeepingAdcMap.ReadFailuresParameter));
        Assert.Equal(1 << 4, _parameters.Get(HousekeepingAdcMap.StaleParameter));
        Assert.Equal(7 + 6 + 6, _parameters.Get(HousekeepingAdcMap.ConversionsParameter));
        // The failed input keeps its last good values; the others move on.
        Assert.Equal(600, _parameters.Get(HousekeepingAdcMap.LnaCurrentCodeParameter));
        Assert.Equal(60, _parameters.Get(HousekeepingAdcMap.LnaCurrentParameter));
        Assert.Equal(4800, _parameters.Get(HousekeepingAdcMap.Rail5VParameter));

        _bus.ThrowOnChannel = -1;
        _sampler.Run(3, 3_000_000);

        Assert.Equal(0, _parameters.Get(HousekeepingAdcMap.StaleParameter));
        Assert.Equal(100, _parameters.Get(HousekeepingAdcMap.LnaCurrentParameter));
        Assert.Equal(2, _parameters.Get(HousekeepingAdcMap.ReadFailuresParameter));
    }

    [Fact]
    public void Any_exception_type_from_the_device_is_caught()
    {
        var device = new Mock<ISpiDevice>();
        device.Setup(d => d.TransferFullDuplex(It.IsAny<byte[]>(), It.IsAny<int>(), It.IsAny<byte[]>(), It.IsAny<int>(), It.IsAny<int>()))
            .Throws(new InvalidOperationException("SPI bus not configured"));
        var sampler = new HousekeepingAdcSampler(new Adc(device.Object), _parameters);

        sampler.Run(0, 0);

        Assert.Equal(7, sampler.ReadFailures);
        Assert.Equal(0x7F, sampler.StaleMask);
        Assert.Equal(0, sampler.Conversions);
    }

    [Fact]
    public void A_frame_with_a_high_null_bit_is_a_failure_not_a_value()
    {
        _sampler.Run(0, 0);
        _bus.FloatOnChannel = HousekeepingAdcMap.BoardTemperatureChannel;
        _bus.Codes[HousekeepingAdcMap.BoardTemperatureChannel] = 4095;

        _sampler.Run(1, 1_000_000);

        Assert.Equal(1, _parameters.Get(HousekeepingAdcMap.ReadFailuresParameter));
        Assert.Equal(1 << 1, _parameters.Get(HousekeepingAdcMap.StaleParameter));
        Assert.Equal(2500, _parameters.Get(HousekeepingAdcMap.BoardTemperatureParameter));
    }

    [Fact]
    public void Declare_uses_the_block_1100_to_1149_with_units_calibrations_and_limits()
    {
        ushort[] ids = _dictionary.Parameters.Select(p => p.Id).OrderBy(id => id).ToArray();
        Assert.Equal(new ushort[] { 1100, 1101, 1102, 1103, 1104, 1105, 1106, 1110, 1111, 1112, 1113, 1114, 1115, 1116, 1120, 1121, 1122 }, ids);

        ParameterDefinition detector = Find(HousekeepingAdcMap.DetectorTemperatureParameter);
        Assert.Equal(("hkadc.det_temp", DataType.Int32, "degC", 0.01), (detector.Name, detector.Type, detector.Unit, detector.Scale));
        Assert.Equal((-3000L, 7000L), (detector.LowLimit, detector.HighLimit));
        ParameterDefinition detectorCode = Find(HousekeepingAdcMap.DetectorTemperatureCodeParameter);
        Assert.Equal(("hkadc.det_temp_code", DataType.UInt16, "degC"), (detectorCode.Name, detectorCode.Type, detectorCode.Unit));
        Assert.Equal(0.25, detectorCode.Scale, 12);
        Assert.Equal(-275.0, detectorCode.Offset, 9);

        ParameterDefinition lna = Find(HousekeepingAdcMap.LnaCurrentParameter);
        Assert.Equal(("hkadc.lna_current", "mA", 30L, 120L), (lna.Name, lna.Unit, lna.LowLimit, lna.HighLimit));
        Assert.Equal(0.1, Find(HousekeepingAdcMap.LnaCurrentCodeParameter).Scale, 12);
        Assert.Equal((4750L, 5250L), (Find(HousekeepingAdcMap.Rail5VParameter).LowLimit, Find(HousekeepingAdcMap.Rail5VParameter).HighLimit));
        Assert.Equal(0L, Find(HousekeepingAdcMap.ReadFailuresParameter).HighLimit);
        Assert.Equal(0L, Find(HousekeepingAdcMap.StaleParameter).HighLimit);
    }

    [Fact]
    public void The_ground_calibration_of_every_code_agrees_with_the_value_computed_on_board()
    {
        foreach (HousekeepingChannel channel in HousekeepingAdcMap.CreateChannels())
        {
            ParameterDefinition code = Find(channel.RawParameter);
            ParameterDefinition engineering = Find(channel.EngineeringParameter);
            for (int raw = 0; raw <= 4095; raw += 13)
            {
                double ground = raw * code.Scale + code.Offset;
                double board = channel.Conversion.ToEngineering(raw) * engineering.Scale + engineering.Offset;
                // The board rounds to its engineering count; the ground does not.
                Assert.True(Math.Abs(ground - board) <= engineering.Scale / 2 + 1e-9, $"{channel.Name} at code {raw}: {ground} vs {board}");
            }
        }
    }

    [Fact]
    public void The_sampler_refuses_a_table_without_its_parameters()
    {
        var empty = new ParameterTable(new DictionaryBuilder().Build());

        Assert.Equal("parameters", Assert.Throws<ArgumentException>(() => new HousekeepingAdcSampler(new Adc(_bus), empty)).ParamName);
        Assert.Equal("adc", Assert.Throws<ArgumentNullException>(() => new HousekeepingAdcSampler(null!, _parameters)).ParamName);
    }

    [Fact]
    public void Ten_thousand_runs_allocate_nothing_even_with_a_failing_input()
    {
        _bus.FloatOnChannel = HousekeepingAdcMap.ReferenceChannel;
        long frame = 0;
        for (int i = 0; i < 100; i++) _sampler.Run(frame, frame++ * 1_000_000);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            _bus.Codes[0] = 1000 + (int)(frame % 400);
            _sampler.Run(frame, frame++ * 1_000_000);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(10_100, _sampler.ReadFailures);
        Assert.Equal(6 * 10_100, _sampler.Conversions);
    }

    private ParameterDefinition Find(ushort id) => _dictionary.Parameters.Single(p => p.Id == id);
}

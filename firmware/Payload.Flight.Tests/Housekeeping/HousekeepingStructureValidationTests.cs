using Payload.Flight.Dictionary;
using Payload.Flight.Housekeeping;
using Payload.Flight.Parameters;
using Payload.Flight.Protocol;
using Payload.Flight.Tests.Support;

namespace Payload.Flight.Tests.Housekeeping;

/// <summary>A structure that could not be reported is a programming error, refused when the service is built.</summary>
public class HousekeepingStructureValidationTests
{
    [Fact]
    public void A_structure_that_exactly_fills_a_packet_is_accepted()
    {
        // 1 (id) + 250 × 4 + 2 × 1 = 1003 octets, the most a telemetry packet carries.
        Assert.Equal(1003, PacketLimits.MaxTelemetryApplicationDataLength);
        var service = Build(250, DataType.UInt32, 2);

        Assert.Equal(PacketLimits.MaxTelemetryApplicationDataLength, service.Find(1)!.ReportLength);
    }

    [Fact]
    public void A_structure_one_octet_too_big_is_refused()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => Build(250, DataType.UInt32, 3));
        Assert.Contains("TEST_BIG", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_structure_whose_layout_report_would_not_fit_is_refused()
    {
        // 498 one-octet values fit TM[3,25] (499 octets) but not TM[3,10] (8 + 2 × 498 = 1004 octets).
        Build(0, DataType.UInt8, 497);
        Assert.Throws<InvalidOperationException>(() => Build(0, DataType.UInt8, 498));
    }

    [Fact]
    public void A_variable_length_parameter_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => Build(1, DataType.Bytes, 0));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(360_001)]
    public void A_declared_interval_out_of_range_is_refused(int interval)
    {
        Assert.Throws<InvalidOperationException>(() => Build(1, DataType.UInt8, 0, interval));
    }

    [Fact]
    public void The_service_needs_its_own_declarations()
    {
        var builder = new DictionaryBuilder();
        builder.Add(new ParameterDefinition(1000, "test.p", DataType.UInt8, "", ""));
        builder.Add(new HousekeepingStructureDefinition(1, "TEST_ONE", [1000], 10, true, ""));
        var dictionary = builder.Build();

        Assert.Throws<InvalidOperationException>(() => new HousekeepingService(dictionary, new ParameterTable(dictionary), new RecordingTelemetrySink()));
    }

    [Fact]
    public void Changing_an_interval_outside_the_range_directly_throws()
    {
        var structure = Build(1, DataType.UInt8, 0).Find(1)!;

        Assert.Throws<ArgumentOutOfRangeException>(() => structure.SetInterval(0));
        Assert.Equal(10, structure.IntervalTicks);
    }

    /// <summary>One structure (id 1) of <paramref name="wide"/> parameters of <paramref name="wideType"/> then <paramref name="bytes"/> UInt8 ones.</summary>
    private static HousekeepingService Build(int wide, DataType wideType, int bytes, int interval = 10)
    {
        var builder = new DictionaryBuilder();
        HousekeepingService.Declare(builder);
        var ids = new List<ushort>();
        for (int i = 0; i < wide + bytes; i++)
        {
            var id = (ushort)(2000 + i);
            builder.Add(new ParameterDefinition(id, "test.p" + i, i < wide ? wideType : DataType.UInt8, "", ""));
            ids.Add(id);
        }
        builder.Add(new HousekeepingStructureDefinition(1, "TEST_BIG", ids.ToArray(), interval, true, ""));
        var dictionary = builder.Build();
        return new HousekeepingService(dictionary, new ParameterTable(dictionary), new RecordingTelemetrySink());
    }
}

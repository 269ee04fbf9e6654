using Payload.Flight.Instrument.Acquisition;
using Payload.GroundStation.Instrument;

namespace Payload.GroundStation.Tests.Instrument;

/// <summary>The ground's reading of the instrument's messages against the flight code's own layout and names.</summary>
public sealed class InstrumentMessageTests
{
    [Fact]
    public void TheLayoutIsTheFlightCodes()
    {
        Assert.Equal(
            (AcquisitionMessage.HeaderLength, AcquisitionMessage.ProductsLength, AcquisitionMessage.RawHeaderLength, AcquisitionMessage.SnapshotHeaderLength),
            (InstrumentMessage.HeaderLength, InstrumentMessage.ProductsLength, InstrumentMessage.RawHeaderLength, InstrumentMessage.SnapshotHeaderLength));
        Assert.Equal(
            (AcquisitionMessage.ProductsKind, AcquisitionMessage.RawRecordsKind, AcquisitionMessage.SnapshotKind),
            ((byte)InstrumentMessageKind.Products, (byte)InstrumentMessageKind.RawRecords, (byte)InstrumentMessageKind.Snapshot));
        Assert.Equal(Payload.Flight.Devices.Digitizer.PulseRecord.Size, PulseSample.Size);
    }

    [Theory]
    [InlineData(PassEndReason.LossOfSignal, ExpectedRadar.Nisar, "LOSS_OF_SIGNAL", "NISAR")]
    [InlineData(PassEndReason.Capacity, ExpectedRadar.Sentinel1, "CAPACITY", "SENTINEL1")]
    [InlineData(PassEndReason.Reset, ExpectedRadar.Other, "RESET", "OTHER")]
    public void EndReasonsAndRadarsAreNamedAsOnBoard(PassEndReason reason, ExpectedRadar radar, string reasonName, string radarName)
    {
        var message = new byte[InstrumentMessage.ProductsLength];
        AcquisitionMessage.WriteHeader(message, 0, AcquisitionMessage.ProductsKind, 9);
        message[AcquisitionMessage.ProductsOffset] = Payload.Flight.Instrument.Products.PassProducts.FormatVersion;
        message[AcquisitionMessage.ProductsTrailerOffset] = (byte)reason;
        message[AcquisitionMessage.ProductsTrailerOffset + 1] = (byte)radar;

        InstrumentMessage decoded = InstrumentMessage.Decode(message);

        Assert.Null(decoded.Problem);
        Assert.Equal((InstrumentMessageKind.Products, 9, reasonName, radarName), (decoded.Kind, decoded.PassNumber, decoded.EndReason, decoded.ExpectedRadar));
    }

    [Fact]
    public void AShortOrUnknownMessageSaysWhy()
    {
        Assert.Equal("2 octets: no instrument header", InstrumentMessage.Decode([1, 1]).Problem);
        Assert.Equal("unknown kind 9", InstrumentMessage.Decode([9, 1, 0, 0]).Problem);
        Assert.Equal("products need 129 octets, got 4", InstrumentMessage.Decode([1, 1, 0, 0]).Problem);
        Assert.Equal("2 records make 40 octets, got 16", InstrumentMessage.Decode([2, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 0]).Problem);
    }
}

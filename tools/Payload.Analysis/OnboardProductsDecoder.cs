using System.Buffers.Binary;
using Payload.Flight.Instrument.Products;

namespace Payload.Analysis;

/// <summary>Decodes the board's <see cref="PassProducts"/> downlink (format 1, layout in PassProducts.cs) into engineering units.</summary>
public static class OnboardProductsDecoder
{
    /// <summary>
    /// Decodes the first <see cref="PassProducts.Length"/> octets of <paramref name="data"/>.
    /// Throws <see cref="FormatException"/> on a short buffer or an unknown format version.
    /// </summary>
    public static PassProductValues Decode(ReadOnlySpan<byte> data)
    {
        if (data.Length < PassProducts.Length)
        {
            throw new FormatException($"pass products need {PassProducts.Length} octets, got {data.Length}");
        }

        if (data[0] != PassProducts.FormatVersion)
        {
            throw new FormatException($"unknown pass products format {data[0]} (expected {PassProducts.FormatVersion})");
        }

        int validity = U16(data, 1);
        bool pri = (validity & ProductValidity.Pri) != 0;
        bool width = (validity & ProductValidity.Width) != 0;
        bool fit = (validity & ProductValidity.Fit) != 0;
        bool beam = (validity & ProductValidity.Beamwidth) != 0;
        bool left = (validity & ProductValidity.SidelobeLeft) != 0;
        bool right = (validity & ProductValidity.SidelobeRight) != 0;
        bool spread = (validity & ProductValidity.AmplitudeSpread) != 0;
        long peakCodeQ4 = U32(data, 76);
        return new PassProductValues
        {
            FirstToa = U48(data, 3),
            DurationTicks = U32(data, 9),
            PulseCount = (int)U32(data, 13),
            ExpectedCount = pri ? (int)U32(data, 17) : null,
            MissedPulses = pri ? (int)U32(data, 21) : null,
            GapCount = pri ? U16(data, 25) : null,
            RejectedCount = (int)U32(data, 27),
            TrainPulseCount = (int)U32(data, 31),
            AmplitudeExcludedCount = (int)U32(data, 35),
            WidthExcludedCount = (int)U32(data, 39),
            PriClusterCount = data[43],
            Truncated = (validity & ProductValidity.Truncated) != 0,
            PriMedianTicks = pri ? U32(data, 44) : null,
            PriMeanTicks = pri ? U32(data, 48) / 16.0 : null,
            PrfHz = pri ? U32(data, 52) / 1000.0 : null,
            PriJitterRmsTicks = pri ? U32(data, 56) / 16.0 : null,
            WidthMeanTicks = width ? U32(data, 60) / 16.0 : null,
            WidthStdTicks = width ? U32(data, 64) / 16.0 : null,
            AmplitudeSpreadDb = spread ? U16(data, 68) / 1000.0 : null,
            PeakToa = fit ? U48(data, 70) : null,
            PeakCode = fit ? peakCodeQ4 / 16.0 : null,
            PeakDbm = fit ? I32(data, 80) / 1000.0 : null,
            BeamwidthTicks = fit ? U32(data, 84) : null,
            BeamwidthDeg = beam ? U32(data, 88) / 1e6 : null,
            SidelobeLeftDb = left ? I32(data, 92) / 1000.0 : null,
            SidelobeRightDb = right ? I32(data, 96) / 1000.0 : null,
            SidelobeAsymmetryDb = left && right ? I32(data, 100) / 1000.0 : null,
            FitPoints = data[104],
            GroundSpeedMps = U16(data, 105),
            SlantRangeM = (int)U32(data, 107),
            DetectorTemperatureC = BinaryPrimitives.ReadInt16BigEndian(data[111..]) / 100.0,
        };
    }

    private static int U16(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadUInt16BigEndian(data[offset..]);

    private static long U32(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadUInt32BigEndian(data[offset..]);

    private static int I32(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadInt32BigEndian(data[offset..]);

    private static long U48(ReadOnlySpan<byte> data, int offset) => ((long)U16(data, offset) << 32) | U32(data, offset + 2);
}

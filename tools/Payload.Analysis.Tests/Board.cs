using Payload.Flight.Instrument.Products;

namespace Payload.Analysis.Tests;

/// <summary>Runs the on-board products (the flight code's host build) on a pass and decodes what the board would downlink.</summary>
public static class Board
{
    /// <summary>Adds every pulse, computes, encodes and decodes.</summary>
    public static PassProductValues Products(
        IReadOnlyList<(long Toa, int Width, int PeakCode, int Flags)> pulses, ProductSettings settings, PassContext context)
    {
        var accumulator = new PassAccumulator(settings);
        foreach (var (toa, width, code, flags) in pulses)
        {
            accumulator.Add(toa, width, code, flags);
        }

        var products = accumulator.Compute(context.GroundSpeedMps, context.SlantRangeM, (int)Math.Round(context.DetectorTemperatureC * 100));
        var wire = new byte[PassProducts.Length];
        Assert.Equal(PassProducts.Length, products.Encode(wire, 0));
        return OnboardProductsDecoder.Decode(wire);
    }
}

using Payload.Boards.Simulated.Scene;
using Payload.Flight.Devices.Digitizer;
using Payload.Flight.Instrument.Products;
using Payload.GroundStation.Instrument;

namespace Payload.GroundStation.Tests.Reports;

/// <summary>A radar pass of the simulated board's scene: its pulse records as the digitizer captures them, and the instrument messages the board would send.</summary>
internal sealed class ScenePass
{
    private ScenePass(RadarPass pass, IReadOnlyList<PulseSample> pulses, byte[] products, int decimation)
    {
        Decimation = decimation;
        Pass = pass;
        Pulses = pulses;
        ProductsMessage = products;
    }

    public RadarPass Pass { get; }

    /// <summary>Every Nth record goes down raw.</summary>
    public int Decimation { get; }

    /// <summary>The records that go down raw: every <see cref="Decimation"/>th.</summary>
    public IReadOnlyList<PulseSample> RawPulses => Pulses.Where((_, i) => i % Decimation == 0).ToArray();

    public IReadOnlyList<PulseSample> Pulses { get; }

    /// <summary>The kind-1 message: the board's products (its host build) with the acquisition trailer.</summary>
    public byte[] ProductsMessage { get; }

    /// <summary>A NISAR pass (every pulse at or above −50 dBm recorded), its products computed by the flight code's PassAccumulator.</summary>
    public static ScenePass Nisar(int seed = 1, int passNumber = 1, int decimation = 1)
    {
        var pass = RadarPass.Simulate(RadarProfile.NisarL(), new SceneOptions { Seed = (ulong)seed });
        int threshold = pass.Options.Detector.PeakCode(-50.0);
        var source = pass.CreateSource();
        var pulses = new List<PulseSample>();
        long lastEnd = long.MinValue;
        int sequence = 0;
        while (source.TryPeek(out var pulse))
        {
            source.Next();
            if (pulse.ComparatorCode < threshold) continue;
            var flags = PulseFlags.None;
            if (pulse.Saturated || pulse.PeakCode >= PulseRecord.MaxField16) flags |= PulseFlags.Saturated;
            int width = Math.Min(pulse.WidthTicks, PulseRecord.MaxField16);
            if (pulse.WidthTicks > PulseRecord.MaxField16) flags |= PulseFlags.Truncated;
            if (pulse.ToaTicks < lastEnd) flags |= PulseFlags.Overlapping;
            lastEnd = Math.Max(lastEnd, pulse.ToaTicks + pulse.WidthTicks);
            pulses.Add(new PulseSample(pulse.ToaTicks & DigitizerChip.ToaMask, width, pulse.PeakCode, (int)flags, sequence++ & 0xFF));
        }

        var accumulator = new PassAccumulator(new ProductSettings());
        foreach (PulseSample p in pulses) accumulator.Add(p.Toa, p.Width, p.PeakCode, p.Flags);
        var profile = pass.Geometry.Profile;
        PassProducts products = accumulator.Compute((int)profile.GroundSpeedMps, (int)profile.SlantRangeM,
            (int)Math.Round(pass.Options.Temperature.CelsiusAt(pass.Truth.PeakTimeS) * 100));
        var message = new byte[InstrumentMessage.ProductsLength];
        message[0] = (byte)InstrumentMessageKind.Products;
        message[1] = 1;
        message[2] = (byte)(passNumber >> 8);
        message[3] = (byte)passNumber;
        Assert.Equal(PassProducts.Length, products.Encode(message, InstrumentMessage.HeaderLength));
        int trailer = InstrumentMessage.HeaderLength + PassProducts.Length;
        message[trailer] = 1; // LOSS_OF_SIGNAL
        message[trailer + 1] = 0; // NISAR
        message[trailer + 3] = (byte)decimation;
        return new ScenePass(pass, pulses, message, decimation);
    }

    /// <summary>The kind-2 messages carrying the <see cref="RawPulses"/>, <paramref name="perChunk"/> records each, the last flagged.</summary>
    public List<byte[]> RawChunks(int perChunk, int passNumber = 1)
    {
        IReadOnlyList<PulseSample> raw = RawPulses;
        var chunks = new List<byte[]>();
        for (int start = 0, sequence = 0; start < raw.Count; start += perChunk, sequence++)
        {
            int count = Math.Min(perChunk, raw.Count - start);
            var message = new byte[InstrumentMessage.RawHeaderLength + count * PulseSample.Size];
            message[0] = (byte)InstrumentMessageKind.RawRecords;
            message[1] = 1;
            message[2] = (byte)(passNumber >> 8);
            message[3] = (byte)passNumber;
            message[4] = (byte)(sequence >> 8);
            message[5] = (byte)sequence;
            message[7] = (byte)Decimation;
            message[8] = (byte)(start + count == raw.Count ? 1 : 0);
            message[10] = (byte)(count >> 8);
            message[11] = (byte)count;
            for (int i = 0; i < count; i++) raw[start + i].Write(message, InstrumentMessage.RawHeaderLength + i * PulseSample.Size);
            chunks.Add(message);
        }
        return chunks;
    }
}

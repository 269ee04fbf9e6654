namespace Payload.Boards.Simulated.Scene;

/// <summary>The capture core's ADC on the detector output: unipolar, straight binary, 16 bits over 0–2.5 V by default.</summary>
public sealed record DetectorAdc
{
    /// <summary>Resolution in bits.</summary>
    public int Bits { get; init; } = 16;

    /// <summary>Input voltage of the top of the range (code 2^Bits would start here).</summary>
    public double FullScaleVolts { get; init; } = 2.5;

    /// <summary>Largest code, 2^Bits − 1 (65535).</summary>
    public int MaxCode => (1 << Bits) - 1;

    /// <summary>One code step, volts (38.1 µV).</summary>
    public double LsbVolts => FullScaleVolts / (1 << Bits);

    /// <summary>Raw ADC code for an input voltage: floor(V / LSB), clamped to [0, MaxCode].</summary>
    public int Code(double volts) => (int)Math.Clamp(Math.Floor(volts / LsbVolts), 0.0, MaxCode);

    /// <summary>Centre of a code's voltage bin (the best inverse of <see cref="Code"/>).</summary>
    public double Volts(int code) => (code + 0.5) * LsbVolts;
}

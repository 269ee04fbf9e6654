using Payload.Flight.Devices.Mcp3208;
using Payload.Flight.Hardware;

namespace Payload.Boards.Simulated.Chips.Mcp3208;

/// <summary>
/// The MCP3208 12-bit, 8-channel ADC at its SPI pins (Microchip DS21298), bit by bit: whatever byte layout a driver
/// uses, the chip answers what the datasheet says it would.
/// </summary>
/// <remarks>
/// <para>Each <see cref="TransferFullDuplex"/> call is one chip-select-low period. DIN is read MSB first; the first 1
/// is the start bit (leading zeros are ignored, DS21298 §5.0), followed by SGL/DIFF and D2..D0. The input is sampled
/// when D0 is in. DOUT is high impedance (read as <see cref="HighImpedanceLevel"/>) until the null bit, six clocks
/// after the start bit, then carries B11..B0, then B1..B11 again LSB first, then zeros until the transfer ends. The clock
/// positions are the flight driver's, from <see cref="Mcp3208Frame"/>.</para>
/// <para>Transfer function (DS21298 Eq. 4-1): code = 4096 × VIN / VREF, truncated (code k from k LSB up to k + 1 LSB,
/// so VREF − 1 LSB gives 4095), clamped to 0..4095. In differential mode VIN = IN+ − IN−; a negative difference gives 0.</para>
/// </remarks>
public sealed class Mcp3208Model : ISpiDevice
{
    // Half a part per billion of an LSB: a voltage computed as k × VREF / 4096 lands on code k, not k − 1.
    private const double TransitionTolerance = 1e-9;

    private readonly Func<double>[] _inputs = new Func<double>[Mcp3208Frame.ChannelCount];
    private double _referenceVolts;

    /// <summary>Creates the chip with every input at 0 V and VREF = <paramref name="referenceVolts"/> (SARCAL-1: 2.048 V).</summary>
    public Mcp3208Model(double referenceVolts = 2.048)
    {
        ReferenceVolts = referenceVolts;
        for (int channel = 0; channel < _inputs.Length; channel++) _inputs[channel] = () => 0.0;
    }

    /// <summary>The voltage on VREF: full scale.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a positive finite voltage.</exception>
    public double ReferenceVolts
    {
        get => _referenceVolts;
        set
        {
            if (!double.IsFinite(value) || value <= 0) throw new ArgumentOutOfRangeException(nameof(value), value, "VREF must be a positive voltage");
            _referenceVolts = value;
        }
    }

    /// <summary>Level DOUT reads while the chip does not drive it (true: pulled up).</summary>
    public bool HighImpedanceLevel { get; set; } = true;

    /// <summary>True when the chip is absent or unpowered: DOUT floats at <see cref="HighImpedanceLevel"/> for every clock.</summary>
    public bool Disconnected { get; set; }

    /// <summary>Conversions performed (transfers that clocked in a start bit and D0).</summary>
    public int Conversions { get; private set; }

    /// <summary>Transfers (chip-select periods) seen, with or without a conversion.</summary>
    public int Transfers { get; private set; }

    /// <summary>The last conversion: its input configuration and result; null before the first.</summary>
    public Mcp3208Conversion? LastConversion { get; private set; }

    /// <summary>Sets input CH<paramref name="channel"/> to a fixed voltage.</summary>
    public void SetInput(int channel, double volts)
    {
        CheckChannel(channel);
        _inputs[channel] = () => volts;
    }

    /// <summary>Makes input CH<paramref name="channel"/> follow a source (of virtual time, temperature, …), read at each conversion.</summary>
    public void SetInput(int channel, Func<double> volts)
    {
        CheckChannel(channel);
        ArgumentNullException.ThrowIfNull(volts);
        _inputs[channel] = volts;
    }

    /// <summary>The voltage on input CH<paramref name="channel"/> now.</summary>
    public double InputVolts(int channel)
    {
        CheckChannel(channel);
        return _inputs[channel]();
    }

    /// <summary>The ideal code for <paramref name="volts"/> at VREF = <paramref name="referenceVolts"/> (DS21298 Eq. 4-1, truncated and clamped).</summary>
    public static int CodeFor(double volts, double referenceVolts)
    {
        if (double.IsNaN(volts) || volts <= 0) return 0;
        double lsbs = volts * Mcp3208Frame.CodeCount / referenceVolts + TransitionTolerance;
        return lsbs >= Mcp3208Frame.MaxCode ? Mcp3208Frame.MaxCode : (int)Math.Floor(lsbs);
    }

    /// <summary>The input voltage a code stands for: code × VREF / 4096 (the lower edge of its step).</summary>
    public static double VoltsOf(int code, double referenceVolts) => code * referenceVolts / Mcp3208Frame.CodeCount;

    /// <summary>The code a conversion of this configuration would give now.</summary>
    /// <param name="singleEnded">True for a single-ended input.</param>
    /// <param name="configuration">D2..D0: the channel, or the IN+ channel of a pair.</param>
    public int Convert(bool singleEnded, int configuration)
    {
        CheckChannel(configuration);
        double volts = singleEnded
            ? _inputs[configuration]()
            : _inputs[configuration]() - _inputs[configuration ^ 1]();
        return CodeFor(volts, _referenceVolts);
    }

    /// <inheritdoc />
    public void TransferFullDuplex(byte[] writeBuffer, int writeOffset, byte[] readBuffer, int readOffset, int count)
    {
        ArgumentNullException.ThrowIfNull(writeBuffer);
        ArgumentNullException.ThrowIfNull(readBuffer);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (writeOffset < 0 || writeOffset > writeBuffer.Length - count) throw new ArgumentOutOfRangeException(nameof(writeOffset));
        if (readOffset < 0 || readOffset > readBuffer.Length - count) throw new ArgumentOutOfRangeException(nameof(readOffset));

        Transfers++;
        var state = new TransferState();
        for (int i = 0; i < count; i++)
        {
            int sent = writeBuffer[writeOffset + i];
            int received = 0;
            for (int bit = 7; bit >= 0; bit--)
            {
                bool dout = Clock((sent >> bit & 1) != 0, ref state);
                received = received << 1 | (dout ? 1 : 0);
            }
            readBuffer[readOffset + i] = (byte)received;
        }
    }

    // One SCLK: DOUT for this clock comes from what was clocked in before it; then DIN is taken.
    private bool Clock(bool din, ref TransferState state)
    {
        int clock = state.Started ? state.Clock + 1 : -1;
        bool dout = Output(clock, state.Code);
        if (!state.Started)
        {
            if (din)
            {
                state.Started = true;
                state.Clock = 0;
            }
            return dout;
        }

        state.Clock = clock;
        if (clock == Mcp3208Frame.ModeBitClock)
        {
            state.SingleEnded = din;
        }
        else if (clock > Mcp3208Frame.ModeBitClock && clock <= Mcp3208Frame.LastConfigurationClock)
        {
            state.Configuration = state.Configuration << 1 | (din ? 1 : 0);
            if (clock == Mcp3208Frame.LastConfigurationClock)
            {
                state.Code = Convert(state.SingleEnded, state.Configuration);
                Conversions++;
                LastConversion = new Mcp3208Conversion(state.SingleEnded, state.Configuration, state.Code);
            }
        }
        return dout;
    }

    private bool Output(int clock, int code)
    {
        if (Disconnected || clock < Mcp3208Frame.NullBitClock) return HighImpedanceLevel;
        if (clock == Mcp3208Frame.NullBitClock) return false;
        if (clock < Mcp3208Frame.LsbFirstClock)
        {
            return (code >> (Mcp3208Frame.ResolutionBits - 1 - (clock - Mcp3208Frame.FirstDataClock)) & 1) != 0;
        }
        if (clock < Mcp3208Frame.TrailingZerosClock)
        {
            return (code >> (1 + clock - Mcp3208Frame.LsbFirstClock) & 1) != 0;
        }
        return false;
    }

    private static void CheckChannel(int channel)
    {
        if (channel < 0 || channel >= Mcp3208Frame.ChannelCount)
            throw new ArgumentOutOfRangeException(nameof(channel), channel, "MCP3208 inputs are CH0..CH7");
    }

    private struct TransferState
    {
        public bool Started;
        public int Clock;
        public bool SingleEnded;
        public int Configuration;
        public int Code;
    }
}

using System;
using Payload.Flight.Hardware;

namespace Payload.Flight.Devices.Mcp3208
{
    /// <summary>Driver of the MCP3208 12-bit, 8-channel SAR ADC (Microchip DS21298): one conversion per SPI transfer.</summary>
    /// <remarks>
    /// <para>One conversion is three bytes with chip select held low (DS21298 Figure 6-1; the layout of dotnet/iot's
    /// Mcp3Base). Five leading zeros place the start bit so that the result ends on the last clock:</para>
    /// <code>
    /// Byte           0        1        2
    /// ====    ======== ======== ========
    /// DIN     00000SMC CCxxxxxx xxxxxxxx
    /// DOUT    zzzzzzzz zzzNRRRR RRRRRRRR
    ///
    /// Clock   0-4  5  6   7  8  9  10  11  12  13 ... 23
    /// =====   ===  =  =  == == ==  ==  ==  ===  === ... ==
    /// DIN      0   S  M  D2 D1 D0  x   x   x    x   ... x
    /// DOUT     z   z  z  z  z  z   z   N   B11  B10 ... B0
    ///
    /// S = start bit: the first 1 clocked in while CS is low
    /// M = SGL/DIFF: 1 single-ended, 0 pseudo-differential
    /// C = D2 D1 D0: the channel (single-ended) or the pair's IN+ channel (differential)
    /// x = don't care (the clock after D0 completes the sample); sent as 0
    /// N = null bit, driven 0
    /// R = result B11..B0, MSB first
    /// z = DOUT high impedance
    /// </code>
    /// <para>Kept clocking after B0, the chip repeats the result LSB first (B1..B11) and then sends zeros; this driver
    /// stops at B0. Code = 4096 × VIN / VREF, 0..4095. Pseudo-differential pairs are (CH0, CH1), (CH2, CH3), (CH4, CH5),
    /// (CH6, CH7), either way round; IN− must stay within about 100 mV of AGND and a negative difference reads 0.</para>
    /// <para>The request and response buffers are allocated here, once: a read allocates nothing.</para>
    /// </remarks>
    public sealed class Mcp3208
    {
        private readonly ISpiDevice _device;
        private readonly byte[] _request = new byte[Mcp3208Frame.Length];
        private readonly byte[] _response = new byte[Mcp3208Frame.Length];

        /// <summary>Creates the driver over the chip's SPI device (mode 0,0 or 1,1, 8-bit words, MSB first; up to 2 MHz at 5 V, 1 MHz at 2.7 V).</summary>
        /// <exception cref="ArgumentNullException"><paramref name="device"/> is null.</exception>
        public Mcp3208(ISpiDevice device)
        {
            if (device == null) throw new ArgumentNullException(nameof(device));
            _device = device;
        }

        /// <summary>Converts a single-ended input and returns its code (0..4095).</summary>
        /// <param name="channel">Input CH0..CH7 (0..7).</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="channel"/> is not 0..7.</exception>
        /// <exception cref="InvalidOperationException">The null bit was not 0: no chip answered, or the bus is corrupt.</exception>
        public int Read(int channel)
        {
            int code;
            if (!TryRead(channel, out code)) throw new InvalidOperationException();
            return code;
        }

        /// <summary>Converts a single-ended input; false (and <paramref name="code"/> 0) when the null bit was not 0.</summary>
        /// <param name="channel">Input CH0..CH7 (0..7).</param>
        /// <param name="code">The result, 0..4095.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="channel"/> is not 0..7.</exception>
        public bool TryRead(int channel, out int code)
        {
            if (channel < 0 || channel >= Mcp3208Frame.ChannelCount) throw new ArgumentOutOfRangeException(nameof(channel));
            return Convert(true, channel, out code);
        }

        /// <summary>Converts a pseudo-differential pair, IN+ − IN−, and returns its code (0..4095; 0 when IN− is the higher).</summary>
        /// <param name="positiveChannel">The IN+ input (0..7).</param>
        /// <param name="negativeChannel">The IN− input: the other channel of the same pair (CH0/CH1, CH2/CH3, CH4/CH5, CH6/CH7).</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="positiveChannel"/> or <paramref name="negativeChannel"/> is not 0..7.</exception>
        /// <exception cref="ArgumentException"><paramref name="negativeChannel"/> is not <paramref name="positiveChannel"/>'s partner.</exception>
        /// <exception cref="InvalidOperationException">The null bit was not 0: no chip answered, or the bus is corrupt.</exception>
        public int ReadDifferential(int positiveChannel, int negativeChannel)
        {
            int code;
            if (!TryReadDifferential(positiveChannel, negativeChannel, out code)) throw new InvalidOperationException();
            return code;
        }

        /// <summary>Converts a pseudo-differential pair, IN+ − IN−; false (and <paramref name="code"/> 0) when the null bit was not 0.</summary>
        /// <param name="positiveChannel">The IN+ input (0..7).</param>
        /// <param name="negativeChannel">The IN− input: the other channel of the same pair.</param>
        /// <param name="code">The result, 0..4095.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="positiveChannel"/> or <paramref name="negativeChannel"/> is not 0..7.</exception>
        /// <exception cref="ArgumentException"><paramref name="negativeChannel"/> is not <paramref name="positiveChannel"/>'s partner.</exception>
        public bool TryReadDifferential(int positiveChannel, int negativeChannel, out int code)
        {
            if (positiveChannel < 0 || positiveChannel >= Mcp3208Frame.ChannelCount) throw new ArgumentOutOfRangeException(nameof(positiveChannel));
            if (negativeChannel < 0 || negativeChannel >= Mcp3208Frame.ChannelCount) throw new ArgumentOutOfRangeException(nameof(negativeChannel));
            // The pairs are fixed in silicon: the two channels differ only in their lowest bit.
            if (negativeChannel != (positiveChannel ^ 1)) throw new ArgumentException("not the pair partner of positiveChannel", nameof(negativeChannel));
            // In differential mode D2..D0 name the IN+ channel (DS21298 Table 5-2).
            return Convert(false, positiveChannel, out code);
        }

        private bool Convert(bool singleEnded, int configuration, out int code)
        {
            Mcp3208Frame.Encode(singleEnded, configuration, _request, 0);
            _device.TransferFullDuplex(_request, 0, _response, 0, Mcp3208Frame.Length);
            if (!Mcp3208Frame.HasNullBit(_response, 0))
            {
                code = 0;
                return false;
            }
            code = Mcp3208Frame.ResultOf(_response, 0);
            return true;
        }
    }
}

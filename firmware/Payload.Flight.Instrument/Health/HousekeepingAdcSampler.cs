using System;
using Payload.Flight.Devices.Mcp3208;
using Payload.Flight.Dictionary;
using Payload.Flight.Executive;
using Payload.Flight.Parameters;

namespace Payload.Flight.Instrument.Health
{
    /// <summary>Reads every housekeeping ADC input once per run and publishes its raw code and engineering value as parameters.</summary>
    /// <remarks>
    /// A failed conversion (an exception from the SPI device, or a frame whose null bit is not 0) is counted in
    /// hkadc.read_failures and marked in hkadc.stale; the input's parameters keep their last good values, and the
    /// exception goes no further: one bad read must not stop the rate group. How often the inputs are sampled is the
    /// rate group's (1 Hz suits the housekeeping structures). Parameter positions are looked up once, at construction,
    /// so a run allocates nothing and does no searching.
    /// </remarks>
    public sealed class HousekeepingAdcSampler : IRateGroupMember
    {
        private readonly Mcp3208 _adc;
        private readonly ParameterTable _parameters;
        private readonly HousekeepingChannel[] _channels;
        private readonly int[] _rawIndex;
        private readonly int[] _engineeringIndex;
        private readonly int _conversionsIndex;
        private readonly int _failuresIndex;
        private readonly int _staleIndex;
        private long _conversions;
        private long _readFailures;
        private int _staleMask;

        /// <summary>Creates the sampler of the board's channel map (<see cref="HousekeepingAdcMap"/>).</summary>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentException">The parameters of <see cref="Declare"/> are missing from <paramref name="parameters"/>.</exception>
        public HousekeepingAdcSampler(Mcp3208 adc, ParameterTable parameters)
            : this(adc, parameters, HousekeepingAdcMap.CreateChannels())
        {
        }

        /// <summary>Creates the sampler of the given inputs, whose parameters must be declared.</summary>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentException">A parameter of <paramref name="channels"/> or a counter is missing from <paramref name="parameters"/>.</exception>
        public HousekeepingAdcSampler(Mcp3208 adc, ParameterTable parameters, HousekeepingChannel[] channels)
        {
            if (adc == null) throw new ArgumentNullException(nameof(adc));
            if (parameters == null) throw new ArgumentNullException(nameof(parameters));
            if (channels == null) throw new ArgumentNullException(nameof(channels));
            _adc = adc;
            _parameters = parameters;
            _channels = channels;
            _rawIndex = new int[channels.Length];
            _engineeringIndex = new int[channels.Length];
            for (int i = 0; i < channels.Length; i++)
            {
                _rawIndex[i] = Require(parameters, channels[i].RawParameter);
                _engineeringIndex[i] = Require(parameters, channels[i].EngineeringParameter);
            }
            _conversionsIndex = Require(parameters, HousekeepingAdcMap.ConversionsParameter);
            _failuresIndex = Require(parameters, HousekeepingAdcMap.ReadFailuresParameter);
            _staleIndex = Require(parameters, HousekeepingAdcMap.StaleParameter);
        }

        /// <summary>Declares the parameters of the board's channel map and the sampler's counters (ids 1100–1122).</summary>
        public static void Declare(DictionaryBuilder dictionary)
        {
            HousekeepingChannel[] channels = HousekeepingAdcMap.CreateChannels();
            for (int i = 0; i < channels.Length; i++)
            {
                HousekeepingChannel channel = channels[i];
                var raw = new ParameterDefinition(channel.RawParameter, channel.Name + "_code", DataType.UInt16, channel.Unit,
                    channel.Description + ", raw MCP3208 code (CH" + channel.AdcChannel.ToString() + ")");
                // The ground sees the code through the same line as the board, unrounded.
                raw.Scale = channel.Conversion.Scale * channel.UnitScale;
                raw.Offset = channel.Conversion.ScaleOffset * channel.UnitScale;
                dictionary.Add(raw);

                var engineering = new ParameterDefinition(channel.EngineeringParameter, channel.Name, channel.EngineeringType, channel.Unit,
                    channel.Description + ", converted on board");
                engineering.Scale = channel.UnitScale;
                engineering.LowLimit = channel.LowLimit;
                engineering.HighLimit = channel.HighLimit;
                dictionary.Add(engineering);
            }
            dictionary.Add(new ParameterDefinition(HousekeepingAdcMap.ConversionsParameter, "hkadc.conversions", DataType.UInt32, "",
                "Housekeeping ADC conversions read since boot"));
            var failures = new ParameterDefinition(HousekeepingAdcMap.ReadFailuresParameter, "hkadc.read_failures", DataType.UInt32, "",
                "Housekeeping ADC conversions failed (SPI error or bad null bit) since boot");
            failures.HighLimit = 0;
            dictionary.Add(failures);
            var stale = new ParameterDefinition(HousekeepingAdcMap.StaleParameter, "hkadc.stale", DataType.UInt8, "",
                "Bit n set while input CHn's last conversion failed and its values are old");
            stale.HighLimit = 0;
            dictionary.Add(stale);
        }

        /// <summary>Conversions read successfully since boot.</summary>
        public long Conversions { get { return _conversions; } }

        /// <summary>Conversions that failed since boot.</summary>
        public long ReadFailures { get { return _readFailures; } }

        /// <summary>Bit n set while input n's last conversion failed.</summary>
        public int StaleMask { get { return _staleMask; } }

        /// <summary>Reads each input once and publishes the results.</summary>
        public void Run(long frame, long nowMicroseconds)
        {
            for (int i = 0; i < _channels.Length; i++)
            {
                HousekeepingChannel channel = _channels[i];
                int bit = 1 << channel.AdcChannel;
                int code;
                if (TryConvert(channel.AdcChannel, out code))
                {
                    _conversions++;
                    _staleMask &= ~bit;
                    _parameters.SetAt(_rawIndex[i], code);
                    _parameters.SetAt(_engineeringIndex[i], channel.Conversion.ToEngineering(code));
                }
                else
                {
                    _readFailures++;
                    _staleMask |= bit;
                }
            }
            _parameters.SetAt(_conversionsIndex, _conversions);
            _parameters.SetAt(_failuresIndex, _readFailures);
            _parameters.SetAt(_staleIndex, _staleMask);
        }

        private bool TryConvert(int adcChannel, out int code)
        {
            try
            {
                return _adc.TryRead(adcChannel, out code);
            }
            catch (Exception)
            {
                // Whatever the bus driver throws, housekeeping carries on; the counter tells the ground.
                code = 0;
                return false;
            }
        }

        private static int Require(ParameterTable parameters, ushort id)
        {
            int index = parameters.IndexOf(id);
            if (index < 0) throw new ArgumentException("parameter " + id.ToString() + " is not declared", nameof(parameters));
            return index;
        }
    }
}

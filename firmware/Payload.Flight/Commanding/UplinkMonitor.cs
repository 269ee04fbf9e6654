using Payload.Flight.Dictionary;
using Payload.Flight.Events;
using Payload.Flight.Executive;
using Payload.Flight.Parameters;
using Payload.Flight.Protocol;

namespace Payload.Flight.Commanding
{
    /// <summary>Telemeters the link deframer's counts and raises an event whenever frames were discarded since the last look.</summary>
    public sealed class UplinkMonitor : IRateGroupMember
    {
        /// <summary>Frames delivered to acceptance.</summary>
        public const ushort FramesParameter = 210;
        /// <summary>Frames discarded, all reasons.</summary>
        public const ushort DiscardedParameter = 211;
        /// <summary>Octets discarded (garbage, broken frames).</summary>
        public const ushort BytesDiscardedParameter = 212;
        /// <summary>Frames discarded for being longer than the largest packet.</summary>
        public const ushort OversizeParameter = 213;
        /// <summary>Frames discarded for a broken COBS encoding.</summary>
        public const ushort MalformedParameter = 214;
        /// <summary>Frames discarded for being cut short.</summary>
        public const ushort TruncatedParameter = 215;
        /// <summary>Frames were discarded since the last report.</summary>
        public const ushort DiscardEvent = 210;

        private readonly CobsFrameDecoder _decoder;
        private readonly ParameterTable _parameters;
        private readonly IEventSink _events;
        private long _reportedDiscards;

        /// <summary>Watches <paramref name="decoder"/>.</summary>
        public UplinkMonitor(CobsFrameDecoder decoder, ParameterTable parameters, IEventSink events)
        {
            _decoder = decoder;
            _parameters = parameters;
            _events = events;
        }

        /// <summary>Adds the uplink declarations.</summary>
        public static void Declare(DictionaryBuilder dictionary)
        {
            dictionary.Add(new ParameterDefinition(FramesParameter, "uplink.frames", DataType.UInt32, "", "Frames delivered to acceptance"));
            var discarded = new ParameterDefinition(DiscardedParameter, "uplink.discarded", DataType.UInt32, "", "Frames discarded by the deframer");
            discarded.HighLimit = 0;
            dictionary.Add(discarded);
            dictionary.Add(new ParameterDefinition(BytesDiscardedParameter, "uplink.bytes_discarded", DataType.UInt32, "octets", "Octets discarded by the deframer"));
            dictionary.Add(new ParameterDefinition(OversizeParameter, "uplink.oversize", DataType.UInt32, "", "Frames longer than the largest packet"));
            dictionary.Add(new ParameterDefinition(MalformedParameter, "uplink.malformed", DataType.UInt32, "", "Frames with a broken COBS encoding"));
            dictionary.Add(new ParameterDefinition(TruncatedParameter, "uplink.truncated", DataType.UInt32, "", "Frames cut short"));
            dictionary.Add(new EventDefinition(DiscardEvent, "UPLINK_FRAMES_DISCARDED", Severity.Low, "The deframer discarded frames since the last report",
                new ArgumentDefinition[]
                {
                    new ArgumentDefinition("frames", DataType.UInt32, "", "Frames discarded since the last report"),
                    new ArgumentDefinition("total", DataType.UInt32, "", "Frames discarded since boot"),
                }));
        }

        /// <summary>Publishes the counts.</summary>
        public void Run(long frame, long nowMicroseconds)
        {
            long discarded = _decoder.TotalDiscarded;
            _parameters.Set(FramesParameter, _decoder.FramesDelivered);
            _parameters.Set(DiscardedParameter, discarded);
            _parameters.Set(BytesDiscardedParameter, _decoder.BytesDiscarded);
            _parameters.Set(OversizeParameter, _decoder.DiscardedCount(FrameDiscardReason.Oversize));
            _parameters.Set(MalformedParameter, _decoder.DiscardedCount(FrameDiscardReason.MalformedCobs));
            _parameters.Set(TruncatedParameter, _decoder.DiscardedCount(FrameDiscardReason.Truncated));
            if (discarded != _reportedDiscards)
            {
                _events.Raise(DiscardEvent, discarded - _reportedDiscards, discarded);
                _reportedDiscards = discarded;
            }
        }
    }
}

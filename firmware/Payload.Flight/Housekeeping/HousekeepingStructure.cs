using System;
using Payload.Flight.Dictionary;
using Payload.Flight.Parameters;
using Payload.Flight.Protocol;

namespace Payload.Flight.Housekeeping
{
    /// <summary>One housekeeping structure at run time: its parameters resolved to table positions, its mutable schedule, and its encodings.</summary>
    public sealed class HousekeepingStructure
    {
        /// <summary>Shortest collection interval, in minor frames.</summary>
        public const int MinIntervalTicks = 1;
        /// <summary>Longest collection interval, in minor frames (one hour at 100 Hz).</summary>
        public const int MaxIntervalTicks = 360000;

        private const int LayoutHeaderLength = 1 + 1 + 4 + 2;
        private const long Unscheduled = -1;

        private readonly HousekeepingStructureDefinition _definition;
        private readonly int[] _parameterIndexes;
        private readonly DataType[] _types;
        private long _nextDue = Unscheduled;

        /// <summary>Resolves the structure against the table; throws when it names an unknown or variable-length parameter, has an interval out of range, or does not fit one packet.</summary>
        public HousekeepingStructure(HousekeepingStructureDefinition definition, ParameterTable parameters)
        {
            _definition = definition;
            ushort[] ids = definition.ParameterIds;
            _parameterIndexes = new int[ids.Length];
            _types = new DataType[ids.Length];
            int length = 1;
            for (int k = 0; k < ids.Length; k++)
            {
                int index = parameters.IndexOf(ids[k]);
                if (index < 0)
                    throw new InvalidOperationException("housekeeping structure " + definition.Name + " names unknown parameter " + ids[k].ToString());
                DataType type = parameters.DefinitionAt(index).Type;
                int size = DataTypes.SizeOf(type);
                if (size == 0)
                    throw new InvalidOperationException("housekeeping structure " + definition.Name + " names a variable-length parameter");
                _parameterIndexes[k] = index;
                _types[k] = type;
                length += size;
            }
            if (definition.IntervalTicks < MinIntervalTicks || definition.IntervalTicks > MaxIntervalTicks)
                throw new InvalidOperationException("housekeeping structure " + definition.Name + " has an interval out of range");
            ReportLength = length;
            LayoutLength = LayoutHeaderLength + 2 * ids.Length;
            if (ReportLength > PacketLimits.MaxTelemetryApplicationDataLength || LayoutLength > PacketLimits.MaxTelemetryApplicationDataLength)
                throw new InvalidOperationException("housekeeping structure " + definition.Name + " does not fit one telemetry packet");
            IntervalTicks = definition.IntervalTicks;
            Enabled = definition.EnabledAtBoot;
        }

        /// <summary>Structure identifier.</summary>
        public byte Id { get { return _definition.Id; } }

        /// <summary>True while periodic generation is on.</summary>
        public bool Enabled { get; private set; }

        /// <summary>Present collection interval in minor frames.</summary>
        public int IntervalTicks { get; private set; }

        /// <summary>Octets of the TM[3,25] application data.</summary>
        public int ReportLength { get; }

        /// <summary>Octets of the TM[3,10] application data.</summary>
        public int LayoutLength { get; }

        /// <summary>Turns periodic generation on or off; turning it on schedules a report at the next run.</summary>
        public void SetEnabled(bool enabled)
        {
            if (enabled == Enabled) return;
            Enabled = enabled;
            _nextDue = Unscheduled;
        }

        /// <summary>Changes the interval; the next report comes one new interval after the last one (or at the next run if that is past).</summary>
        public void SetInterval(int ticks)
        {
            if (ticks < MinIntervalTicks || ticks > MaxIntervalTicks) throw new ArgumentOutOfRangeException("ticks");
            if (_nextDue != Unscheduled) _nextDue += ticks - IntervalTicks;
            IntervalTicks = ticks;
        }

        /// <summary>True when an enabled structure is due at <paramref name="frame"/>; the next report is then due one interval later.</summary>
        /// <remarks>Counting from the frame of the report, not from when it was due, keeps reports at least an interval apart after a frame slip or an interval change.</remarks>
        public bool TakeDue(long frame)
        {
            if (!Enabled || frame < _nextDue) return false;
            _nextDue = frame + IntervalTicks;
            return true;
        }

        /// <summary>Writes the TM[3,25] application data: id (u8), then each parameter's present value in its type.</summary>
        public int WriteReport(ParameterTable parameters, byte[] buffer)
        {
            buffer[0] = _definition.Id;
            int length = 1;
            for (int k = 0; k < _parameterIndexes.Length; k++)
            {
                DataType type = _types[k];
                long value = parameters.ValueAt(_parameterIndexes[k]);
                if (type == DataType.Boolean) value = value != 0 ? 1 : 0;
                length += DataTypes.Write(type, value, buffer, length);
            }
            return length;
        }

        /// <summary>Writes the TM[3,10] application data: id (u8), enabled (u8), interval (u32), count (u16), parameter ids (u16 each).</summary>
        public int WriteLayout(byte[] buffer)
        {
            ushort[] ids = _definition.ParameterIds;
            buffer[0] = _definition.Id;
            buffer[1] = Enabled ? (byte)1 : (byte)0;
            BigEndian.WriteUInt32(buffer, 2, IntervalTicks);
            BigEndian.WriteUInt16(buffer, 6, ids.Length);
            for (int k = 0; k < ids.Length; k++)
            {
                BigEndian.WriteUInt16(buffer, LayoutHeaderLength + 2 * k, ids[k]);
            }
            return LayoutHeaderLength + 2 * ids.Length;
        }
    }
}

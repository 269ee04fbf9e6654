using System;
using Payload.Flight.Dictionary;

namespace Payload.Flight.Parameters
{
    /// <summary>The current raw value of every parameter in the dictionary: components write their telemetry here, housekeeping and ST[20] read it.</summary>
    public sealed class ParameterTable
    {
        private readonly ParameterDefinition[] _definitions;
        private readonly ushort[] _ids;
        private readonly long[] _values;

        /// <summary>Creates the table with every parameter at its default value.</summary>
        public ParameterTable(MissionDictionary dictionary)
        {
            int count = dictionary.Parameters.Length;
            _definitions = new ParameterDefinition[count];
            _ids = new ushort[count];
            _values = new long[count];
            for (int i = 0; i < count; i++)
            {
                _definitions[i] = dictionary.Parameters[i];
            }
            // Sorted by identifier so lookups are a binary search.
            for (int i = 1; i < count; i++)
            {
                ParameterDefinition key = _definitions[i];
                int j = i - 1;
                while (j >= 0 && _definitions[j].Id > key.Id)
                {
                    _definitions[j + 1] = _definitions[j];
                    j--;
                }
                _definitions[j + 1] = key;
            }
            for (int i = 0; i < count; i++)
            {
                _ids[i] = _definitions[i].Id;
                _values[i] = _definitions[i].DefaultValue;
            }
        }

        /// <summary>Number of parameters.</summary>
        public int Count { get { return _values.Length; } }

        /// <summary>The position of a parameter, or -1 when the identifier is unknown.</summary>
        public int IndexOf(ushort id)
        {
            int low = 0;
            int high = _ids.Length - 1;
            while (low <= high)
            {
                int middle = (low + high) >> 1;
                ushort found = _ids[middle];
                if (found == id) return middle;
                if (found < id) low = middle + 1;
                else high = middle - 1;
            }
            return -1;
        }

        /// <summary>The definition at a position.</summary>
        public ParameterDefinition DefinitionAt(int index)
        {
            return _definitions[index];
        }

        /// <summary>The value at a position.</summary>
        public long ValueAt(int index)
        {
            return _values[index];
        }

        /// <summary>The value of a parameter; throws for an unknown identifier, which is a programming error on board.</summary>
        public long Get(ushort id)
        {
            return _values[Require(id)];
        }

        /// <summary>Publishes a component's value.</summary>
        public void Set(ushort id, long value)
        {
            _values[Require(id)] = value;
        }

        /// <summary>Adds one to a counter parameter.</summary>
        public void Increment(ushort id)
        {
            _values[Require(id)]++;
        }

        /// <summary>Raises a high-water-mark parameter to <paramref name="value"/> if it is higher.</summary>
        public void RaiseTo(ushort id, long value)
        {
            int index = Require(id);
            if (value > _values[index]) _values[index] = value;
        }

        /// <summary>Writes a value at a position without checks (used by restore from storage and by ST[20] after its checks).</summary>
        public void SetAt(int index, long value)
        {
            _values[index] = value;
        }

        private int Require(ushort id)
        {
            int index = IndexOf(id);
            if (index < 0) throw new ArgumentException("unknown parameter " + id.ToString());
            return index;
        }
    }
}

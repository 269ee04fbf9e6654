namespace Payload.Flight.Dictionary
{
    /// <summary>FNV-1a (32-bit) over a canonical walk of every declaration, so board and ground agree on one number.</summary>
    public static class DictionaryHash
    {
        private const uint OffsetBasis = 2166136261;
        private const uint Prime = 16777619;

        /// <summary>Hashes names, identifiers, types, units, ranges, enumeration labels, calibrations and structure layouts in declaration order.</summary>
        public static uint Compute(MissionDictionary dictionary)
        {
            uint hash = OffsetBasis;
            for (int i = 0; i < dictionary.Commands.Length; i++)
            {
                CommandDefinition c = dictionary.Commands[i];
                hash = AddText(hash, c.Mnemonic);
                hash = AddNumber(hash, c.Service);
                hash = AddNumber(hash, c.Subtype);
                hash = AddNumber(hash, c.AllowedModes);
                hash = AddNumber(hash, c.TimeoutTicks);
                hash = AddArguments(hash, c.Arguments);
            }
            for (int i = 0; i < dictionary.Parameters.Length; i++)
            {
                ParameterDefinition p = dictionary.Parameters[i];
                hash = AddNumber(hash, p.Id);
                hash = AddText(hash, p.Name);
                hash = AddNumber(hash, (long)p.Type);
                hash = AddText(hash, p.Unit);
                hash = AddNumber(hash, p.Settable ? 1 : 0);
                hash = AddNumber(hash, p.Minimum);
                hash = AddNumber(hash, p.Maximum);
                hash = AddNumber(hash, p.LowLimit);
                hash = AddNumber(hash, p.HighLimit);
                // Calibration in nano-units: the ground turns raw values into engineering ones with it.
                hash = AddNumber(hash, (long)(p.Scale * 1000000000.0));
                hash = AddNumber(hash, (long)(p.Offset * 1000000000.0));
                hash = AddLabels(hash, p.EnumerationLabels);
            }
            for (int i = 0; i < dictionary.Events.Length; i++)
            {
                EventDefinition e = dictionary.Events[i];
                hash = AddNumber(hash, e.Id);
                hash = AddText(hash, e.Name);
                hash = AddNumber(hash, (long)e.Severity);
                hash = AddArguments(hash, e.Arguments);
            }
            for (int i = 0; i < dictionary.HousekeepingStructures.Length; i++)
            {
                HousekeepingStructureDefinition s = dictionary.HousekeepingStructures[i];
                hash = AddNumber(hash, s.Id);
                hash = AddText(hash, s.Name);
                for (int k = 0; k < s.ParameterIds.Length; k++) hash = AddNumber(hash, s.ParameterIds[k]);
            }
            for (int i = 0; i < dictionary.Functions.Length; i++)
            {
                FunctionDefinition f = dictionary.Functions[i];
                hash = AddNumber(hash, f.Id);
                hash = AddText(hash, f.Name);
                hash = AddArguments(hash, new ArgumentDefinition[] { f.Argument });
            }
            return hash;
        }

        private static uint AddArguments(uint hash, ArgumentDefinition[] arguments)
        {
            hash = AddNumber(hash, arguments.Length);
            for (int i = 0; i < arguments.Length; i++)
            {
                hash = AddText(hash, arguments[i].Name);
                hash = AddNumber(hash, (long)arguments[i].Type);
                hash = AddText(hash, arguments[i].Unit);
                hash = AddNumber(hash, arguments[i].Minimum);
                hash = AddNumber(hash, arguments[i].Maximum);
                hash = AddLabels(hash, arguments[i].EnumerationLabels);
            }
            return hash;
        }

        private static uint AddLabels(uint hash, string[] labels)
        {
            hash = AddNumber(hash, labels == null ? -1 : labels.Length);
            for (int k = 0; labels != null && k < labels.Length; k++) hash = AddText(hash, labels[k]);
            return hash;
        }

        private static uint AddText(uint hash, string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                hash = AddByte(hash, (byte)c);
                hash = AddByte(hash, (byte)(c >> 8));
            }
            return AddByte(hash, 0);
        }

        private static uint AddNumber(uint hash, long value)
        {
            for (int i = 0; i < 8; i++)
            {
                hash = AddByte(hash, (byte)value);
                value >>= 8;
            }
            return hash;
        }

        private static uint AddByte(uint hash, byte value)
        {
            return (hash ^ value) * Prime;
        }
    }
}

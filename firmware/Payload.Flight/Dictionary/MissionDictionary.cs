using System;

namespace Payload.Flight.Dictionary
{
    /// <summary>Every command, parameter, event, housekeeping structure and function of the payload: the one source the ground's JSON and XTCE are generated from.</summary>
    public sealed class MissionDictionary
    {
        /// <summary>Freezes the declarations and checks that identifiers and names are unique and references resolve.</summary>
        public MissionDictionary(CommandDefinition[] commands, ParameterDefinition[] parameters, EventDefinition[] events,
            HousekeepingStructureDefinition[] structures, FunctionDefinition[] functions)
        {
            Commands = commands;
            Parameters = parameters;
            Events = events;
            HousekeepingStructures = structures;
            Functions = functions;
            Validate();
            Hash = DictionaryHash.Compute(this);
        }

        /// <summary>All commands.</summary>
        public CommandDefinition[] Commands { get; }

        /// <summary>All parameters.</summary>
        public ParameterDefinition[] Parameters { get; }

        /// <summary>All events.</summary>
        public EventDefinition[] Events { get; }

        /// <summary>All housekeeping structures.</summary>
        public HousekeepingStructureDefinition[] HousekeepingStructures { get; }

        /// <summary>All ST[8] functions.</summary>
        public FunctionDefinition[] Functions { get; }

        /// <summary>FNV-1a hash of every declaration; reported at boot and in housekeeping so the ground can refuse a mismatch.</summary>
        public uint Hash { get; }

        /// <summary>The command with this service and subtype, or null.</summary>
        public CommandDefinition FindCommand(byte service, byte subtype)
        {
            for (int i = 0; i < Commands.Length; i++)
            {
                if (Commands[i].Service == service && Commands[i].Subtype == subtype) return Commands[i];
            }
            return null;
        }

        /// <summary>True when any command uses this service.</summary>
        public bool HasService(byte service)
        {
            for (int i = 0; i < Commands.Length; i++)
            {
                if (Commands[i].Service == service) return true;
            }
            return false;
        }

        /// <summary>The parameter with this identifier, or null.</summary>
        public ParameterDefinition FindParameter(ushort id)
        {
            for (int i = 0; i < Parameters.Length; i++)
            {
                if (Parameters[i].Id == id) return Parameters[i];
            }
            return null;
        }

        /// <summary>The event with this identifier, or null.</summary>
        public EventDefinition FindEvent(ushort id)
        {
            for (int i = 0; i < Events.Length; i++)
            {
                if (Events[i].Id == id) return Events[i];
            }
            return null;
        }

        /// <summary>The housekeeping structure with this identifier, or null.</summary>
        public HousekeepingStructureDefinition FindHousekeepingStructure(byte id)
        {
            for (int i = 0; i < HousekeepingStructures.Length; i++)
            {
                if (HousekeepingStructures[i].Id == id) return HousekeepingStructures[i];
            }
            return null;
        }

        /// <summary>The function with this identifier, or null.</summary>
        public FunctionDefinition FindFunction(ushort id)
        {
            for (int i = 0; i < Functions.Length; i++)
            {
                if (Functions[i].Id == id) return Functions[i];
            }
            return null;
        }

        private void Validate()
        {
            for (int i = 0; i < Commands.Length; i++)
            {
                for (int j = i + 1; j < Commands.Length; j++)
                {
                    if (Commands[i].Service == Commands[j].Service && Commands[i].Subtype == Commands[j].Subtype)
                        throw new InvalidOperationException("duplicate command service/subtype: " + Commands[j].Mnemonic);
                    if (Commands[i].Mnemonic == Commands[j].Mnemonic)
                        throw new InvalidOperationException("duplicate command mnemonic: " + Commands[j].Mnemonic);
                }
            }
            for (int i = 0; i < Parameters.Length; i++)
            {
                for (int j = i + 1; j < Parameters.Length; j++)
                {
                    if (Parameters[i].Id == Parameters[j].Id || Parameters[i].Name == Parameters[j].Name)
                        throw new InvalidOperationException("duplicate parameter: " + Parameters[j].Name);
                }
            }
            for (int i = 0; i < Events.Length; i++)
            {
                for (int j = i + 1; j < Events.Length; j++)
                {
                    if (Events[i].Id == Events[j].Id || Events[i].Name == Events[j].Name)
                        throw new InvalidOperationException("duplicate event: " + Events[j].Name);
                }
            }
            for (int i = 0; i < Functions.Length; i++)
            {
                for (int j = i + 1; j < Functions.Length; j++)
                {
                    if (Functions[i].Id == Functions[j].Id || Functions[i].Name == Functions[j].Name)
                        throw new InvalidOperationException("duplicate function: " + Functions[j].Name);
                }
            }
            for (int i = 0; i < HousekeepingStructures.Length; i++)
            {
                HousekeepingStructureDefinition structure = HousekeepingStructures[i];
                for (int j = i + 1; j < HousekeepingStructures.Length; j++)
                {
                    if (structure.Id == HousekeepingStructures[j].Id || structure.Name == HousekeepingStructures[j].Name)
                        throw new InvalidOperationException("duplicate housekeeping structure: " + HousekeepingStructures[j].Name);
                }
                for (int k = 0; k < structure.ParameterIds.Length; k++)
                {
                    if (FindParameter(structure.ParameterIds[k]) == null)
                        throw new InvalidOperationException("housekeeping structure " + structure.Name + " names unknown parameter " + structure.ParameterIds[k].ToString());
                }
            }
        }
    }
}

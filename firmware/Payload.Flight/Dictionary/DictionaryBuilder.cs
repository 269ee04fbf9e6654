using System;
using System.Collections;

namespace Payload.Flight.Dictionary
{
    /// <summary>Collects the declarations of every concept at boot and freezes them into a <see cref="MissionDictionary"/>.</summary>
    public sealed class DictionaryBuilder
    {
        private readonly ArrayList _commands = new ArrayList();
        private readonly ArrayList _parameters = new ArrayList();
        private readonly ArrayList _events = new ArrayList();
        private readonly ArrayList _structures = new ArrayList();
        private readonly ArrayList _functions = new ArrayList();

        /// <summary>Adds a command.</summary>
        public CommandDefinition Add(CommandDefinition command) { _commands.Add(command); return command; }

        /// <summary>Adds a parameter.</summary>
        public ParameterDefinition Add(ParameterDefinition parameter) { _parameters.Add(parameter); return parameter; }

        /// <summary>Adds an event.</summary>
        public EventDefinition Add(EventDefinition definition) { _events.Add(definition); return definition; }

        /// <summary>Adds a housekeeping structure.</summary>
        public HousekeepingStructureDefinition Add(HousekeepingStructureDefinition structure) { _structures.Add(structure); return structure; }

        /// <summary>Adds a function.</summary>
        public FunctionDefinition Add(FunctionDefinition function) { _functions.Add(function); return function; }

        /// <summary>Freezes the declarations; throws when two share an identifier or a name, which is a programming error.</summary>
        public MissionDictionary Build()
        {
            var commands = new CommandDefinition[_commands.Count];
            for (int i = 0; i < commands.Length; i++) commands[i] = (CommandDefinition)_commands[i];
            var parameters = new ParameterDefinition[_parameters.Count];
            for (int i = 0; i < parameters.Length; i++) parameters[i] = (ParameterDefinition)_parameters[i];
            var events = new EventDefinition[_events.Count];
            for (int i = 0; i < events.Length; i++) events[i] = (EventDefinition)_events[i];
            var structures = new HousekeepingStructureDefinition[_structures.Count];
            for (int i = 0; i < structures.Length; i++) structures[i] = (HousekeepingStructureDefinition)_structures[i];
            var functions = new FunctionDefinition[_functions.Count];
            for (int i = 0; i < functions.Length; i++) functions[i] = (FunctionDefinition)_functions[i];
            return new MissionDictionary(commands, parameters, events, structures, functions);
        }
    }
}

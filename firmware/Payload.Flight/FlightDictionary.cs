using Payload.Flight.Commanding;
using Payload.Flight.Config;
using Payload.Flight.Dictionary;
using Payload.Flight.Executive;
using Payload.Flight.Modes;

namespace Payload.Flight
{
    /// <summary>The payload's one dictionary: every concept adds its declarations here, in a fixed order.</summary>
    /// <remarks>The device builds it at boot; the host exports it to JSON and XTCE; both hash the same declarations.</remarks>
    public static class FlightDictionary
    {
        /// <summary>Builds the complete dictionary.</summary>
        public static MissionDictionary Build()
        {
            var dictionary = new DictionaryBuilder();
            FlightExecutive.Declare(dictionary, FlightConfiguration.RateGroups());
            CommandingDictionary.Declare(dictionary);
            ModeManager.Declare(dictionary);
            return dictionary.Build();
        }
    }
}

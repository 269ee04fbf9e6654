using Payload.Flight.Commanding;
using Payload.Flight.Dictionary;
using Payload.Flight.Modes;
using Payload.Flight.Telemetry;

namespace Payload.Flight.ConnectionTest
{
    /// <summary>PUS ST[17] test: answers TC[17,1] are-you-alive with TM[17,2], in every mode.</summary>
    public sealed class ConnectionTestService : ICommandHandler
    {
        /// <summary>PUS service type.</summary>
        public const byte Service = 17;
        /// <summary>TC[17,1] are-you-alive connection test.</summary>
        public const byte AreYouAliveSubtype = 1;
        /// <summary>TM[17,2] are-you-alive connection test report.</summary>
        public const byte AliveReportSubtype = 2;

        private static readonly byte[] Empty = new byte[0];
        private readonly ITelemetrySink _telemetry;

        /// <summary>Creates the service; reports go to <paramref name="telemetry"/> in the routine class.</summary>
        public ConnectionTestService(ITelemetrySink telemetry)
        {
            _telemetry = telemetry;
        }

        /// <summary>Adds the ST[17] declarations.</summary>
        public static void Declare(DictionaryBuilder dictionary)
        {
            dictionary.Add(new CommandDefinition("TEST_ARE_YOU_ALIVE", Service, AreYouAliveSubtype,
                "Connection test: the payload answers with TM[17,2]", new ArgumentDefinition[0], ModeMask.Any, 1));
        }

        /// <summary>Sends TM[17,2]; fails with ExecutionError when the report could not be queued, so the ground is not left waiting for it.</summary>
        public CommandOutcome Start(CommandContext command)
        {
            if (!_telemetry.Send(TelemetryClass.Routine, Service, AliveReportSubtype, Empty, 0, 0))
            {
                return command.Fail(FailureCode.ExecutionError, 0);
            }
            return CommandOutcome.Completed;
        }

        /// <summary>The test completes in its first step.</summary>
        public CommandOutcome Continue(CommandContext command)
        {
            return CommandOutcome.Completed;
        }

        /// <summary>Nothing to undo.</summary>
        public void Abort(CommandContext command)
        {
        }
    }
}

using System;
using Payload.Flight.Commanding;
using Payload.Flight.Config;
using Payload.Flight.ConnectionTest;
using Payload.Flight.Dictionary;
using Payload.Flight.Events;
using Payload.Flight.Executive;
using Payload.Flight.Functions;
using Payload.Flight.Hardware;
using Payload.Flight.Housekeeping;
using Payload.Flight.LargeTransfer;
using Payload.Flight.Modes;
using Payload.Flight.Parameters;
using Payload.Flight.Persistence;
using Payload.Flight.Protocol;
using Payload.Flight.Scheduling;
using Payload.Flight.Status;
using Payload.Flight.Storage;
using Payload.Flight.Telemetry;
using Payload.Flight.Time;
using Payload.Flight.Verification;

namespace Payload.Flight
{
    /// <summary>
    /// The flight software's composition root and its step functions. The board owns the loop and calls:
    /// <see cref="OnMinorFrame"/> at every base tick, <see cref="OnLinkBytes"/> when link bytes arrive,
    /// <see cref="OnLinkStatus"/> when the link comes or goes, and <see cref="OnPinEdge"/> on an edge of a watched input. None of them blocks or allocates; each first advances
    /// on-board time to the instant the board gives, so everything a step produces carries that time.
    /// </summary>
    /// <remarks>Everything is allocated here, at boot, in dependency order.</remarks>
    public sealed class FlightSoftware
    {
        /// <summary>Input lines that may have an edge handler.</summary>
        public const int MaxPinHandlers = 4;

        private readonly CobsFrameDecoder _uplink;
        private readonly int[] _handledPins = new int[MaxPinHandlers];
        private readonly IPinEdgeHandler[] _pinHandlers = new IPinEdgeHandler[MaxPinHandlers];
        private int _pinHandlerCount;

        /// <summary>Boots the flight core on <paramref name="hardware"/> with the core dictionary.</summary>
        public FlightSoftware(FlightHardware hardware, long bootMicroseconds)
            : this(hardware, bootMicroseconds, FlightDictionary.Build())
        {
        }

        /// <summary>Boots the flight core on <paramref name="hardware"/> with <paramref name="dictionary"/>, which must include <see cref="FlightDictionary.Declare"/>.</summary>
        public FlightSoftware(FlightHardware hardware, long bootMicroseconds, MissionDictionary dictionary)
        {
            Dictionary = dictionary;
            Time = new OnboardTime();
            Time.Advance(bootMicroseconds);
            Parameters = new ParameterTable(dictionary);
            Status = new SystemStatus(dictionary, Parameters, bootMicroseconds);

            PacketStore = new PacketStore(FlightConfiguration.PacketStoreBytes, FlightConfiguration.PacketStorePackets, Parameters);
            int linkBytesPerSecond = hardware.LinkBaudRate / 10 * FlightConfiguration.LinkAllocationPercent / 100;
            Downlink = new Downlink(FlightConfiguration.Apid, FlightConfiguration.GroundId, Time, hardware.Link, linkBytesPerSecond,
                FlightConfiguration.MinorFrameMicroseconds, FlightConfiguration.UrgentQueueCapacity,
                FlightConfiguration.RoutineQueueCapacity, FlightConfiguration.BulkQueueCapacity, Parameters, PacketStore);
            Events = new EventReporter(dictionary, Downlink, Parameters, FlightConfiguration.EventThrottleWindowFrames);
            LargeTransfer = new LargePacketSender(Downlink, Events, Parameters, FlightConfiguration.LargeTransferCapacity,
                FlightConfiguration.LargeTransferPartSize, FlightConfiguration.BulkQueueCapacity);

            // Settable configuration must be restored before any component reads it.
            Records = new RecordStore(hardware.Storage, RecordLayoutFor(), Events, Parameters);
            Persistence = new ParameterPersistence(Records, Events);
            Persistence.Restore(Parameters);

            Executive = new FlightExecutive(FlightConfiguration.RateGroups(), hardware.Clock, hardware.Watchdog, Events, Parameters);
            Modes = new ModeManager(Events, Parameters);
            var verification = new VerificationReporter(Downlink);
            Commands = new CommandQueue(FlightConfiguration.CommandQueueCapacity, FlightConfiguration.MaxRunningCommands, verification);
            Receiver = new TelecommandReceiver(FlightConfiguration.Apid, dictionary, Commands, verification, Modes, Events, Parameters);
            _uplink = new CobsFrameDecoder(FlightConfiguration.MaxFrameLength, Receiver);
            Dispatcher = new CommandDispatcher(dictionary, Commands, verification, Events, Parameters,
                FlightConfiguration.MaxRunningCommands, FlightConfiguration.CommandStartsPerCycle);

            Housekeeping = new HousekeepingService(dictionary, Parameters, Downlink);
            TimeService = new TimeService(Time, Records, Downlink, Events, Parameters, FlightConfiguration.TimePersistIntervalSeconds);
            TimeService.Restore();
            Schedule = new TimeBasedSchedule(FlightConfiguration.ScheduleCapacity, FlightConfiguration.ScheduleMaxCommandLength,
                FlightConfiguration.ScheduleReleasesPerFrame, Receiver, Commands, Time, Downlink, Events, Parameters);
            Functions = new FunctionRegistry(dictionary, FlightConfiguration.MaxRunningCommands, Parameters);
            var storeService = new PacketStoreService(PacketStore, Downlink, Downlink, Parameters, FlightConfiguration.ReplayPacketsPerProgressReport);

            Dispatcher.BindService(HousekeepingServiceType, Housekeeping);
            Dispatcher.BindService(EventServiceType, new EventReportingService(Events, Downlink));
            Dispatcher.BindService(FunctionRegistry.Service, Functions);
            Dispatcher.BindService(TimeService.Service, TimeService);
            Dispatcher.BindService(TimeBasedSchedule.Service, Schedule);
            Dispatcher.BindService(PacketStore.Service, storeService);
            Dispatcher.BindService(ConnectionTestService.Service, new ConnectionTestService(Downlink));
            Dispatcher.BindService(ParameterServiceType, new ParameterService(Parameters, Persistence, Downlink, Events));
            Dispatcher.BindService(ModeManager.Service, Modes);
            Dispatcher.BindService(LargePacketSender.Service, new LargeTransferService(LargeTransfer));

            // Order within the frame: release due commands and execute them here; an application adds its own members
            // next; CompleteBoot then closes the frame with reporting and hands the frame's telemetry to the link.
            RateGroup frame = Executive.Group(FlightConfiguration.FrameGroup);
            frame.Add(Schedule);
            frame.Add(Dispatcher);
            RateGroup slow = Executive.Group(FlightConfiguration.SlowGroup);
            slow.Add(Status);
            slow.Add(TimeService);
            slow.Add(new UplinkMonitor(_uplink, Parameters, Events));
            Executive.Group(FlightConfiguration.CommandGroup).Add(new ArrivalDispatch(Dispatcher));
        }

        /// <summary>PUS ST[3] housekeeping.</summary>
        public const byte HousekeepingServiceType = 3;
        /// <summary>PUS ST[5] event reporting.</summary>
        public const byte EventServiceType = 5;
        /// <summary>PUS ST[20] parameter management.</summary>
        public const byte ParameterServiceType = 20;

        /// <summary>The dictionary the software runs with.</summary>
        public MissionDictionary Dictionary { get; }

        /// <summary>On-board time.</summary>
        public OnboardTime Time { get; }

        /// <summary>Every parameter's present value.</summary>
        public ParameterTable Parameters { get; }

        /// <summary>Identity and uptime.</summary>
        public SystemStatus Status { get; }

        /// <summary>ST[5] event reporting, the components' event sink.</summary>
        public EventReporter Events { get; }

        /// <summary>The downlink arbiter, the components' telemetry sink.</summary>
        public Downlink Downlink { get; }

        /// <summary>ST[13] large message downlink, for products and snapshots.</summary>
        public LargePacketSender LargeTransfer { get; }

        /// <summary>The ST[15] packet store.</summary>
        public PacketStore PacketStore { get; }

        /// <summary>Power-cut-safe records in non-volatile storage.</summary>
        public RecordStore Records { get; }

        /// <summary>Saves the persisted parameters (one record for all of them); a component that changes one saves through it.</summary>
        public ParameterPersistence Persistence { get; }

        /// <summary>Rate groups and watchdog.</summary>
        public FlightExecutive Executive { get; }

        /// <summary>The payload's mode.</summary>
        public ModeManager Modes { get; }

        /// <summary>Accepted commands waiting for dispatch.</summary>
        public CommandQueue Commands { get; }

        /// <summary>Telecommand acceptance (link and schedule).</summary>
        public TelecommandReceiver Receiver { get; }

        /// <summary>Command execution.</summary>
        public CommandDispatcher Dispatcher { get; }

        /// <summary>ST[3] housekeeping.</summary>
        public HousekeepingService Housekeeping { get; }

        /// <summary>ST[9] time management.</summary>
        public TimeService TimeService { get; }

        /// <summary>ST[11] time-based schedule.</summary>
        public TimeBasedSchedule Schedule { get; }

        /// <summary>ST[8] functions; application components register theirs before <see cref="CompleteBoot"/>.</summary>
        public FunctionRegistry Functions { get; }

        /// <summary>Closes each frame with housekeeping, events and the downlink, checks that every declared command and function has an implementation, then announces the boot.</summary>
        /// <remarks>Separate from the constructor so an application can add its rate-group members and bind its commands and functions first.</remarks>
        public void CompleteBoot()
        {
            RateGroup frame = Executive.Group(FlightConfiguration.FrameGroup);
            frame.Add(Housekeeping);
            frame.Add(Events);
            frame.Add(LargeTransfer);
            frame.Add(Downlink);
            Executive.Group(FlightConfiguration.CommandGroup).Add(Downlink);
            Dispatcher.EnsureEveryCommandIsBound();
            Functions.EnsureEveryFunctionIsRegistered();
            Status.AnnounceBoot(Events);
        }

        /// <summary>Step: minor frame <paramref name="frame"/> begins at <paramref name="nowMicroseconds"/>.</summary>
        public void OnMinorFrame(long frame, long nowMicroseconds)
        {
            Time.Advance(nowMicroseconds);
            Executive.OnMinorFrame(frame, nowMicroseconds);
        }

        /// <summary>Step: bytes arrived from the link at <paramref name="nowMicroseconds"/>, in any chunking.</summary>
        /// <remarks>
        /// When they complete a frame, the executive runs the command group at once: accepted commands start and every
        /// report (acceptance, rejection, start, completion) leaves within the link budget, instead of waiting up to a
        /// minor frame for the dispatcher and the downlink — what keeps a command's round trip to the link's wire time.
        /// </remarks>
        public void OnLinkBytes(byte[] data, int offset, int count, long nowMicroseconds)
        {
            Time.Advance(nowMicroseconds);
            long framesBefore = _uplink.FramesDelivered;
            _uplink.Push(data, offset, count);
            if (_uplink.FramesDelivered != framesBefore) Executive.RunOnDemand(FlightConfiguration.CommandGroup, nowMicroseconds);
        }

        /// <summary>Step: the link came up or went down; while down, telemetry goes to the packet store.</summary>
        public void OnLinkStatus(bool up, long nowMicroseconds)
        {
            Time.Advance(nowMicroseconds);
            Downlink.SetLinkUp(up);
        }

        /// <summary>Connects the component that handles edges on input line <paramref name="pin"/> (at boot).</summary>
        public void HandlePinEdges(int pin, IPinEdgeHandler handler)
        {
            if (_pinHandlerCount == MaxPinHandlers) throw new InvalidOperationException("too many pin handlers");
            _handledPins[_pinHandlerCount] = pin;
            _pinHandlers[_pinHandlerCount] = handler;
            _pinHandlerCount++;
        }

        /// <summary>Step: an edge on input line <paramref name="pin"/> at <paramref name="nowMicroseconds"/>; edges on unwatched lines are ignored.</summary>
        public void OnPinEdge(int pin, bool rising, long nowMicroseconds)
        {
            Time.Advance(nowMicroseconds);
            for (int i = 0; i < _pinHandlerCount; i++)
            {
                if (_handledPins[i] == pin) _pinHandlers[i].OnEdge(pin, rising, nowMicroseconds);
            }
        }

        private static RecordLayout RecordLayoutFor()
        {
            return new RecordLayout(0,
                new ushort[] { ParameterPersistence.RecordId, TimeService.RecordId },
                new int[] { ParameterPersistence.MaxPayloadLength, TimeService.RecordPayloadLength },
                FlightConfiguration.RecordSlotAlignment);
        }
    }
}

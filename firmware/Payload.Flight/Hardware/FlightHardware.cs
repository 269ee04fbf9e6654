using Payload.Flight.Config;

namespace Payload.Flight.Hardware
{
    /// <summary>What the board hands the flight software at boot: its clock, link, storage and lines.</summary>
    /// <remarks>The ESP32 board fills it with nanoFramework devices, the simulated board with its models.</remarks>
    public sealed class FlightHardware
    {
        /// <summary>Collects the board's interfaces; none may be null.</summary>
        public FlightHardware(IMonotonicClock clock, ILinkTransmitter link, INonVolatileStore storage, IOutputPin watchdog)
        {
            Clock = clock;
            Link = link;
            Storage = storage;
            Watchdog = watchdog;
            LinkBaudRate = FlightConfiguration.LinkBaudRate;
        }

        /// <summary>The free-running microsecond counter.</summary>
        public IMonotonicClock Clock { get; }

        /// <summary>The transmit side of the spacecraft link.</summary>
        public ILinkTransmitter Link { get; }

        /// <summary>The baud rate the board opened the link at (8N1); the downlink paces itself to it. Default <see cref="FlightConfiguration.LinkBaudRate"/>.</summary>
        public int LinkBaudRate { get; set; }

        /// <summary>The flash partition for parameters, time and other records.</summary>
        public INonVolatileStore Storage { get; }

        /// <summary>The external supervisor's WDI line.</summary>
        public IOutputPin Watchdog { get; }
    }
}

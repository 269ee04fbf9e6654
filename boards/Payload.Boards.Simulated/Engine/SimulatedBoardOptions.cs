using Payload.Flight;
using Payload.Flight.Hardware;
using Payload.Flight.Instrument;

namespace Payload.Boards.Simulated.Engine;

/// <summary>How a simulated board is built: link speed, flash size, supervisor timeout, and the flight software it boots.</summary>
public sealed record SimulatedBoardOptions
{
    /// <summary>UART speed of the spacecraft link.</summary>
    public int BaudRate { get; init; } = Payload.Flight.Config.FlightConfiguration.LinkBaudRate;

    /// <summary>Size of the flash partition for records.</summary>
    public int FlashBytes { get; init; } = 64 * 1024;

    /// <summary>The supervisor's timeout (TPS3823-class: about 1.6 s).</summary>
    public long WatchdogTimeoutMicroseconds { get; init; } = 1_600_000;

    /// <summary>Base tick of the board's timer.</summary>
    public long MinorFrameMicroseconds { get; init; } = Payload.Flight.Config.FlightConfiguration.MinorFrameMicroseconds;

    /// <summary>GPIO of the digitizer's DRDY line.</summary>
    public int DataReadyPin { get; init; } = 34;

    /// <summary>
    /// How late a DRDY edge reaches the flight software. On the ESP32 the CLR drains GPIO events between 20 ms time
    /// slices, so a realistic bench sets this; 0 delivers edges at once.
    /// </summary>
    public long DataReadyLatencyMicroseconds { get; init; }

    /// <summary>
    /// Boots the software on the board's hardware at the given monotonic time (called at power-on and after every
    /// reset). The default boots the whole payload software, <see cref="InstrumentSoftware"/>.
    /// </summary>
    public Func<FlightHardware, InstrumentHardware, long, BootedSoftware> Boot { get; init; } = BootInstrument;

    /// <summary>Boots the whole payload software: the flight core and the instrument.</summary>
    public static BootedSoftware BootInstrument(FlightHardware hardware, InstrumentHardware instrument, long now)
    {
        var software = new InstrumentSoftware(hardware, instrument, now);
        return new BootedSoftware(software.Flight, software);
    }

    /// <summary>Boots the flight core alone, with no instrument (the digitizer and ADC sit idle).</summary>
    public static BootedSoftware BootFlightCore(FlightHardware hardware, InstrumentHardware instrument, long now)
    {
        var software = new FlightSoftware(hardware, now);
        software.CompleteBoot();
        return new BootedSoftware(software, null);
    }
}

/// <summary>What a boot produced: the flight core the board steps, and the instrument when there is one.</summary>
public sealed record BootedSoftware(FlightSoftware Flight, InstrumentSoftware? Instrument);

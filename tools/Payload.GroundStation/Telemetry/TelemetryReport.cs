using System.Diagnostics.CodeAnalysis;
using Payload.Flight.Protocol;

namespace Payload.GroundStation.Telemetry;

/// <summary>One decoded telemetry packet: its headers, its on-board time, and (in the subclasses) its typed content.</summary>
public abstract record TelemetryReport
{
    /// <summary>Creates a report whose header fields are set by an object initializer.</summary>
    protected TelemetryReport()
    {
    }

    /// <summary>Creates a report with the header fields (and receipt time) of <paramref name="header"/>.</summary>
    [SetsRequiredMembers]
    protected TelemetryReport(TelemetryReport header)
    {
        ArgumentNullException.ThrowIfNull(header);
        Apid = header.Apid;
        SequenceCount = header.SequenceCount;
        Service = header.Service;
        Subtype = header.Subtype;
        MessageTypeCounter = header.MessageTypeCounter;
        DestinationId = header.DestinationId;
        TimeReferenceStatus = header.TimeReferenceStatus;
        Time = header.Time;
        Packet = header.Packet;
        ReceivedAtMicroseconds = header.ReceivedAtMicroseconds;
    }

    /// <summary>The source APID.</summary>
    public required ushort Apid { get; init; }

    /// <summary>The packet sequence count (per APID, 14 bits, wrapping).</summary>
    public required ushort SequenceCount { get; init; }

    /// <summary>PUS service type.</summary>
    public required byte Service { get; init; }

    /// <summary>PUS message subtype.</summary>
    public required byte Subtype { get; init; }

    /// <summary>The PUS message type counter (per service and subtype).</summary>
    public required ushort MessageTypeCounter { get; init; }

    /// <summary>The PUS destination ID.</summary>
    public required ushort DestinationId { get; init; }

    /// <summary>The PUS time reference status.</summary>
    public required byte TimeReferenceStatus { get; init; }

    /// <summary>On-board time of generation, as carried (CUC 4+2).</summary>
    public required CucTime Time { get; init; }

    /// <summary>The whole packet as received, headers and CRC included.</summary>
    public required byte[] Packet { get; init; }

    /// <summary>When the ground received the packet, in the ground's clock (microseconds); 0 when not stamped.</summary>
    public long ReceivedAtMicroseconds { get; init; }

    /// <summary>On-board time of generation in mission microseconds.</summary>
    public long MissionMicroseconds => Time.ToMicroseconds();

    /// <summary>The application data (between the TM secondary header and the CRC).</summary>
    public ReadOnlyMemory<byte> ApplicationData =>
        Packet.AsMemory(TelemetryCodec.ApplicationDataOffset, Packet.Length - PacketLimits.MinTelemetryLength);

    /// <summary>"TM[s,t]".</summary>
    public string Type => $"TM[{Service},{Subtype}]";

    /// <summary>The content in one line, without time and type.</summary>
    public abstract string Describe();

    /// <summary>"time  TM[s,t]  content", one line, for a console.</summary>
    public sealed override string ToString() => $"{ValueFormat.Seconds(MissionMicroseconds),10}  {Type,-9} {Describe()}";
}

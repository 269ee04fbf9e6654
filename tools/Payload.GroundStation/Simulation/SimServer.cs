using System.Net;
using Payload.Boards.Simulated.Engine;
using Payload.Flight.Dictionary;
using Payload.GroundStation.Link;
using Payload.GroundStation.Simulation.BenchControl;
using Payload.GroundStation.Telemetry;
using Payload.GroundStation.Transports;

namespace Payload.GroundStation.Simulation;

/// <summary>
/// A simulated board as a server, in real time: the board runs on a <see cref="RealTimeBoardDriver"/> and its UART
/// is bridged to one endpoint (TCP, UDP, a serial device, a new pty) for a ground in another process. Housekeeping
/// is on from boot (the flight core enables HK_CORE and HK_LINK), so a ground sees telemetry as soon as it connects.
/// What <c>payload-ground sim</c> runs; tests and benches start it in-process the same way.
/// </summary>
public sealed class SimServer : IDisposable
{
    private readonly IBoardEndpoint _endpoint;
    private readonly BenchControlEndpoint? _control;
    private readonly LinkDeframer _monitor = new();
    private TelemetryDecoder? _decoder;
    private Action<TelemetryReport>? _telemetry;
    private bool _started;
    private bool _disposed;

    /// <summary>Builds the board and opens the endpoint (a TCP port is bound here, so its number is known before <see cref="Start"/>).</summary>
    /// <exception cref="IOException">The endpoint cannot be opened (port in use, no such device…).</exception>
    public SimServer(SimServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Board = new SimulatedBoard(options.Board with { BaudRate = options.BaudRate });
        Board.Uart.Random = new Random(options.Seed);
        Board.Uart.CorruptionProbability = options.CorruptionProbability;
        Driver = new RealTimeBoardDriver(Board, options.Step);
        _endpoint = CreateEndpoint(options);
        try
        {
            _control = CreateControl(options.Control);
        }
        catch
        {
            _endpoint.Dispose();
            Driver.Dispose();
            throw;
        }
        Driver.Downlink += OnDownlink;
        Driver.Faulted += e => Log?.Invoke($"the simulated board stopped: {e.GetType().Name}: {e.Message}");
    }

    /// <summary>The options it was built with.</summary>
    public SimServerOptions Options { get; }

    /// <summary>The board (touch it through <see cref="Driver"/>.Post once started).</summary>
    public SimulatedBoard Board { get; }

    /// <summary>The real-time loop running the board.</summary>
    public RealTimeBoardDriver Driver { get; }

    /// <summary>The endpoint grounds reach it through.</summary>
    public IBoardEndpoint Endpoint => _endpoint;

    /// <summary>The dictionary of the flight software the board runs.</summary>
    public MissionDictionary Dictionary => Board.Software.Dictionary;

    /// <summary>Where it listens, for the start-up line.</summary>
    public string ListeningOn => _endpoint.ListeningOn;

    /// <summary>The URI a ground opens to reach it (null when it is the far end of a pair made elsewhere).</summary>
    public string? ClientUri => _endpoint.ClientUri;

    /// <summary>The URI of the bench control port ("tcp://127.0.0.1:PORT"), or null without <see cref="SimServerOptions.Control"/>.</summary>
    public string? ControlUri => _control?.ClientUri;

    /// <summary>Raised with lines for the operator (clients coming and going, a board fault).</summary>
    public event Action<string>? Log;

    /// <summary>Raised on the driver thread with each telemetry packet the board sends, decoded (for <c>--print</c>).</summary>
    public event Action<TelemetryReport>? Telemetry
    {
        add
        {
            _decoder ??= new TelemetryDecoder(Board.Software.Dictionary);
            _telemetry += value;
        }
        remove => _telemetry -= value;
    }

    /// <summary>Starts the endpoint and the board's real-time loop.</summary>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_started) throw new InvalidOperationException("the server has already been started");
        _started = true;
        _monitor.PacketReceived += OnMonitoredPacket;
        _endpoint.Start(Driver.Uplink, line => Log?.Invoke(line));
        _control?.Start(line => Log?.Invoke(line));
        Driver.Start();
    }

    /// <summary>TCP: closes the present client's connection (a pulled cable), so tests can watch a ground reconnect.</summary>
    /// <exception cref="InvalidOperationException">The endpoint is not TCP.</exception>
    public void DropClient()
    {
        if (_endpoint is not TcpBoardEndpoint tcp) throw new InvalidOperationException($"{ListeningOn} has no client connection to drop");
        tcp.DropClient();
    }

    /// <summary>"uplink N octets, downlink M octets (K dropped: no ground attached), lag …".</summary>
    public string Summary() =>
        $"uplink {Driver.UplinkOctets} octets, downlink {Driver.DownlinkOctets} octets ({_endpoint.DroppedOctets} dropped: no ground attached), " +
        $"virtual {Board.NowMicroseconds / 1e6:0.000} s in {Driver.Elapsed.TotalSeconds:0.000} s wall, {Driver.Lag}";

    /// <summary>Stops the board and closes the endpoint.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _endpoint.Dispose(); // first, so no octet arrives for a stopped board
        _control?.Dispose();
        Driver.Dispose();
    }

    private static IBoardEndpoint CreateEndpoint(SimServerOptions options)
    {
        LinkAddress listen = options.Listen;
        switch (listen.Scheme)
        {
            case LinkScheme.Tcp:
                return new TcpBoardEndpoint(UdpGroundLink.Resolve(listen.Host), listen.Port);
            case LinkScheme.Udp:
                IPEndPoint? telemetry = options.Telemetry is { } tm
                    ? tm.Scheme == LinkScheme.Udp ? new IPEndPoint(UdpGroundLink.Resolve(tm.Host), tm.Port) : throw new ArgumentException($"--tm must be a udp:// address, not {tm}")
                    : null;
                return new UdpBoardEndpoint(new IPEndPoint(UdpGroundLink.Resolve(listen.Host), listen.Port), telemetry);
            case LinkScheme.Serial:
                return new SerialBoardEndpoint(listen.Path, listen.Query.ContainsKey("baud") ? listen.Baud : options.BaudRate);
            case LinkScheme.Pty:
                return new PtyBoardEndpoint(options.BaudRate);
            default:
                throw new ArgumentException($"the simulator cannot listen on {listen}: use tcp://HOST:PORT, udp://HOST:PORT, serial://PATH or pty");
        }
    }

    private BenchControlEndpoint? CreateControl(LinkAddress? control)
    {
        if (control is null) return null;
        if (control.Scheme != LinkScheme.Tcp) throw new ArgumentException($"the bench control port listens on tcp://HOST:PORT, not {control}");
        return new BenchControlEndpoint(UdpGroundLink.Resolve(control.Host), control.Port, new SimulatedBenchInstruments(Driver));
    }

    private void OnDownlink(byte[] buffer, int offset, int count)
    {
        _endpoint.ToGround(buffer, offset, count);
        if (_telemetry is not null) _monitor.Push(buffer, offset, count);
    }

    private void OnMonitoredPacket(byte[] packet)
    {
        if (_decoder is not null && _decoder.TryDecode(packet, 0, packet.Length, out TelemetryReport? report, out _)) _telemetry?.Invoke(report!);
    }
}

using System.Net;
using System.Net.Sockets;
using Payload.GroundStation.Link;

namespace Payload.GroundStation.Simulation;

/// <summary>
/// The simulator's UDP end: each datagram received is one telecommand packet, framed with COBS onto the board's UART;
/// each packet deframed from the UART goes out as one datagram — to the fixed telemetry address when one was given,
/// else to the sender of the latest telecommand (dropped, and counted, before any).
/// </summary>
public sealed class UdpBoardEndpoint : IBoardEndpoint
{
    private readonly UdpClient _socket;
    private readonly IPEndPoint? _telemetry;
    private readonly LinkDeframer _deframer = new();
    private Action<byte[], int, int> _toBoard = (_, _, _) => { };
    private Action<string> _log = _ => { };
    private Thread? _reader;
    private volatile IPEndPoint? _lastSender;
    private volatile bool _disposed;
    private long _dropped;
    private long _datagramsIn;
    private long _datagramsOut;

    /// <summary>Receives telecommands on <paramref name="listen"/>; sends telemetry to <paramref name="telemetry"/>, or to the last sender when null.</summary>
    public UdpBoardEndpoint(IPEndPoint listen, IPEndPoint? telemetry)
    {
        ArgumentNullException.ThrowIfNull(listen);
        _telemetry = telemetry;
        _socket = new UdpClient(listen.AddressFamily);
        try
        {
            _socket.Client.Bind(listen);
        }
        catch (SocketException e)
        {
            _socket.Dispose();
            throw new IOException($"cannot listen on udp {listen}: {e.Message}", e);
        }
        _deframer.PacketReceived += SendPacket;
    }

    /// <summary>The local endpoint telecommands are received on.</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)_socket.Client.LocalEndPoint!;

    /// <inheritdoc />
    public string ListeningOn => $"udp://{LocalEndPoint}" + (_telemetry is null ? " (telemetry to the sender of the latest telecommand)" : $" (telemetry to udp://{_telemetry})");

    /// <inheritdoc />
    public string? ClientUri
    {
        get
        {
            IPAddress address = LocalEndPoint.Address.Equals(IPAddress.Any) ? IPAddress.Loopback : LocalEndPoint.Address;
            string listen = _telemetry is not null && IPAddress.IsLoopback(_telemetry.Address) ? $"?listen={_telemetry.Port}" : "";
            return $"udp://{address}:{LocalEndPoint.Port}{listen}";
        }
    }

    /// <inheritdoc />
    public long DroppedOctets => Interlocked.Read(ref _dropped);

    /// <summary>Telecommand datagrams received.</summary>
    public long DatagramsReceived => Interlocked.Read(ref _datagramsIn);

    /// <summary>Telemetry datagrams sent.</summary>
    public long DatagramsSent => Interlocked.Read(ref _datagramsOut);

    /// <inheritdoc />
    public void Start(Action<byte[], int, int> toBoard, Action<string> log)
    {
        _toBoard = toBoard ?? throw new ArgumentNullException(nameof(toBoard));
        _log = log ?? throw new ArgumentNullException(nameof(log));
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "sim udp reader" };
        _reader.Start();
    }

    /// <inheritdoc />
    public void ToGround(byte[] buffer, int offset, int count) => _deframer.Push(buffer, offset, count);

    /// <summary>Closes the socket.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _socket.Dispose();
        _reader?.Join(TimeSpan.FromSeconds(2));
    }

    private void SendPacket(byte[] packet)
    {
        IPEndPoint? to = _telemetry ?? _lastSender;
        if (to is null)
        {
            Interlocked.Add(ref _dropped, packet.Length);
            return;
        }
        try
        {
            _socket.Send(packet, packet.Length, to);
            Interlocked.Increment(ref _datagramsOut);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            Interlocked.Add(ref _dropped, packet.Length);
        }
    }

    private void ReadLoop()
    {
        var from = new IPEndPoint(LocalEndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!_disposed)
        {
            byte[] datagram;
            try
            {
                datagram = _socket.Receive(ref from);
            }
            catch (SocketException) when (!_disposed)
            {
                continue; // ICMP "port unreachable" for telemetry sent to a ground that went away
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }
            Interlocked.Increment(ref _datagramsIn);
            if (_telemetry is null && !from.Equals(_lastSender))
            {
                _lastSender = new IPEndPoint(from.Address, from.Port);
                _log($"telemetry now goes to udp://{_lastSender}, the sender of the latest telecommand");
            }
            byte[] frame = LinkFramer.Frame(datagram);
            _toBoard(frame, 0, frame.Length);
        }
    }
}

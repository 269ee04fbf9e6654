using System.Net;
using System.Net.Sockets;
using Payload.GroundStation.Link;

namespace Payload.GroundStation.Transports;

/// <summary>
/// One space packet per UDP datagram, no COBS — what YAMCS's UDP links and Wireshark's CCSDS dissector expect. Each
/// telecommand goes as a datagram to the remote endpoint; telemetry datagrams are received on a local port (from any
/// sender). Connectionless: the link is always <see cref="LinkState.Connected"/> until disposed.
/// </summary>
public sealed class UdpGroundLink : IGroundLink
{
    private readonly UdpClient _client;
    private readonly ReceptionGate _reception = new();
    private readonly IPEndPoint _remote;
    private readonly Thread _reader;
    private volatile bool _disposed;

    /// <summary>Sends to <paramref name="remote"/> and receives on <paramref name="local"/> (port 0: any free one).</summary>
    /// <exception cref="IOException">The local port could not be bound.</exception>
    public UdpGroundLink(IPEndPoint remote, IPEndPoint local)
    {
        ArgumentNullException.ThrowIfNull(remote);
        ArgumentNullException.ThrowIfNull(local);
        _remote = remote;
        try
        {
            _client = new UdpClient(local.AddressFamily);
            _client.Client.Bind(local);
        }
        catch (SocketException e)
        {
            _client?.Dispose();
            throw new IOException($"cannot receive telemetry on udp {local}: {e.Message}", e);
        }
        LocalEndPoint = (IPEndPoint)_client.Client.LocalEndPoint!;
        Description = $"udp://{FormatEndPoint(remote)}?listen={LocalEndPoint.Port}";
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = $"link reader {Description}" };
        _reader.Start();
    }

    /// <summary>Opens the link <paramref name="address"/> names (host resolved now).</summary>
    /// <exception cref="IOException">The host cannot be resolved or the local port bound.</exception>
    public static UdpGroundLink Open(LinkAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Scheme != LinkScheme.Udp) throw new ArgumentException($"{address} is not a udp link", nameof(address));
        IPAddress remote = Resolve(address.Host);
        IPAddress bind = IPAddress.TryParse(address.BindAddress, out IPAddress? parsed) ? parsed
            : throw new IOException($"{address}: bind must be an IP address, not '{address.BindAddress}'");
        if (bind.AddressFamily != remote.AddressFamily)
            bind = remote.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any;
        return new UdpGroundLink(new IPEndPoint(remote, address.Port), new IPEndPoint(bind, address.ListenPort));
    }

    /// <inheritdoc />
    /// <remarks>What arrives before the first handler subscribes is held for it (<see cref="ReceptionGate"/>).</remarks>
    public event Action<byte[], int, int>? Received
    {
        add => _reception.Add(value);
        remove => _reception.Remove(value);
    }

    /// <inheritdoc />
    public bool IsPacketOriented => true;

    /// <inheritdoc />
    public LinkState State => _disposed ? LinkState.Closed : LinkState.Connected;

    /// <inheritdoc />
    public string Description { get; }

    /// <summary>Where telemetry is received.</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Datagrams received so far.</summary>
    public long DatagramsReceived { get; private set; }

    /// <inheritdoc />
    public void Send(byte[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (_disposed) throw new LinkNotConnectedException(Description, LinkState.Closed, $"cannot send on {Description}: the link is closed; nothing was sent");
        try
        {
            _client.Send(buffer.AsSpan(offset, count), _remote);
        }
        catch (SocketException e)
        {
            throw new LinkNotConnectedException(Description, LinkState.Connected, $"cannot send on {Description}: {e.Message}; nothing was sent", e);
        }
    }

    /// <summary>Closes the socket.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _client.Dispose();
        if (_reader != Thread.CurrentThread) _reader.Join(TimeSpan.FromSeconds(2));
    }

    /// <summary>The address of <paramref name="host"/> (a literal, or the first IPv4 address it resolves to).</summary>
    /// <exception cref="IOException">It cannot be resolved.</exception>
    public static IPAddress Resolve(string host)
    {
        if (IPAddress.TryParse(host, out IPAddress? literal)) return literal;
        try
        {
            IPAddress[] addresses = Dns.GetHostAddresses(host);
            return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.First();
        }
        catch (Exception e) when (e is SocketException or InvalidOperationException)
        {
            throw new IOException($"cannot resolve '{host}': {e.Message}", e);
        }
    }

    private static string FormatEndPoint(IPEndPoint endPoint) =>
        endPoint.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{endPoint.Address}]:{endPoint.Port}" : endPoint.ToString();

    private void ReadLoop()
    {
        var from = new IPEndPoint(_remote.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!_disposed)
        {
            byte[] datagram;
            try
            {
                datagram = _client.Receive(ref from);
            }
            catch (SocketException) when (!_disposed)
            {
                continue; // an ICMP "port unreachable" for an earlier send: nothing to do with reception
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }
            DatagramsReceived++;
            _reception.Deliver(datagram, 0, datagram.Length);
        }
    }
}

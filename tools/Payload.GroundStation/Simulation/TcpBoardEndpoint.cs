using System.Net;
using System.Net.Sockets;

namespace Payload.GroundStation.Simulation;

/// <summary>
/// The simulator's TCP server: one ground at a time, the COBS byte stream both ways. A new client replaces the one
/// connected (which is closed). While nobody is connected, what the board sends is dropped — the wire of a UART with
/// nothing attached — and counted in <see cref="DroppedOctets"/>.
/// </summary>
public sealed class TcpBoardEndpoint : IBoardEndpoint
{
    /// <summary>How long a write to a client that stopped reading may block the board before the client is dropped.</summary>
    private const int SendTimeoutMilliseconds = 1000;

    private readonly TcpListener _listener;
    private readonly Lock _clientLock = new();
    private Action<byte[], int, int> _toBoard = (_, _, _) => { };
    private Action<string> _log = _ => { };
    private TcpClient? _client;
    private Thread? _acceptor;
    private volatile bool _disposed;
    private long _dropped;
    private long _clients;

    /// <summary>Listens on <paramref name="address"/>:<paramref name="port"/> (port 0: any free port; see <see cref="Port"/>); clients are accepted once started.</summary>
    /// <exception cref="IOException">The port cannot be bound (in use, not permitted).</exception>
    public TcpBoardEndpoint(IPAddress address, int port)
    {
        ArgumentNullException.ThrowIfNull(address);
        _listener = new TcpListener(address, port);
        try
        {
            _listener.Start(1);
        }
        catch (SocketException e)
        {
            _listener.Stop();
            throw new IOException(e.Message, e);
        }
    }

    /// <summary>The port listened on (known once started).</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <inheritdoc />
    public string ListeningOn => $"tcp://{FormatAddress(((IPEndPoint)_listener.LocalEndpoint).Address)}:{Port}";

    /// <inheritdoc />
    public string? ClientUri
    {
        get
        {
            IPAddress address = ((IPEndPoint)_listener.LocalEndpoint).Address;
            if (address.Equals(IPAddress.Any)) address = IPAddress.Loopback;
            if (address.Equals(IPAddress.IPv6Any)) address = IPAddress.IPv6Loopback;
            return $"tcp://{FormatAddress(address)}:{Port}";
        }
    }

    /// <inheritdoc />
    public long DroppedOctets => Interlocked.Read(ref _dropped);

    /// <summary>Clients accepted so far.</summary>
    public long ClientsAccepted => Interlocked.Read(ref _clients);

    /// <summary>True while a client is connected.</summary>
    public bool HasClient
    {
        get { lock (_clientLock) return _client is not null; }
    }

    /// <inheritdoc />
    public void Start(Action<byte[], int, int> toBoard, Action<string> log)
    {
        _toBoard = toBoard ?? throw new ArgumentNullException(nameof(toBoard));
        _log = log ?? throw new ArgumentNullException(nameof(log));
        _acceptor = new Thread(AcceptLoop) { IsBackground = true, Name = "sim tcp acceptor" };
        _acceptor.Start();
    }

    /// <summary>Closes the present client's connection, as a cable pulled out would (the ground may reconnect).</summary>
    public void DropClient()
    {
        TcpClient? client;
        lock (_clientLock)
        {
            client = _client;
            _client = null;
        }
        if (client is null) return;
        _log($"dropped the client {Describe(client)}");
        client.Dispose();
    }

    /// <inheritdoc />
    public void ToGround(byte[] buffer, int offset, int count)
    {
        TcpClient? client;
        lock (_clientLock) client = _client;
        if (client is null)
        {
            Interlocked.Add(ref _dropped, count);
            return;
        }
        try
        {
            client.Client.Send(buffer, offset, count, SocketFlags.None);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            Interlocked.Add(ref _dropped, count);
            Release(client, $"client {Describe(client)} lost: {e.Message}");
        }
    }

    /// <summary>Stops listening and closes the client.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _listener.Stop();
        DropClientQuietly();
        _acceptor?.Join(TimeSpan.FromSeconds(2));
    }

    private static string FormatAddress(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();

    private static string Describe(TcpClient client)
    {
        try
        {
            return client.Client?.RemoteEndPoint?.ToString() ?? "(closed)";
        }
        catch (Exception e) when (e is ObjectDisposedException or SocketException)
        {
            return "(closed)";
        }
    }

    private void DropClientQuietly()
    {
        TcpClient? client;
        lock (_clientLock)
        {
            client = _client;
            _client = null;
        }
        client?.Dispose();
    }

    private void AcceptLoop()
    {
        while (!_disposed)
        {
            TcpClient client;
            try
            {
                client = _listener.AcceptTcpClient();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            client.NoDelay = true;
            client.Client.SendTimeout = SendTimeoutMilliseconds;
            TcpClient? replaced;
            lock (_clientLock)
            {
                replaced = _client;
                _client = client;
            }
            Interlocked.Increment(ref _clients);
            _log(replaced is null ? $"client {Describe(client)} connected" : $"client {Describe(client)} connected, replacing {Describe(replaced)}");
            replaced?.Dispose();
            var reader = new Thread(() => ReadLoop(client)) { IsBackground = true, Name = "sim tcp reader" };
            reader.Start();
        }
    }

    private void ReadLoop(TcpClient client)
    {
        string name = Describe(client);
        var buffer = new byte[4096];
        string why = "the client closed the connection";
        try
        {
            Socket socket = client.Client;
            while (true)
            {
                int read = socket.Receive(buffer);
                if (read == 0) break;
                _toBoard(buffer, 0, read);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            why = e.Message;
        }
        Release(client, $"client {name} disconnected ({why})");
    }

    /// <summary>Forgets <paramref name="client"/> if it is still the present one (a replaced or dropped one was already released).</summary>
    private void Release(TcpClient client, string message)
    {
        bool wasPresent;
        lock (_clientLock)
        {
            wasPresent = ReferenceEquals(_client, client);
            if (wasPresent) _client = null;
        }
        if (!wasPresent) return;
        if (!_disposed) _log(message);
        client.Dispose();
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Payload.GroundStation.Simulation.BenchControl;

/// <summary>
/// The simulator's bench control port: a TCP listener speaking <see cref="BenchControlProtocol"/> to the bench's
/// instruments (radar stimulus, power supply, link switch), one command at a time per client (clients may come and go,
/// like a bench's connections to its instruments).
/// </summary>
public sealed class BenchControlEndpoint : IDisposable
{
    private const int ReadTimeoutMilliseconds = 60_000;

    private readonly TcpListener _listener;
    private readonly IBenchInstruments _instruments;
    private readonly Lock _clientsLock = new();
    private readonly List<TcpClient> _clients = [];
    private Action<string> _log = _ => { };
    private Thread? _acceptor;
    private volatile bool _disposed;

    /// <summary>Binds <paramref name="address"/>:<paramref name="port"/> (0: any free port) at once, so <see cref="ClientUri"/> is known before <see cref="Start"/>.</summary>
    /// <exception cref="IOException">The port cannot be bound.</exception>
    public BenchControlEndpoint(IPAddress address, int port, IBenchInstruments instruments)
    {
        ArgumentNullException.ThrowIfNull(address);
        _instruments = instruments ?? throw new ArgumentNullException(nameof(instruments));
        _listener = new TcpListener(address, port);
        try
        {
            _listener.Start();
        }
        catch (SocketException e)
        {
            throw new IOException($"cannot listen for the bench control on tcp {address}:{port}: {e.Message}", e);
        }
    }

    /// <summary>The bound endpoint.</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)_listener.LocalEndpoint;

    /// <summary>The URI a bench opens: "tcp://127.0.0.1:PORT".</summary>
    public string ClientUri
    {
        get
        {
            IPAddress address = LocalEndPoint.Address.Equals(IPAddress.Any) ? IPAddress.Loopback
                : LocalEndPoint.Address.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback : LocalEndPoint.Address;
            return address.AddressFamily == AddressFamily.InterNetworkV6 ? $"tcp://[{address}]:{LocalEndPoint.Port}" : $"tcp://{address}:{LocalEndPoint.Port}";
        }
    }

    /// <summary>Starts accepting clients; <paramref name="log"/> takes a line for the operator per command.</summary>
    public void Start(Action<string> log)
    {
        _log = log ?? throw new ArgumentNullException(nameof(log));
        _acceptor = new Thread(AcceptLoop) { IsBackground = true, Name = "sim bench control acceptor" };
        _acceptor.Start();
    }

    /// <summary>Stops listening and closes the clients.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _listener.Stop();
        lock (_clientsLock)
        {
            foreach (TcpClient client in _clients) client.Dispose();
            _clients.Clear();
        }
        _acceptor?.Join(TimeSpan.FromSeconds(2));
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
            lock (_clientsLock) _clients.Add(client);
            new Thread(() => Serve(client)) { IsBackground = true, Name = "sim bench control client" }.Start();
        }
    }

    private void Serve(TcpClient client)
    {
        try
        {
            client.NoDelay = true;
            client.ReceiveTimeout = ReadTimeoutMilliseconds;
            using NetworkStream stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII, false, 1024, leaveOpen: true);
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1024, leaveOpen: true) { NewLine = "\n", AutoFlush = true };
            while (!_disposed && reader.ReadLine() is { } line)
            {
                string reply = BenchControlProtocol.Handle(line, _instruments);
                _log($"bench control: {line.Trim()} -> {(reply.Length > 100 ? reply[..100] + "…" : reply)}");
                writer.WriteLine(reply);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            // The client went away (or the endpoint closes): nothing to answer.
        }
        finally
        {
            lock (_clientsLock) _clients.Remove(client);
            client.Dispose();
        }
    }
}

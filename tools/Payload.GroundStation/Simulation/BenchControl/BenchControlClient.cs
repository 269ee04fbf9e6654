using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Payload.GroundStation.Simulation.Stimulus;
using Payload.GroundStation.Transports;

namespace Payload.GroundStation.Simulation.BenchControl;

/// <summary>A bench's connection to a bench control port (<c>tcp://HOST:PORT</c>, <see cref="BenchControlProtocol"/>): its instruments, remotely.</summary>
public sealed class BenchControlClient : IBenchInstruments, IDisposable
{
    private const string Hint = "is the simulator running with --control?";

    private readonly TcpClient _client;
    private readonly StreamReader _reader;
    private readonly StreamWriter _writer;

    private BenchControlClient(string uri, TcpClient client, TimeSpan timeout)
    {
        Uri = uri;
        _client = client;
        _client.NoDelay = true;
        _client.ReceiveTimeout = (int)timeout.TotalMilliseconds;
        _client.SendTimeout = (int)timeout.TotalMilliseconds;
        NetworkStream stream = client.GetStream();
        _reader = new StreamReader(stream, Encoding.ASCII, false, 1024, leaveOpen: true);
        _writer = new StreamWriter(stream, new UTF8Encoding(false), 1024, leaveOpen: true) { NewLine = "\n", AutoFlush = true };
    }

    /// <summary>The control port's URI.</summary>
    public string Uri { get; }

    /// <inheritdoc/>
    public bool LinkUp => LinkFrom(Command(BenchControlProtocol.LinkQuery));

    /// <summary>Connects to <paramref name="uri"/>; replies are awaited for <paramref name="timeout"/> at most.</summary>
    /// <exception cref="BenchControlException">The URI is not tcp://HOST:PORT or nothing answers there.</exception>
    public static BenchControlClient Connect(string uri, TimeSpan timeout)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uri);
        LinkAddress address;
        try
        {
            address = LinkAddress.Parse(uri);
        }
        catch (FormatException e)
        {
            throw new BenchControlException($"bench control '{uri}': {e.Message}", e);
        }
        if (address.Scheme != LinkScheme.Tcp) throw new BenchControlException($"bench control '{uri}': the control port is tcp://HOST:PORT (as the simulator prints it)");
        var client = new TcpClient();
        try
        {
            if (!client.ConnectAsync(address.Host, address.Port).Wait(timeout))
                throw new BenchControlException($"bench control {uri}: no connection within {timeout.TotalSeconds:0.#} s; {Hint}");
            return new BenchControlClient(uri, client, timeout);
        }
        catch (AggregateException e) when (e.InnerException is SocketException socket)
        {
            client.Dispose();
            throw new BenchControlException($"bench control {uri}: {socket.Message}; {Hint}", socket);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Sends one command line and returns the reply line.</summary>
    /// <exception cref="BenchControlException">The connection failed or closed, or no reply came in time.</exception>
    public string Query(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        try
        {
            _writer.WriteLine(command);
            return _reader.ReadLine() ?? throw new BenchControlException($"bench control {Uri} closed the connection without answering '{command}'");
        }
        catch (IOException e)
        {
            throw new BenchControlException($"bench control {Uri} did not answer '{command}': {e.Message}", e);
        }
    }

    /// <inheritdoc/>
    public StimulusTruth FlyPass(PassRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string command = request.ToCommand();
        return Read(command, () => StimulusTruth.ParseReply(Query(command)));
    }

    /// <inheritdoc/>
    public int PowerCycle(string cause)
    {
        if (!BenchControlProtocol.IsCause(cause))
            throw new ArgumentException($"cause '{cause}' must be a word of letters, digits, '_', '-' or '.', at most {BenchControlProtocol.MaxCauseLength} characters", nameof(cause));
        string command = BenchControlProtocol.PowerCycleCommand(cause);
        string boots = Command(command)["boots"];
        return int.TryParse(boots, NumberStyles.None, CultureInfo.InvariantCulture, out int count)
            ? count : throw new BenchControlException($"bench control {Uri}: '{command}' answered boots={boots}, not a count");
    }

    /// <inheritdoc/>
    public void SetLinkUp(bool up)
    {
        bool now = LinkFrom(Command(BenchControlProtocol.LinkSetCommand(up)));
        if (now != up) throw new BenchControlException($"bench control {Uri}: asked for link {BenchControlProtocol.LinkState(up)}, it answered {BenchControlProtocol.LinkState(now)}");
    }

    /// <summary>Closes the connection.</summary>
    public void Dispose()
    {
        _reader.Dispose();
        _writer.Dispose();
        _client.Dispose();
    }

    private BenchControlReply Command(string command) => Read(command, () => BenchControlReply.Parse(Query(command)));

    private bool LinkFrom(BenchControlReply reply) => reply["link"] switch
    {
        "ON" => true,
        "OFF" => false,
        var other => throw new BenchControlException($"bench control {Uri}: link={other} is neither ON nor OFF"),
    };

    /// <summary>Runs a command's exchange, naming the port and the command in what goes wrong.</summary>
    private T Read<T>(string command, Func<T> exchange)
    {
        try
        {
            return exchange();
        }
        catch (BenchControlException e) when (!e.Message.StartsWith("bench control ", StringComparison.Ordinal))
        {
            throw new BenchControlException($"bench control {Uri} {e.Message} (sent '{command}')", e);
        }
        catch (FormatException e)
        {
            throw new BenchControlException($"bench control {Uri}: {e.Message} (sent '{command}')", e);
        }
    }
}

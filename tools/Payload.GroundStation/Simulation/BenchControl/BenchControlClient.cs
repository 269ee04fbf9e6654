using System.Net.Sockets;
using System.Text;
using Payload.GroundStation.Transports;

namespace Payload.GroundStation.Simulation.Stimulus;

/// <summary>A bench's connection to a radar stimulus control port (<c>tcp://HOST:PORT</c>, <see cref="StimulusProtocol"/>).</summary>
public sealed class StimulusClient : IDisposable
{
    private readonly TcpClient _client;
    private readonly StreamReader _reader;
    private readonly StreamWriter _writer;

    private StimulusClient(string uri, TcpClient client, TimeSpan timeout)
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

    /// <summary>Connects to <paramref name="uri"/>; replies are awaited for <paramref name="timeout"/> at most.</summary>
    /// <exception cref="StimulusException">The URI is not tcp://HOST:PORT or nothing answers there.</exception>
    public static StimulusClient Connect(string uri, TimeSpan timeout)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uri);
        LinkAddress address;
        try
        {
            address = LinkAddress.Parse(uri);
        }
        catch (FormatException e)
        {
            throw new StimulusException($"stimulus '{uri}': {e.Message}", e);
        }
        if (address.Scheme != LinkScheme.Tcp) throw new StimulusException($"stimulus '{uri}': the control port is tcp://HOST:PORT (as the simulator prints it)");
        var client = new TcpClient();
        try
        {
            if (!client.ConnectAsync(address.Host, address.Port).Wait(timeout))
                throw new StimulusException($"stimulus {uri}: no connection within {timeout.TotalSeconds:0.#} s; is the simulator running with --stimulus?");
            return new StimulusClient(uri, client, timeout);
        }
        catch (AggregateException e) when (e.InnerException is SocketException socket)
        {
            client.Dispose();
            throw new StimulusException($"stimulus {uri}: {socket.Message}; is the simulator running with --stimulus?", socket);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Sends one command line and returns the reply line.</summary>
    /// <exception cref="StimulusException">The connection failed or closed, or no reply came in time.</exception>
    public string Query(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        try
        {
            _writer.WriteLine(command);
            return _reader.ReadLine() ?? throw new StimulusException($"stimulus {Uri} closed the connection without answering '{command}'");
        }
        catch (IOException e)
        {
            throw new StimulusException($"stimulus {Uri} did not answer '{command}': {e.Message}", e);
        }
    }

    /// <summary>Flies <paramref name="request"/> and returns its truth.</summary>
    /// <exception cref="StimulusException">The stimulus refused (its reason) or could not be reached.</exception>
    public StimulusTruth Fly(PassRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string reply = Query(request.ToCommand());
        try
        {
            return StimulusTruth.ParseReply(reply);
        }
        catch (FormatException e)
        {
            throw new StimulusException($"stimulus {Uri}: {e.Message}", e);
        }
    }

    /// <summary>Closes the connection.</summary>
    public void Dispose()
    {
        _reader.Dispose();
        _writer.Dispose();
        _client.Dispose();
    }
}

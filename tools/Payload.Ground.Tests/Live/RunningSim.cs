using Payload.GroundStation.Simulation;
using Payload.GroundStation.Transports;

namespace Payload.Ground.Tests.Live;

/// <summary>A simulator server in this process on a free TCP port, in real time.</summary>
internal sealed class RunningSim : IDisposable
{
    public RunningSim()
    {
        Server = new SimServer(new SimServerOptions { Listen = LinkAddress.Parse("tcp://127.0.0.1:0") });
        Server.Start();
    }

    public SimServer Server { get; }

    public string Uri => Server.ClientUri!;

    public void Dispose() => Server.Dispose();
}

/// <summary>Runs the tool's dispatcher in this process, capturing both outputs.</summary>
internal static class Tool
{
    public static (int Code, string Output, string Error) Run(params string[] arguments)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Dispatcher.Run(arguments, output, error);
        return (code, output.ToString(), error.ToString());
    }
}

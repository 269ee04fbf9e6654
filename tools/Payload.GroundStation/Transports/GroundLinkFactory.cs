using Payload.Boards.Simulated.Engine;
using Payload.GroundStation.Link;
using Payload.GroundStation.Simulation;

namespace Payload.GroundStation.Transports;

/// <summary>Opens the link a URI names (see <see cref="LinkAddress"/> for the forms).</summary>
public static class GroundLinkFactory
{
    /// <summary>Opens <paramref name="uri"/>: connects TCP, opens the serial port, binds UDP, or boots an in-process board.</summary>
    /// <remarks>
    /// <c>sim:</c> gives a <see cref="SimulatedBoardLink"/> in virtual time: nothing happens until the caller runs its
    /// board (<c>((SimulatedBoardLink)link).Board.RunFor(…)</c>); with <see cref="GroundLinkOptions.RealTimeSimulation"/>
    /// a <see cref="RealTimeSimulatedLink"/> whose board runs by itself. <c>pty</c> is the simulator's side only.
    /// </remarks>
    /// <exception cref="FormatException">The URI is not a link.</exception>
    /// <exception cref="IOException">The link could not be opened; the message says why.</exception>
    public static IGroundLink Open(string uri, GroundLinkOptions? options = null) => Open(LinkAddress.Parse(uri), options);

    /// <summary>Opens the link <paramref name="address"/> names.</summary>
    /// <exception cref="IOException">The link could not be opened; the message says why.</exception>
    public static IGroundLink Open(LinkAddress address, GroundLinkOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        options ??= new GroundLinkOptions();
        switch (address.Scheme)
        {
            case LinkScheme.Sim:
                var boardOptions = options.Board ?? new SimulatedBoardOptions();
                if (address.Query.ContainsKey("baud")) boardOptions = boardOptions with { BaudRate = address.Baud };
                var board = new SimulatedBoard(boardOptions);
                if (address.Query.ContainsKey("seed")) board.Uart.Random = new Random(address.Integer("seed", 1, int.MinValue, int.MaxValue));
                return options.RealTimeSimulation ? new RealTimeSimulatedLink(board, options.SimulationStep) : new SimulatedBoardLink(board);
            case LinkScheme.Tcp:
                return TcpGroundLink.Connect(address.Host, address.Port, options);
            case LinkScheme.Serial:
                return SerialGroundLink.Open(address.Path, address.Baud, options);
            case LinkScheme.Udp:
                return UdpGroundLink.Open(address);
            default:
                throw new IOException($"{address}: a pty is created by the simulator (sim --listen pty); connect to the path it prints with serial://PATH");
        }
    }
}

using Payload.Flight.Dictionary;
using Payload.Flight.Protocol;

namespace Payload.GroundStation.Commanding;

/// <summary>A telecommand built by <see cref="CommandEncoder"/>: the whole packet (CRC included) and what went into it.</summary>
public sealed record EncodedCommand
{
    /// <summary>The command's declaration.</summary>
    public required CommandDefinition Definition { get; init; }

    /// <summary>The arguments in wire order, computed lengths included.</summary>
    public required IReadOnlyList<ArgumentValue> Arguments { get; init; }

    /// <summary>The space packet, headers and packet error control included.</summary>
    public required byte[] Packet { get; init; }

    /// <summary>The request ID the ST[1] reports of this command will carry.</summary>
    public required RequestId RequestId { get; init; }

    /// <summary>Which successful verification stages were requested.</summary>
    public required AckFlags AckFlags { get; init; }

    /// <summary>The PUS source ID of the sender.</summary>
    public required ushort SourceId { get; init; }

    /// <summary>The command's mnemonic.</summary>
    public string Mnemonic => Definition.Mnemonic;

    /// <summary>The packet sequence count (packet name) given to the command.</summary>
    public ushort SequenceCount => RequestId.SequenceCount;

    /// <summary>The argument named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">The command has no such argument.</exception>
    public ArgumentValue this[string name] =>
        Arguments.FirstOrDefault(a => a.Name == name) ?? throw new KeyNotFoundException($"{Mnemonic} has no argument '{name}'");

    /// <summary>"MNEMONIC name=value …", as an operator would type it (computed lengths left out).</summary>
    public override string ToString()
    {
        IEnumerable<string> given = Arguments.Where(a => !a.Computed).Select(a => a.ToString());
        return string.Join(' ', given.Prepend(Mnemonic));
    }
}

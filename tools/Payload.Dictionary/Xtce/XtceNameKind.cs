namespace Payload.Dictionary.Xtce;

/// <summary>The XTCE name spaces within one SpaceSystem that a reference can point into.</summary>
internal enum XtceNameKind
{
    /// <summary>A Parameter of a ParameterSet.</summary>
    Parameter,

    /// <summary>A type of a ParameterTypeSet.</summary>
    ParameterType,

    /// <summary>A type of an ArgumentTypeSet.</summary>
    ArgumentType,

    /// <summary>A SequenceContainer of the telemetry ContainerSet.</summary>
    Container,

    /// <summary>A CommandContainer, inside a MetaCommand or in the CommandContainerSet.</summary>
    CommandContainer,

    /// <summary>A MetaCommand.</summary>
    MetaCommand,
}

namespace Payload.NanoCheck.Rules;

/// <summary>One family of checks over an assembly; findings go to <see cref="CheckContext.Sink"/>.</summary>
internal interface IRule
{
    void Check(CheckContext context);
}

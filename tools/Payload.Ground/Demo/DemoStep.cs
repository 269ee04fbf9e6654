namespace Payload.Ground.Demo;

/// <summary>One step of the demo session: a title and what it does (sending, running the board, checking expectations).</summary>
public sealed record DemoStep(string Title, Action<DemoContext> Run);

using System.Globalization;
using System.Text;
using Payload.GroundStation;

namespace Payload.Hil;

/// <summary>
/// Everything that happened in a test's window, one line each, in order: commands sent (&gt;), packets received (&lt;, or
/// R for replays), frames rejected (x), link changes (~), bench notes (#) and failures (!). A failing test writes it
/// to its output and to a file.
/// </summary>
internal sealed class BenchLog
{
    private readonly Lock _lock = new();
    private readonly List<string> _lines = [];

    /// <summary>Lines so far.</summary>
    public int Count
    {
        get { lock (_lock) return _lines.Count; }
    }

    /// <summary>Adds a line at bench time <paramref name="benchMicroseconds"/>.</summary>
    public void Add(long benchMicroseconds, char kind, string text)
    {
        string line = $"{ValueFormat.Seconds(benchMicroseconds),10} {kind} {text}";
        lock (_lock) _lines.Add(line);
    }

    /// <summary>The log with <paramref name="header"/> lines first.</summary>
    public string Render(IEnumerable<string> header)
    {
        var text = new StringBuilder();
        foreach (string line in header) text.Append(line).Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"{"bench t/s",10} | > sent  < received (on-board t/s, type, content)  R replay  x rejected  ~ link  # note  ! failure\n");
        lock (_lock)
        {
            foreach (string line in _lines) text.Append(line).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The last <paramref name="count"/> lines, for a short failure message.</summary>
    public IReadOnlyList<string> Tail(int count)
    {
        lock (_lock) return _lines.Skip(Math.Max(0, _lines.Count - count)).ToArray();
    }
}

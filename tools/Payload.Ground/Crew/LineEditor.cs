using System.Text;

namespace Payload.Ground.Crew;

/// <summary>
/// A small line editor over key presses (Console.ReadKey on a terminal): insert and delete anywhere, ←/→, Home/End
/// (Ctrl+A/Ctrl+E), ↑/↓ through the history, Ctrl+U to clear, Tab to complete (twice to list the candidates), Enter to
/// submit, Ctrl+D on an empty line to quit. Lines printed meanwhile by other threads go through
/// <see cref="WriteAbove"/>, which puts them above the prompt and redraws what was being typed.
/// </summary>
/// <remarks>Redraws with ANSI cursor controls (carriage return, erase to end of line, cursor left), which every terminal in use reads.</remarks>
public sealed class LineEditor
{
    private readonly Func<ConsoleKeyInfo> _readKey;
    private readonly TextWriter _output;
    private readonly Func<string, Completion> _complete;
    private readonly Lock _lock = new();
    private readonly List<string> _history = [];
    private readonly StringBuilder _line = new();
    private int _cursor;
    private bool _editing;
    private bool _lastWasTab;

    /// <summary>Reads keys from <paramref name="readKey"/>, draws on <paramref name="output"/>, completes with <paramref name="complete"/>.</summary>
    public LineEditor(Func<ConsoleKeyInfo> readKey, TextWriter output, string prompt, Func<string, Completion> complete)
    {
        _readKey = readKey ?? throw new ArgumentNullException(nameof(readKey));
        _output = output ?? throw new ArgumentNullException(nameof(output));
        _complete = complete ?? throw new ArgumentNullException(nameof(complete));
        Prompt = prompt ?? throw new ArgumentNullException(nameof(prompt));
    }

    /// <summary>The prompt drawn before the line.</summary>
    public string Prompt { get; }

    /// <summary>Lines submitted so far, oldest first (empty lines and repeats are not kept).</summary>
    public IReadOnlyList<string> History => _history;

    /// <summary>Reads one line; null when the operator pressed Ctrl+D on an empty line (or Ctrl+C).</summary>
    public string? ReadLine()
    {
        int historyIndex;
        lock (_lock)
        {
            _line.Clear();
            _cursor = 0;
            _editing = true;
            historyIndex = _history.Count;
            Redraw();
        }
        while (true)
        {
            ConsoleKeyInfo key = _readKey();
            lock (_lock)
            {
                bool tab = key.Key == ConsoleKey.Tab;
                bool control = (key.Modifiers & ConsoleModifiers.Control) != 0;
                switch (key.Key)
                {
                    case ConsoleKey.Enter:
                        string line = _line.ToString();
                        _editing = false;
                        _output.Write("\r\n");
                        _output.Flush();
                        if (line.Trim().Length > 0 && (_history.Count == 0 || _history[^1] != line)) _history.Add(line);
                        return line;
                    case ConsoleKey.D when control && _line.Length == 0:
                    case ConsoleKey.C when control:
                        _editing = false;
                        _output.Write("\r\n");
                        _output.Flush();
                        return null;
                    case ConsoleKey.Tab:
                        Complete();
                        break;
                    case ConsoleKey.Backspace:
                        if (_cursor > 0) _line.Remove(--_cursor, 1);
                        break;
                    case ConsoleKey.Delete:
                    case ConsoleKey.D when control:
                        if (_cursor < _line.Length) _line.Remove(_cursor, 1);
                        break;
                    case ConsoleKey.LeftArrow:
                    case ConsoleKey.B when control:
                        _cursor = Math.Max(0, _cursor - 1);
                        break;
                    case ConsoleKey.RightArrow:
                    case ConsoleKey.F when control:
                        _cursor = Math.Min(_line.Length, _cursor + 1);
                        break;
                    case ConsoleKey.Home:
                    case ConsoleKey.A when control:
                        _cursor = 0;
                        break;
                    case ConsoleKey.End:
                    case ConsoleKey.E when control:
                        _cursor = _line.Length;
                        break;
                    case ConsoleKey.U when control:
                        _line.Clear();
                        _cursor = 0;
                        break;
                    case ConsoleKey.UpArrow:
                    case ConsoleKey.P when control:
                        if (historyIndex > 0) SetLine(_history[--historyIndex]);
                        break;
                    case ConsoleKey.DownArrow:
                    case ConsoleKey.N when control:
                        if (historyIndex < _history.Count) historyIndex++;
                        SetLine(historyIndex < _history.Count ? _history[historyIndex] : "");
                        break;
                    default:
                        if (!control && key.KeyChar >= ' ' && key.KeyChar != '\u007f') _line.Insert(_cursor++, key.KeyChar);
                        break;
                }
                _lastWasTab = tab;
                Redraw();
            }
        }
    }

    /// <summary>Prints <paramref name="text"/> (one or more lines) above the line being edited, then redraws it; thread-safe.</summary>
    public void WriteAbove(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (_lock)
        {
            if (_editing) _output.Write("\r\u001b[K");
            _output.Write(text.Replace("\n", "\r\n", StringComparison.Ordinal).Replace("\r\r\n", "\r\n", StringComparison.Ordinal));
            _output.Write("\r\n");
            if (_editing) Redraw();
            _output.Flush();
        }
    }

    private void Complete()
    {
        // Tab completes only at the end of the line; in the middle it would have to guess where the word ends.
        if (_cursor != _line.Length) return;
        string before = _line.ToString();
        Completion completion = _complete(before);
        if (completion.Line != before)
        {
            SetLine(completion.Line);
            return;
        }
        if (_lastWasTab && completion.Candidates.Count > 1)
        {
            _output.Write("\r\u001b[K");
            _output.Write(string.Join("  ", completion.Candidates));
            _output.Write("\r\n");
        }
    }

    private void SetLine(string text)
    {
        _line.Clear().Append(text);
        _cursor = _line.Length;
    }

    private void Redraw()
    {
        _output.Write('\r');
        _output.Write(Prompt);
        _output.Write(_line.ToString());
        _output.Write("\u001b[K");
        int back = _line.Length - _cursor;
        if (back > 0) _output.Write($"\u001b[{back}D");
        _output.Flush();
    }
}

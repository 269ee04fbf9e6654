using Payload.Flight;
using Payload.Ground.Crew;

namespace Payload.Ground.Tests.Crew;

public sealed class LineEditorTests
{
    private readonly CommandCompleter _completer = new(FlightDictionary.Build(), CrewConsole.ConsoleWords);

    [Fact]
    public void TabCompletesAsTheOperatorTypesAndEnterSubmits()
    {
        var editor = Editor(Keys.Type("mode_s"), [Keys.Tab], Keys.Type("st"), [Keys.Tab, Keys.Enter]);

        Assert.Equal("MODE_SET STANDBY ", editor.ReadLine());
    }

    [Fact]
    public void CursorKeysEditInTheMiddleAndHistoryRecallsEarlierLines()
    {
        var editor = Editor(
            Keys.Type("TEST_ARE_YOU_ALIVE"), [Keys.Enter],
            Keys.Type("MODE_SET SAFE"), [Keys.Home], Keys.Type("x"), [Keys.Delete, Keys.End, Keys.Backspace, Keys.Enter],
            [Keys.Up, Keys.Up, Keys.Enter],
            [Keys.Control(ConsoleKey.D)]);

        Assert.Equal("TEST_ARE_YOU_ALIVE", editor.ReadLine());
        Assert.Equal("xODE_SET SAF", editor.ReadLine());
        Assert.Equal("TEST_ARE_YOU_ALIVE", editor.ReadLine());
        Assert.Null(editor.ReadLine()); // Ctrl+D on an empty line
        Assert.Equal(["TEST_ARE_YOU_ALIVE", "xODE_SET SAF", "TEST_ARE_YOU_ALIVE"], editor.History); // a recalled line is submitted again
    }

    [Fact]
    public void ASecondTabListsTheCandidatesAndLinesFromOtherThreadsGoAboveThePrompt()
    {
        var screen = new StringWriter();
        LineEditor? editor = null;
        var keys = new Queue<ConsoleKeyInfo>([.. Keys.Type("STORE_D"), Keys.Tab, Keys.Tab, Keys.Enter]);
        editor = new LineEditor(() =>
        {
            if (keys.Count == 1) editor!.WriteAbove("  1.000  TM[5,1]   SOMETHING_HAPPENED");
            return keys.Dequeue();
        }, screen, "> ", _completer.Complete);

        Assert.Equal("STORE_D", editor.ReadLine());
        string drawn = screen.ToString();
        Assert.Contains("STORE_DELETE_UNTIL  STORE_DISABLE  STORE_DOWNLINK_SEQ  STORE_DOWNLINK_TIME\r\n", drawn, StringComparison.Ordinal);
        // The event line erased the prompt, printed, and the prompt with the typed text came back after it.
        Assert.Contains("\r\u001b[K  1.000  TM[5,1]   SOMETHING_HAPPENED\r\n\r> STORE_D\u001b[K", drawn, StringComparison.Ordinal);
    }

    private LineEditor Editor(params ConsoleKeyInfo[][] presses)
    {
        var keys = new Queue<ConsoleKeyInfo>(presses.SelectMany(p => p));
        return new LineEditor(() => keys.Dequeue(), TextWriter.Null, "> ", _completer.Complete);
    }

    private static class Keys
    {
        public static readonly ConsoleKeyInfo Enter = new('\r', ConsoleKey.Enter, false, false, false);
        public static readonly ConsoleKeyInfo Tab = new('\t', ConsoleKey.Tab, false, false, false);
        public static readonly ConsoleKeyInfo Backspace = new('\b', ConsoleKey.Backspace, false, false, false);
        public static readonly ConsoleKeyInfo Delete = new('\0', ConsoleKey.Delete, false, false, false);
        public static readonly ConsoleKeyInfo Home = new('\0', ConsoleKey.Home, false, false, false);
        public static readonly ConsoleKeyInfo End = new('\0', ConsoleKey.End, false, false, false);
        public static readonly ConsoleKeyInfo Up = new('\0', ConsoleKey.UpArrow, false, false, false);

        public static ConsoleKeyInfo Control(ConsoleKey key) => new('\0', key, false, false, true);

        public static ConsoleKeyInfo[] Type(string text) =>
            text.Select(c => new ConsoleKeyInfo(c, char.IsAsciiLetter(c) ? ConsoleKey.A + (char.ToUpperInvariant(c) - 'A') : ConsoleKey.Oem1, char.IsUpper(c), false, false)).ToArray();
    }
}

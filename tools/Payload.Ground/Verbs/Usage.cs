namespace Payload.Ground.Verbs;

/// <summary>The tool's help text.</summary>
public static class Usage
{
    private static readonly (string Verb, string Synopsis, string Summary, string[] Details)[] Verbs =
    [
        ("demo", "demo [--radar nisar|sentinel1] [--out DIR] [--seconds N] [--quiet]", "a scripted session against the in-process simulated board, with a radar pass", [
            "Boots the simulated board in-process and runs a scripted ground session in virtual time, printing every",
            "telemetry packet as it arrives, then flies a radar pass, receives its products and raw records over ST[13],",
            "recomputes the products on the ground and writes the pass report; exits 0 when every expectation held.",
            "  --radar R     nisar (default) or sentinel1",
            "  --out DIR     where the archive (payload-archive.db) and the pass report go (default out/demo)",
            "  --seconds N   virtual duration of the session (default: as long as the script takes)",
            "  --quiet       print only the steps, their checks and the summary",
        ]),
        ("dict", "dict export [--json FILE] [--xtce FILE] [--no-schema]", "the flight dictionary as JSON and XTCE 1.2", [
            "Writes the flight dictionary as JSON and/or XTCE 1.2 (checked before anything is written).",
            "  --json FILE   the JSON dictionary",
            "  --xtce FILE   the XTCE mission database",
            "  --no-schema   check references only, not the XTCE schema (../shared/xtce)",
        ]),
        ("sim", "sim --listen URI [--tm URI] [--baud N] [--seed N] [--duration S] [--print] [--step-us N] [--corrupt P] [--control tcp://HOST:PORT]",
            "a simulated board as its own process, in real time, on TCP, UDP, a serial device or a pty", [
            "Runs the simulated board in real time (virtual time paced to the wall clock) and bridges its UART to one",
            "endpoint until Ctrl+C, SIGTERM or --duration. Housekeeping is on from boot, so a ground sees telemetry at once.",
            "  --listen URI    tcp://HOST:PORT   one ground at a time, COBS both ways; a new client replaces the old;",
            "                                    what the board sends while nobody is connected is dropped (a UART with",
            "                                    nothing attached)",
            "                  udp://HOST:PORT   one space packet per datagram (YAMCS, Wireshark); telecommands arrive here",
            "                  serial://PATH     a device this process opens, e.g. one end of a socat pty pair",
            "                  pty               a new pseudo-terminal (Linux); the ground opens the serial:// path printed",
            "  --tm URI        UDP: where telemetry goes from boot (default: the sender of the latest telecommand)",
            "  --baud N        the board's UART speed (default 115200, up to 921600): the simulated wire time of every octet",
            "  --seed N        seed of the board's random sources (link corruption)",
            "  --corrupt P     probability that an octet is corrupted on the simulated wire, each way (default 0)",
            "  --duration S    stop after S seconds (tests)",
            "  --print         print the telemetry the board sends, decoded",
            "  --step-us N     pacing step in microseconds (default 1000): the most the pacing delays a downlink octet;",
            "                  below 1000 the loop spins (a whole core)",
            "  --control URI   a bench control port for a HIL bench, its instruments as SCPI-like lines (port 0: any",
            "                  free one): 'PASS NISAR|SENTINEL1 [seed=N]' flies a radar pass and answers its truth;",
            "                  'POWER CYCLE [CAUSE]' resets the board; 'LINK OFF', 'LINK ON', 'LINK?' cut, restore",
            "                  and read its link; '*IDN?'. Each answers 'OK …' or 'ERR what went wrong'",
            "Prints one line at start (where it listens, the URI a ground uses, the dictionary hash, the bench control",
            "port), and the lag of virtual time behind the wall clock when it stops.",
        ]),
        ("send", "send TARGET MNEMONIC [ARGS…] [--wait accepted|started|completed] [--timeout S] [--force] [--dict FILE] [--archive FILE]",
            "one telecommand, its verification stages as they arrive", [
            "Connects to TARGET (sim:, tcp://HOST:PORT, serial://PATH?baud=N, udp://HOST:PORT?listen=PORT), checks the",
            "board's dictionary hash (from its first housekeeping or boot event), sends the command and prints each",
            "ST[1] stage and each reply as it arrives. Arguments: positional or name=value, labels, names, 0x…",
            "  --wait STAGE      the stage to await: accepted, started or completed (default)",
            "  --timeout S       how long to await it (default 10)",
            "  --hash-timeout S  how long to await the board's dictionary hash (default 3; without it, sends unchecked)",
            "  --force           command a board whose dictionary hash differs",
            "  --dict FILE       the ground's dictionary from an exported JSON file (default: the payload software's)",
            "  --archive FILE    also keep what the session receives and the command with its stages in the archive FILE",
            "                    (as for connect)",
            "Exit codes: 0 the stage succeeded; 1 a failure report (its code and data are printed); 2 a usage error",
            "(a bad mnemonic or argument, or an --archive file that is not an archive: nothing is sent); 3 timeout;",
            "4 link error; 5 dictionary mismatch.",
        ]),
        ("connect", "connect TARGET [--archive FILE] [--no-hk] [--color auto|always|never] [--force] [--dict FILE] [--timeout S]",
            "the crew console: commands by mnemonic with Tab completion, live telemetry and events", [
            "A prompt for 'MNEMONIC args' lines: Tab completes mnemonics, argument names and labels; each command's",
            "verification stages are shown as they arrive; telemetry and events are printed live (out-of-limit values",
            "red, events by severity). Words: help, help MNEMONIC, status, quit. With stdin redirected, lines are read",
            "plainly and each command is awaited (up to --timeout, default 10 s) before the next.",
            "  --archive FILE    keep the whole session in the SQLite ground archive FILE: every telemetry packet, the",
            "                    parameter values and events decoded from them, and every command sent with its",
            "                    verification stages. A missing FILE is created; an existing archive is appended to (each",
            "                    session is a new row of its sessions table). Query it with `archive --db FILE` and",
            "                    `plot --db FILE`. A file that cannot be written or is not an archive is refused before",
            "                    connecting.",
            "  --no-hk           do not print housekeeping reports (they are archived all the same)",
            "  --color MODE      auto (default: when the output is a terminal and NO_COLOR is unset), always, never",
            "  --force, --dict, --hash-timeout   as for send",
            "Exit codes: 0 after quit; 2 usage (or an --archive file that is not an archive); 4 link error;",
            "5 dictionary mismatch.",
        ]),
        ("archive", "archive [--db FILE] parameters NAME|events|commands|passes|export [options]", "queries the ground archive; CSV per query or per table", [
            "Reads the SQLite archive that `connect --archive FILE` or `demo` wrote (default: payload-archive.db here).",
            "  parameters NAME [--from T] [--to T] [--csv FILE] [--dict FILE]",
            "                                                      one parameter's values (HK and ST[20]) by on-board time,",
            "                                                      with the label of enumerated ones (mode.current…)",
            "  events [--severity S] [--name NAME] [--from T] [--to T] [--csv FILE]",
            "                                                      events of severity S or above (informative, low, medium, high)",
            "  commands [--from T] [--to T] [--csv FILE]           commands by ground time sent, with final state and stage times",
            "  passes                                              the instrument's passes (IDs for `plot --pass`)",
            "  export --csv DIR [--dict FILE]                      every table as DIR/TABLE.csv; parameters.csv ends with a label",
            "  --db FILE   the archive (default payload-archive.db); times T are seconds",
            "  --dict FILE the dictionary labels come from, as JSON (default: the payload software's); only values of",
            "              sessions written with that dictionary (same hash) are labelled",
        ]),
        ("plot", "plot [--db FILE] --pass ID --out DIR [--report]", "PNG plots of an archived pass, and its report", [
            "Draws pass ID of the archive (`archive passes` lists them) into DIR: pulse-train.png (peak level against TOA),",
            "antenna-pattern.png (bin means with the on-board parabola fit and the ground recomputation), hk-temperatures.png",
            "and hk-rails.png (housekeeping around the pass).",
            "  --report    also write DIR/pass-report.md comparing every on-board product with the ground's (exit 1 when one is beyond tolerance)",
        ]),
    ];

    /// <summary>Writes the overview of every verb.</summary>
    public static void Write(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("payload-ground: the payload's ground tool");
        writer.WriteLine();
        writer.WriteLine("usage: dotnet run --project tools/Payload.Ground -- <verb> [options]");
        writer.WriteLine();
        writer.WriteLine("verbs:");
        foreach (var (_, synopsis, summary, _) in Verbs)
        {
            writer.WriteLine($"  {synopsis}");
            writer.WriteLine($"      {summary}");
        }
        writer.WriteLine("  --help, help [verb]");
        writer.WriteLine("      this text, or one verb's options");
    }

    /// <summary>Writes one verb's help; false when there is no such verb.</summary>
    public static bool WriteVerb(string verb, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var (name, synopsis, _, details) in Verbs)
        {
            if (name != verb) continue;
            writer.WriteLine($"usage: payload-ground {synopsis}");
            writer.WriteLine();
            foreach (string line in details) writer.WriteLine(line);
            return true;
        }
        return false;
    }
}

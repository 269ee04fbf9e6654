using Payload.Flight.Dictionary;
using Payload.GroundStation;
using Payload.GroundStation.Archive;
using Payload.GroundStation.Link;
using Payload.GroundStation.Transports;

namespace Payload.Ground.Live;

/// <summary>
/// A ground session on a link named by a URI, for the live verbs: opens the link (a <c>sim:</c> target runs its board
/// in real time in this process), checks the board's dictionary hash as soon as it is reported, and, when asked, keeps
/// the whole session in the ground archive.
/// </summary>
public sealed class LiveTarget : IDisposable
{
    private readonly ManualResetEventSlim _hashSeen = new(false);

    private LiveTarget(IGroundLink link, GroundSession session, ArchiveWriter? archive)
    {
        Link = link;
        Session = session;
        Archive = archive;
        Session.DictionaryHashChecked += _ => _hashSeen.Set();
        if (Session.LastHashCheck is not null) _hashSeen.Set();
    }

    /// <summary>The link.</summary>
    public IGroundLink Link { get; }

    /// <summary>The session on it.</summary>
    public GroundSession Session { get; }

    /// <summary>The archive the session is kept in (telemetry, events, commands and their verification), or null.</summary>
    public ArchiveWriter? Archive { get; }

    /// <summary>
    /// Opens <paramref name="uri"/> with <paramref name="dictionary"/>; <paramref name="force"/> lets the session command a
    /// board with another dictionary; with <paramref name="archivePath"/>, everything of the session goes into that archive.
    /// </summary>
    /// <exception cref="UsageException">The URI is not a link, or the archive cannot be written (see <see cref="SessionArchive.Check"/>).</exception>
    /// <exception cref="IOException">The link cannot be opened.</exception>
    public static LiveTarget Open(string uri, MissionDictionary dictionary, bool force, string? archivePath = null)
    {
        LinkAddress address;
        try
        {
            address = LinkAddress.Parse(uri);
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message);
        }
        if (address.Scheme == LinkScheme.Pty)
            throw new UsageException("pty is for the simulator (sim --listen pty); connect to the serial:// path it prints");
        IGroundLink link = GroundLinkFactory.Open(address, new GroundLinkOptions { RealTimeSimulation = true });
        // Paused until the archive is attached, the link holding what arrives meanwhile: the archive misses no report.
        var session = new GroundSession(link, dictionary, new GroundSessionOptions { AllowDictionaryMismatch = force, StartPaused = true });
        try
        {
            ArchiveWriter? archive = archivePath is null ? null : SessionArchive.Open(archivePath, session, uri);
            var target = new LiveTarget(link, session, archive);
            session.Start();
            return target;
        }
        catch
        {
            session.Dispose();
            link.Dispose();
            throw;
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/> for the board to report its dictionary hash (boot event or housekeeping); null when it did not.</summary>
    public DictionaryHashCheck? AwaitHashCheck(TimeSpan timeout)
    {
        _hashSeen.Wait(timeout);
        return Session.LastHashCheck;
    }

    /// <summary>
    /// Waits for the hash and writes what it says; returns false (after saying why) when the board's dictionary differs
    /// and <paramref name="force"/> is not set.
    /// </summary>
    public bool CheckDictionary(TimeSpan timeout, bool force, TextWriter output, string verb)
    {
        ArgumentNullException.ThrowIfNull(output);
        DictionaryHashCheck? check = AwaitHashCheck(timeout);
        if (check is null)
        {
            output.WriteLine($"{verb}: warning: the board reported no dictionary hash within {timeout.TotalSeconds:0.#} s (no housekeeping or boot event yet); commands go unchecked");
            return true;
        }
        if (check.Matches)
        {
            output.WriteLine($"{verb}: {check} ({check.Source})");
            return true;
        }
        if (force)
        {
            output.WriteLine($"{verb}: warning: {check}; commanding anyway (--force)");
            return true;
        }
        output.WriteLine($"{verb}: {check}; refusing to command this board (give --force to override, or --dict the board's dictionary)");
        return false;
    }

    /// <summary>Closes the archive (writing what is queued), the session and the link.</summary>
    public void Dispose()
    {
        Archive?.Dispose();
        Session.Dispose();
        Link.Dispose();
        _hashSeen.Dispose();
    }
}

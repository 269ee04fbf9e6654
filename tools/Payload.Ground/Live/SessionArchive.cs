using Payload.GroundStation;
using Payload.GroundStation.Archive;

namespace Payload.Ground.Live;

/// <summary>The --archive FILE option of the live verbs: the file checked before connecting, the writer opened on the session, and the closing line.</summary>
public static class SessionArchive
{
    /// <summary>
    /// Checks that <paramref name="path"/> can take the session — a new file (created now) or an archive to append to —
    /// so that a wrong file is refused before anything is connected or sent.
    /// </summary>
    /// <exception cref="UsageException">The file cannot be written or is not a ground archive; the message says what to give instead.</exception>
    public static void Check(string verb, string path)
    {
        try
        {
            ArchiveFile.Prepare(path);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            throw Refusal(verb, path, e);
        }
    }

    /// <summary>Opens the archive at <paramref name="path"/> on <paramref name="session"/> (a new row in its sessions, the link named by <paramref name="uri"/>).</summary>
    /// <exception cref="UsageException">As <see cref="Check"/>.</exception>
    public static ArchiveWriter Open(string path, GroundSession session, string uri)
    {
        try
        {
            return new ArchiveWriter(path, session, new ArchiveWriterOptions { LinkDescription = uri });
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            throw Refusal(null, path, e);
        }
    }

    /// <summary>Closes <paramref name="archive"/> (writing everything queued) and says what it holds of this session.</summary>
    public static void Close(ArchiveWriter archive, GroundSession session, TextWriter output, string verb)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(output);
        archive.Dispose();
        output.WriteLine($"{verb}: archived {archive.PacketsWritten} packet(s) and {session.Tracker.Commands.Count} command(s) as session {archive.SessionId} of {archive.Path} " +
                         $"(query it: archive --db {archive.Path} commands)");
    }

    private static UsageException Refusal(string? verb, string path, Exception e) =>
        new($"{(verb is null ? "" : verb + ": ")}cannot archive into '{path}': {e.Message.TrimEnd('.')}. Give --archive a new file, or an archive that `connect --archive` or `demo` wrote");
}

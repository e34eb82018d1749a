using System.Runtime.InteropServices;

namespace CompassionBot.Tests.Support;

/// <summary>
/// Reads a SQLite database's WAL index (the <c>-shm</c> file, format documented at sqlite.org/walformat.html) without
/// touching the database: how many pages the log holds and how many of them a checkpoint has copied into the file.
/// </summary>
internal static class SqliteWalIndex
{
    private const int MaxFrameOffset = 16;      // WalIndexHdr.mxFrame
    private const int BackfillOffset = 96;      // WalCkptInfo.nBackfill, after the two 48-byte header copies

    public static (uint LogPages, uint CopiedPages) Read(string databasePath)
    {
        using var stream = new FileStream(databasePath + "-shm", FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        Span<byte> header = stackalloc byte[BackfillOffset + 4];
        stream.ReadExactly(header);

        // The WAL index is kept in the machine's native byte order (unlike the log and the database file).
        return (MemoryMarshal.Read<uint>(header[MaxFrameOffset..]), MemoryMarshal.Read<uint>(header[BackfillOffset..]));
    }
}

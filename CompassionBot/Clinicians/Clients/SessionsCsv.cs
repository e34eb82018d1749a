using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CompassionBot.Clinicians.Clients;

/// <summary>
/// A client's practice sessions as a CSV download (RFC 4180, UTF-8), for the API and the console alike. A field that a
/// spreadsheet would run as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or CR) is written as text.
/// </summary>
internal sealed class SessionsCsv(ClientRecordStore records)
{
    /// <summary>The columns, in order.</summary>
    public static readonly string[] Header =
        ["started_at", "ended_at", "practice", "family", "channel", "outcome", "distress_before", "distress_after", "resonance", "signals", "obstacle"];

    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape };

    /// <summary>The download of the sessions of <paramref name="clientId"/> (whom the caller has checked the user may see).</summary>
    public async Task<PushStreamHttpResult> ExportAsync(string clientId, CancellationToken cancellationToken)
    {
        var sessions = await records.SessionsAsync(clientId, cancellationToken).ConfigureAwait(false);
        return TypedResults.Stream(stream => WriteAsync(stream, sessions, cancellationToken), "text/csv; charset=utf-8", $"sessions-{clientId}.csv");
    }

    private static async Task WriteAsync(Stream stream, IReadOnlyList<PracticeSessionEntry> sessions, CancellationToken cancellationToken)
    {
        var csv = CsvWriter.Create(stream, Options, leaveOpen: true);
        await using (csv.ConfigureAwait(false))
        {
            await csv.WriteRecordAsync(Header, cancellationToken).ConfigureAwait(false);
            foreach (var session in sessions)
            {
                await csv.WriteRecordAsync(
                    [
                        Timestamp(session.StartedAt),
                        Timestamp(session.EndedAt),
                        session.PracticeId,
                        session.Family,
                        session.ChannelId,
                        session.Outcome,
                        session.DistressBefore?.ToString(CultureInfo.InvariantCulture),
                        session.DistressAfter?.ToString(CultureInfo.InvariantCulture),
                        session.Resonance,
                        string.Join(' ', session.Signals),
                        session.Obstacle,
                    ],
                    cancellationToken).ConfigureAwait(false);
            }

            await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

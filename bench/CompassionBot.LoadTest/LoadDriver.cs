using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace CompassionBot.LoadTest;

/// <summary>
/// Runs whole scripted conversations on <c>/api/messages</c>, one after another on each of N concurrent workers
/// (each conversation with a new person), and times every turn: in <c>expectReplies</c> mode the request until its
/// response; in normal delivery from the request until the turn's last reply reaches the sink. With several
/// instances, consecutive turns of a conversation go to different instances (a load balancer without affinity).
/// </summary>
internal sealed class LoadDriver(IReadOnlyList<HttpClient> instances, ConnectorSink? sink, IReadOnlyList<int> expectedReplies, bool uniqueText = false)
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);

    // Conversation ids are unique per run and per driver, so runs sharing one database, and the successive drivers of an
    // interleaved comparison, never continue each other's conversations.
    private static readonly string Run = Guid.NewGuid().ToString("N")[..8];
    private static int s_drivers;
    private readonly int _driver = Interlocked.Increment(ref s_drivers);
    private readonly long[] _turnsPerInstance = new long[instances.Count];
    private readonly List<(long EndedAt, double LatencyMs)> _allTurns = [];
    private int _errors;

    public int Errors => _errors;

    /// <summary>Turns sent to each instance (warm-up included).</summary>
    public IReadOnlyList<long> TurnsPerInstance => _turnsPerInstance;

    /// <summary>Every completed turn of the last run, warm-up included: when it ended and how long it took.</summary>
    public IReadOnlyList<(long EndedAt, double LatencyMs)> AllTurns => _allTurns;

    /// <summary>Runs one conversation in expectReplies mode and returns the number of message replies per turn.</summary>
    public static async Task<IReadOnlyList<int>> CalibrateAsync(HttpClient http)
    {
        var counts = new List<int>();
        string last = string.Empty;
        for (var turn = 0; turn < ConversationScript.Turns.Count; turn++)
        {
            using var response = await http.PostAsync(new Uri("api/messages", UriKind.Relative), Body($"calibration-{Run}", turn, null, expectReplies: true)).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"Calibration turn {turn}: {(int)response.StatusCode} {body}");
            }

            using var document = JsonDocument.Parse(body);
            var messages = document.RootElement.GetProperty("activities").EnumerateArray().Where(a => a.GetProperty("type").ValueEquals("message"u8)).ToList();
            counts.Add(messages.Count);
            last = messages.LastOrDefault().ValueKind == JsonValueKind.Object ? messages[^1].GetProperty("text").GetString() ?? string.Empty : string.Empty;
        }

        return last.StartsWith("That's the end of the practice", StringComparison.Ordinal)
            ? counts
            : throw new InvalidOperationException($"The script did not finish the practice; last reply: {last}");
    }

    /// <summary>
    /// Runs <paramref name="concurrency"/> workers; returns the latencies (ms) of turns inside the measured window
    /// (<see cref="AllTurns"/> keeps every turn).
    /// </summary>
    public async Task<double[]> RunAsync(int concurrency, TimeSpan warmup, TimeSpan duration)
    {
        var measureFrom = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(() => WorkAsync(w, stopAt))).ToArray();
        var turns = (await Task.WhenAll(workers).ConfigureAwait(false)).SelectMany(t => t).ToList();
        _allTurns.Clear();
        _allTurns.AddRange(turns.Select(t => (t.Ended, Stopwatch.GetElapsedTime(t.Started, t.Ended).TotalMilliseconds)));
        return [.. turns.Where(t => t.Started >= measureFrom && t.Ended <= stopAt).Select(t => Stopwatch.GetElapsedTime(t.Started, t.Ended).TotalMilliseconds)];
    }

    private async Task<List<(long Started, long Ended)>> WorkAsync(int worker, long stopAt)
    {
        var turns = new List<(long Started, long Ended)>(capacity: 4096);
        for (var n = 0; Stopwatch.GetTimestamp() < stopAt; n++)
        {
            var conversation = $"load-{Run}-{_driver}-{worker}-{n}";
            for (var turn = 0; turn < ConversationScript.Turns.Count && Stopwatch.GetTimestamp() < stopAt; turn++)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = await SendTurnAsync(conversation, turn).ConfigureAwait(false);
                if (!ok)
                {
                    Interlocked.Increment(ref _errors);
                    break;
                }

                turns.Add((started, Stopwatch.GetTimestamp()));
            }
        }

        return turns;
    }

    private async Task<bool> SendTurnAsync(string conversation, int turn)
    {
        var delivered = sink?.ExpectAsync(ActivityId(conversation, turn), expectedReplies[turn]);
        using var content = Body(conversation, turn, sink?.ServiceUrl, expectReplies: sink is null, uniqueText);
        var instance = (conversation.GetHashCode(StringComparison.Ordinal) & int.MaxValue) + turn;
        instance %= instances.Count;
        Interlocked.Increment(ref _turnsPerInstance[instance]);
        using var response = await instances[instance].PostAsync(new Uri("api/messages", UriKind.Relative), content).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return false;
        }

        if (delivered is null)
        {
            var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            return body.Length > 0;
        }

        try
        {
            await delivered.WaitAsync(ReplyTimeout).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static string ActivityId(string conversation, int turn) => $"{conversation}-{turn}";

    private static StringContent Body(string conversation, int turn, Uri? serviceUrl, bool expectReplies, bool uniqueText = false)
    {
        var text = ConversationScript.Text(turn, conversation, uniqueText);
        var json = new StringBuilder(512)
            .Append("{\"type\":\"").Append(text is null ? "conversationUpdate" : "message").Append('"')
            .Append(",\"id\":\"").Append(ActivityId(conversation, turn)).Append('"')
            .Append(",\"channelId\":\"emulator\",\"locale\":\"en-US\"")
            .Append(",\"from\":{\"id\":\"user-").Append(conversation).Append("\",\"role\":\"user\"}")
            .Append(",\"recipient\":{\"id\":\"bot\",\"role\":\"bot\"}")
            .Append(",\"conversation\":{\"id\":\"").Append(conversation).Append("\"}");
        if (text is null)
        {
            json.Append(",\"membersAdded\":[{\"id\":\"user-").Append(conversation).Append("\"}]");
        }
        else
        {
            json.Append(",\"text\":\"").Append(JsonEncodedText.Encode(text)).Append('"');
        }

        if (serviceUrl is not null)
        {
            json.Append(",\"serviceUrl\":\"").Append(serviceUrl.AbsoluteUri).Append('"');
        }

        if (expectReplies)
        {
            json.Append(",\"deliveryMode\":\"expectReplies\"");
        }

        json.Append('}');
        return new StringContent(json.ToString(), Encoding.UTF8, "application/json");
    }
}

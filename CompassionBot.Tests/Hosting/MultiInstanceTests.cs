using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using CompassionBot.Safety.Alerts;
using CompassionBot.Tests.Support;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace CompassionBot.Tests.Hosting;

/// <summary>
/// Two real service processes (the built executable) sharing one PostgreSQL database, as two instances behind a load
/// balancer with no affinity: each guarantee of the scale-out design is shown across the process boundary.
/// </summary>
public sealed class MultiInstanceTests(PostgresServer server) : PostgresDatabaseTest(server)
{
    private readonly string _signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    /// <summary>
    /// 40 messages of one conversation at once, alternating between the two processes, end in exactly the state and
    /// replies of the same 40 sent one by one: one turn at a time across instances, no lost update, no double reply.
    /// </summary>
    [Fact]
    public async Task Messages_ConcurrentTurnsOfOneConversationOnTwoProcesses_EndInTheSequentialState()
    {
        await using var a = await StartAsync();
        await using var b = await StartAsync();
        using var httpA = new HttpClient { BaseAddress = a.BaseAddress };
        using var httpB = new HttpClient { BaseAddress = b.BaseAddress };
        var sequential = new MessagesClient(httpA, "sequential", userId: "user-sequential");
        var onA = new MessagesClient(httpA, "concurrent", userId: "user-concurrent");
        var onB = new MessagesClient(httpB, "concurrent", userId: "user-concurrent");
        await sequential.JoinAsync(Ct);
        await onB.JoinAsync(Ct);
        var expected = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            expected.AddRange(MessagesClient.Texts(await (i % 2 == 0 ? sequential : new MessagesClient(httpB, "sequential", userId: "user-sequential")).SayAsync("1", Ct)));
        }

        var replies = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => (i % 2 == 0 ? onA : onB).SayAsync("1", Ct), Ct)));

        Assert.Equal(expected.Order(StringComparer.Ordinal), replies.SelectMany(MessagesClient.Texts).Order(StringComparer.Ordinal));
        Assert.Equal(await StateAsync("emulator/conversations/sequential"), await StateAsync("emulator/conversations/concurrent"));
        var profile = await StateAsync("emulator/users/user-sequential");
        Assert.Equal(profile, await StateAsync("emulator/users/user-concurrent"));
        using var document = JsonDocument.Parse(profile);
        Assert.InRange(document.RootElement.GetProperty("Profile").GetProperty("history").GetArrayLength(), 3, 40);
    }

    /// <summary>A Web Chat client streaming from process A sees the replies to messages that reached process B.</summary>
    [Fact]
    public async Task DirectLine_StreamOnOneProcessMessagesToTheOther_RepliesArriveInOrderWithConsecutiveWatermarks()
    {
        await using var a = await StartAsync();
        await using var b = await StartAsync();
        using var httpA = new HttpClient { BaseAddress = a.BaseAddress };
        using var httpB = new HttpClient { BaseAddress = b.BaseAddress };
        var clientA = new DirectLineTestClient(httpA);
        var clientB = new DirectLineTestClient(httpB);
        var (conversationId, token) = await clientA.StartAsync();
        using var stream = await DirectLineStreamClient.ConnectAsync(await clientA.StreamUrlAsync(conversationId, token));

        using (var sent = await clientB.PostMessageAsync(conversationId, token, "Self-Compassion Break", clientActivityId: "c1", fromId: "dl_test-user"))
        {
            sent.EnsureSuccessStatusCode();
        }

        var received = new List<CompassionBot.Dialogs.Schema.Activity>();
        while (!received.Any(r => r.Text?.StartsWith("Before we start: how much distress", StringComparison.Ordinal) == true))
        {
            var set = await stream.ReceiveSetAsync();
            if (set.Watermark is not null)
            {
                received.AddRange(set.Activities);
            }
        }

        Assert.Contains(received, r => r.Text == "Self-Compassion Break");
        var watermarks = received.Select(r => long.Parse(r.Id![(r.Id!.LastIndexOf('|') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range((int)watermarks[0], watermarks.Count).Select(w => (long)w), watermarks);
    }

    /// <summary>
    /// Process A raises a crisis alert and dies while delivering it (the clinic's endpoint never answered A); after
    /// A's lease runs out, process B delivers it, and the clinic receives it exactly once.
    /// </summary>
    [Fact]
    public async Task CrisisAlert_RaisingProcessDiesMidDelivery_OtherProcessDeliversItOnce()
    {
        var firstRequest = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var aDead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var accepted = new ConcurrentQueue<string>();
        await using var clinic = await LoopbackServer.StartAsync(async context =>
        {
            var eventId = context.Request.Headers[CrisisAlertClient.IdempotencyHeader].ToString();
            firstRequest.TrySetResult();
            if (!aDead.Task.IsCompleted)
            {
                // While A lives, no request is answered (A's retries included); A is killed while it waits. A request
                // still open when A is gone (B's, if A gave up and released the alert first under load) is refused, so
                // it is retried rather than counted as delivered.
                await Task.WhenAny(aDead.Task, Task.Delay(Timeout.Infinite, context.RequestAborted));
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }

            accepted.Enqueue(eventId);
            context.Response.StatusCode = StatusCodes.Status200OK;
        });
        var alerts = new Dictionary<string, string>
        {
            ["Safety__AlertWebhookUrl"] = new Uri(clinic.BaseAddress, "alerts").AbsoluteUri,
            ["Safety__AlertTimeout"] = "00:00:01",
            ["Safety__AlertRetryDelay"] = "00:00:00.100",
            ["Safety__AlertPollInterval"] = "00:00:01",
            ["Safety__AlertInitialBackoff"] = "00:00:01",
        };
        await using var a = await StartAsync(alerts);
        await using var b = await StartAsync(alerts);
        using var httpA = new HttpClient { BaseAddress = a.BaseAddress };

        var referral = MessagesClient.Texts(await new MessagesClient(httpA, "crisis").SayAsync("I want to kill myself tonight", Ct));
        await firstRequest.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await a.KillAsync();
        aDead.SetResult();

        Assert.Contains(referral, r => r.Contains("988", StringComparison.Ordinal));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (accepted.IsEmpty && waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            await Task.Delay(250, Ct);
        }

        // Two more poll intervals: nothing else may arrive.
        await Task.Delay(TimeSpan.FromSeconds(2.5), Ct);
        var eventId = Assert.Single(accepted);
        Assert.Equal(eventId, await ScalarAsync<string>("SELECT e.id FROM crisis_events e JOIN crisis_alert_outbox o ON o.event_id = e.id WHERE o.delivered_at IS NOT NULL"));
    }

    /// <summary>
    /// Both processes run the check-in scheduler (polling every second) over one enrolment whose slot falls in the
    /// next minute: the person receives the enrolment confirmation once and the check-in once.
    /// </summary>
    [Fact]
    public async Task CheckIns_TwoProcessesScheduling_SendEachSlotOnce()
    {
        await using var twilio = await FakeTwilioApi.StartAsync();
        var sms = new Dictionary<string, string>
        {
            ["Sms__PublicBaseUrl"] = SmsTestHost.PublicBaseUrl,
            ["Sms__Twilio__AccountSid"] = SmsTestHost.AccountSid,
            ["Sms__Twilio__AuthToken"] = SmsTestHost.AuthToken,
            ["Sms__Twilio__PhoneNumber"] = SmsTestHost.BotNumber,
            ["Sms__Twilio__ApiBaseUrl"] = twilio.BaseAddress.ToString(),
            ["Clinic__Name"] = SmsTestHost.ClinicName,
            ["Clinic__Contact"] = "555-0100, Mon-Fri 9-5",
            ["Clinic__ApiKeys__dr-test"] = SmsTestHost.ApiKey,
            ["CheckIns__PollInterval"] = "00:00:01",
        };
        await using var a = await StartAsync(sms);
        await using var b = await StartAsync(sms);
        using var httpA = new HttpClient { BaseAddress = a.BaseAddress };

        // A whole-hour UTC offset whose local time is inside the daytime window, so the next minute is a valid slot.
        var utcNow = TimeProvider.System.GetUtcNow();
        var offset = Enumerable.Range(-12, 27).First(h => utcNow.AddHours(h).Hour is >= 9 and < 19);
        var zone = offset == 0 ? "Etc/UTC" : $"Etc/GMT{(offset > 0 ? "-" : "+")}{Math.Abs(offset)}";
        var local = utcNow.AddHours(offset).AddMinutes(1);
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        await SmsTestHost.EnrolAsync(
            httpA, SmsTestHost.Client, zone, local.DayOfWeek.ToString()[..3], local.ToString("HH:mm", invariant),
            local.ToString("yyyy-MM-dd", invariant), "en", utcNow.AddDays(-1).ToString("O", invariant));

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (twilio.BodiesTo(SmsTestHost.Client).Count < 2 && waited.Elapsed < TimeSpan.FromSeconds(150))
        {
            await Task.Delay(250, Ct);
        }

        // Several more scheduler rounds on both processes: nothing else may go out.
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        var bodies = twilio.BodiesTo(SmsTestHost.Client);
        Assert.Equal(2, bodies.Count);
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM checkin_sends WHERE status = 'sent'"));
    }

    private Task<ServiceProcess> StartAsync(IReadOnlyDictionary<string, string>? extra = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Postgres",
            ["ConnectionStrings__Postgres"] = Database.ConnectionString,
            ["DirectLine__Secrets__0"] = DirectLineAppFactory.Secret,
            ["DirectLine__TokenSigningKey"] = _signingKey,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return ServiceProcess.StartAsync(environment, cancellationToken: Ct);
    }

    // Real processes run on the real clock: instants (properties named ...At) differ between the two conversations
    // and are blanked; everything else must be equal.
    private async Task<string> StateAsync(string key) =>
        WithoutInstants(JsonNode.Parse(await ScalarAsync<string>("SELECT json FROM bot_state WHERE key = @key", ("key", key))))!.ToJsonString();

    private static JsonNode? WithoutInstants(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    obj[name] = name.EndsWith("At", StringComparison.OrdinalIgnoreCase) && value is JsonValue ? "(instant)" : WithoutInstants(value?.DeepClone());
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = WithoutInstants(array[i]?.DeepClone());
                }

                break;
        }

        return node;
    }

    private async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Assert.IsType<T>(await command.ExecuteScalarAsync(Ct));
    }
}

using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace CompassionBot.Tests.Support;

/// <summary>
/// A loopback fake of Twilio's Messages API: records every POST to <c>/2010-04-01/Accounts/{sid}/Messages.json</c>
/// and answers 201, or with the failures queued by <see cref="FailNext"/>.
/// </summary>
public sealed class FakeTwilioApi : IAsyncDisposable
{
    private readonly ConcurrentQueue<(int Status, int Code)> _failures = new();
    private readonly ConcurrentQueue<FakeTwilioMessage> _attempts = new();
    private LoopbackServer? _server;
    private int _sequence;

    public Uri BaseAddress => _server!.BaseAddress;

    /// <summary>Every request received, in order (including failed attempts).</summary>
    public IReadOnlyList<FakeTwilioMessage> Attempts => [.. _attempts];

    /// <summary>Messages answered with 201, in order.</summary>
    public IReadOnlyList<FakeTwilioMessage> Delivered => [.. _attempts.Where(a => a.Status == StatusCodes.Status201Created)];

    /// <summary>Bodies delivered to <paramref name="to"/>, in order.</summary>
    public IReadOnlyList<string> BodiesTo(string to) => [.. Delivered.Where(m => m.To == to).Select(m => m.Body)];

    public static async Task<FakeTwilioApi> StartAsync()
    {
        var fake = new FakeTwilioApi();
        fake._server = await LoopbackServer.StartAsync(fake.HandleAsync);
        return fake;
    }

    /// <summary>Answers the next request with <paramref name="status"/> (and Twilio error <paramref name="code"/>).</summary>
    public void FailNext(int status, int code = 0) => _failures.Enqueue((status, code));

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var status = _failures.TryDequeue(out var failure) ? failure.Status : StatusCodes.Status201Created;
        _attempts.Enqueue(new FakeTwilioMessage(context.Request.Path, form["To"].ToString(), form["From"].ToString(), form["Body"].ToString(), status));
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var sid = $"SM{Interlocked.Increment(ref _sequence):D32}";
        var json = status == StatusCodes.Status201Created
            ? $"{{\"sid\":\"{sid}\",\"status\":\"queued\",\"num_segments\":\"1\"}}"
            : $"{{\"code\":{failure.Code},\"message\":\"fake failure\",\"more_info\":\"https://www.twilio.com/docs/errors/{failure.Code}\",\"status\":{status}}}";
        await context.Response.WriteAsync(json, context.RequestAborted);
    }
}

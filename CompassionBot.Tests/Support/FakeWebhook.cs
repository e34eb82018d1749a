using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace CompassionBot.Tests.Support;

/// <summary>
/// A loopback clinician-alert webhook that records every request and answers 503 while <see cref="Down"/> and to the
/// next <see cref="FailNext"/> requests.
/// </summary>
internal sealed class FakeWebhook : IAsyncDisposable
{
    private readonly ConcurrentQueue<Received> _requests = new();
    private readonly Lock _lock = new();
    private readonly List<(Func<Received, bool> Match, TaskCompletionSource<Received> Done)> _waiters = [];
    private LoopbackServer? _server;
    private int _failNext;

    public bool Down { get; set; }

    /// <summary>How many of the next requests to answer 503 whatever <see cref="Down"/> says.</summary>
    public int FailNext
    {
        get => Volatile.Read(ref _failNext);
        set => Volatile.Write(ref _failNext, value);
    }

    /// <summary>Sent as <c>Retry-After</c> (whole seconds) with every 503; none when null.</summary>
    public TimeSpan? RetryAfter { get; set; }

    public Uri Url => new(_server!.BaseAddress, "alerts");

    public IReadOnlyList<Received> Requests => [.. _requests];

    /// <summary>
    /// The first request (already received or still to come) that <paramref name="match"/> accepts; fails after
    /// <paramref name="timeout"/> of real time (deliveries run on the service's own background dispatcher).
    /// </summary>
    public Task<Received> WaitForAsync(Func<Received, bool> match, TimeSpan timeout)
    {
        lock (_lock)
        {
            if (_requests.FirstOrDefault(match) is { } seen)
            {
                return Task.FromResult(seen);
            }

            var done = new TaskCompletionSource<Received>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, done));
            return done.Task.WaitAsync(timeout, TestContext.Current.CancellationToken);
        }
    }

    public static async Task<FakeWebhook> StartAsync()
    {
        var webhook = new FakeWebhook();
        webhook._server = await LoopbackServer.StartAsync(webhook.HandleAsync);
        return webhook;
    }

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var down = TakeFailure() || Down;
        var received = new Received(context.Request.Method, context.Request.Path, context.Request.Headers["Idempotency-Key"].ToString(), context.Request.ContentType, body, down);
        lock (_lock)
        {
            _requests.Enqueue(received);
            foreach (var waiter in _waiters.Where(w => w.Match(received)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult(received);
            }
        }

        context.Response.StatusCode = down ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status202Accepted;
        if (down && RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = ((long)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }
    }

    private bool TakeFailure()
    {
        int left;
        do
        {
            left = Volatile.Read(ref _failNext);
            if (left <= 0)
            {
                return false;
            }
        }
        while (Interlocked.CompareExchange(ref _failNext, left - 1, left) != left);
        return true;
    }

    public sealed record Received(string Method, string Path, string IdempotencyKey, string? ContentType, string Body, bool AnsweredDown);
}

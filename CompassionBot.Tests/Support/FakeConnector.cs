using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using CompassionBot.Dialogs.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CompassionBot.Tests.Support;

/// <summary>
/// A loopback Bot Connector: records every POST (path, Authorization header, activity) and answers from a script
/// (default 200 with an id).
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly ConcurrentQueue<(int Status, string? RetryAfter, string? Body)> _script = new();
    private readonly List<RecordedPost> _posts = [];
    private readonly Lock _lock = new();
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];
    private LoopbackServer? _server;

    /// <summary>The serviceUrl to put on inbound activities (keeps a path, like Teams').</summary>
    public string ServiceUrl => new Uri(_server!.BaseAddress, "amer/").AbsoluteUri;

    public IReadOnlyList<RecordedPost> Posts
    {
        get
        {
            lock (_lock)
            {
                return [.. _posts];
            }
        }
    }

    /// <summary>Clock used to stamp recorded POSTs (the host's fake clock in tests).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Status code returned when the script is empty (default 200).</summary>
    public int DefaultStatus { get; set; } = 200;

    public static async Task<FakeConnector> StartAsync()
    {
        var connector = new FakeConnector();
        connector._server = await LoopbackServer.StartAsync(connector.HandleAsync);
        return connector;
    }

    /// <summary>Queues the answer to the next unanswered POST.</summary>
    public void Enqueue(int status, string? retryAfter = null, string? body = null) => _script.Enqueue((status, retryAfter, body));

    /// <summary>Completes when at least <paramref name="count"/> POSTs have arrived.</summary>
    public Task WaitForPostsAsync(int count)
    {
        lock (_lock)
        {
            if (_posts.Count >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
            return signal.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var json = await reader.ReadToEndAsync(context.RequestAborted);
        var body = new RecordedBody(context.Request.ContentLength, context.Request.ContentType, context.Request.Headers.TransferEncoding.ToString(), System.Text.Encoding.UTF8.GetByteCount(json));
        var activity = JsonSerializer.Deserialize(json, BotJsonContext.Default.Activity);
        var (status, retryAfter, answer) = _script.TryDequeue(out var scripted) ? scripted : (DefaultStatus, null, null);
        lock (_lock)
        {
            _posts.Add(new RecordedPost(context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget, context.Request.Headers.Authorization.ToString(), activity!, status, Clock.GetUtcNow())
            {
                Body = body,
                TraceParent = context.Request.Headers.TraceParent.ToString(),
            });
            foreach (var waiter in _waiters.Where(w => _posts.Count >= w.Count).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Signal.TrySetResult();
            }
        }

        context.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        if (status == (int)HttpStatusCode.OK)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer ?? $"{{\"id\":\"sent-{Posts.Count}\"}}", context.RequestAborted);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public sealed record RecordedPost(string Path, string Authorization, Activity Activity, int AnsweredStatus, DateTimeOffset At)
    {
        /// <summary>How the request body was framed.</summary>
        public RecordedBody Body { get; init; } = null!;

        /// <summary>The W3C <c>traceparent</c> header, empty when the request carried none.</summary>
        public string TraceParent { get; init; } = string.Empty;
    }

    /// <summary>A request body's Content-Length, Content-Type, Transfer-Encoding and actual size in bytes.</summary>
    public sealed record RecordedBody(long? ContentLength, string? ContentType, string TransferEncoding, int Bytes);
}

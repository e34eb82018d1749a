using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace CompassionBot.Tests.Support;

/// <summary>A loopback clinician-alert webhook that records every request and answers 503 while <see cref="Down"/>.</summary>
internal sealed class FakeWebhook : IAsyncDisposable
{
    private readonly ConcurrentQueue<Received> _requests = new();
    private LoopbackServer? _server;

    public bool Down { get; set; }

    public Uri Url => new(_server!.BaseAddress, "alerts");

    public IReadOnlyList<Received> Requests => [.. _requests];

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
        var down = Down;
        _requests.Enqueue(new Received(context.Request.Method, context.Request.Path, context.Request.Headers["Idempotency-Key"].ToString(), context.Request.ContentType, body, down));
        context.Response.StatusCode = down ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status202Accepted;
    }

    public sealed record Received(string Method, string Path, string IdempotencyKey, string? ContentType, string Body, bool AnsweredDown);
}

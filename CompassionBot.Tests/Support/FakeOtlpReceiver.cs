using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace CompassionBot.Tests.Support;

/// <summary>
/// A loopback OTLP/HTTP collector: records each export request (path, content type, body size) and answers 200 with
/// an empty protobuf body (a valid empty export response).
/// </summary>
internal sealed class FakeOtlpReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<Received> _requests = new();
    private LoopbackServer? _server;

    public Uri Endpoint => _server!.BaseAddress;

    public IReadOnlyList<Received> Requests => [.. _requests];

    /// <summary>Waits until an export with a body has reached <paramref name="path"/>, or <paramref name="timeout"/> has passed.</summary>
    public async Task WaitForExportAsync(string path, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!_requests.Any(r => r.Path == path && r.Length > 0) && !deadline.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), CancellationToken.None);
        }
    }

    public static async Task<FakeOtlpReceiver> StartAsync()
    {
        var receiver = new FakeOtlpReceiver();
        receiver._server = await LoopbackServer.StartAsync(receiver.HandleAsync);
        return receiver;
    }

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        _requests.Enqueue(new Received(context.Request.Method, context.Request.Path, context.Request.ContentType, body.Length));
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/x-protobuf";
    }

    public sealed record Received(string Method, string Path, string? ContentType, long Length);
}

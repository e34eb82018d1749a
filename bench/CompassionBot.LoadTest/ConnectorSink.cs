using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CompassionBot.LoadTest;

/// <summary>
/// A loopback Bot Connector that answers 200 to every reply POST and lets a driver wait until a given number of
/// message replies to one inbound activity (its <c>replyToId</c>, the last path segment) have arrived.
/// </summary>
internal sealed class ConnectorSink : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Waiter> _waiters = new(StringComparer.Ordinal);
    private WebApplication _app = null!;

    public Uri ServiceUrl { get; private set; } = null!;

    public static async Task<ConnectorSink> StartAsync()
    {
        var sink = new ConnectorSink();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(sink.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        sink._app = app;
        sink.ServiceUrl = new Uri(address.TrimEnd('/') + "/");
        return sink;
    }

    /// <summary>Completes when <paramref name="count"/> message replies to <paramref name="replyToId"/> have arrived.</summary>
    public Task ExpectAsync(string replyToId, int count)
    {
        var waiter = new Waiter(count);
        _waiters[replyToId] = waiter;
        return waiter.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        var isMessage = document.RootElement.TryGetProperty("type", out var type) && type.ValueEquals("message"u8);
        document.Dispose();
        var path = context.Request.Path.Value ?? string.Empty;
        var replyToId = Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
        if (isMessage && _waiters.TryGetValue(replyToId, out var waiter) && Interlocked.Decrement(ref waiter.Remaining) == 0)
        {
            _waiters.TryRemove(replyToId, out _);
            waiter.Done.TrySetResult();
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{\"id\":\"1\"}", context.RequestAborted).ConfigureAwait(false);
    }

    private sealed class Waiter(int count)
    {
#pragma warning disable CA1051, SA1401 // Interlocked needs a field.
        public int Remaining = count;
#pragma warning restore CA1051, SA1401

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

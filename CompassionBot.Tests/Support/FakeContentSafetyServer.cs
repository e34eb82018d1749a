using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CompassionBot.Tests.Support;

/// <summary>A loopback Kestrel fake of <c>POST /contentsafety/text:analyze</c> (api-version 2024-09-01): answers the
/// documented <c>AnalyzeTextResult</c> shape with the given severities, a 500, malformed JSON, or never (until disposed).</summary>
internal sealed class FakeContentSafetyServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _requests;

    private FakeContentSafetyServer(WebApplication app) => _app = app;

    public enum Behaviour
    {
        Severities,
        ServerError,
        Malformed,
        Hang,
    }

    public Uri Endpoint { get; private set; } = null!;

    public int Requests => Volatile.Read(ref _requests);

    public string? LastKey { get; private set; }

    public string? LastBody { get; private set; }

    public static Task<FakeContentSafetyServer> StartAsync(int selfHarm, int violence, CancellationToken cancellationToken) =>
        StartAsync(Behaviour.Severities, selfHarm, violence, cancellationToken);

    public static Task<FakeContentSafetyServer> StartAsync(Behaviour behaviour, CancellationToken cancellationToken) =>
        StartAsync(behaviour, 0, 0, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        _release.TrySetResult();
        await _app.DisposeAsync();
    }

    private static async Task<FakeContentSafetyServer> StartAsync(Behaviour behaviour, int selfHarm, int violence, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeContentSafetyServer(app);
        app.MapPost("/contentsafety/text:analyze", (Delegate)server.HandleAsync(behaviour, selfHarm, violence));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = new Uri(address + "/");
        return server;
    }

    private Func<HttpContext, Task<IResult>> HandleAsync(Behaviour behaviour, int selfHarm, int violence) => async context =>
    {
        Interlocked.Increment(ref _requests);
        LastKey = context.Request.Headers["Ocp-Apim-Subscription-Key"];
        using var reader = new StreamReader(context.Request.Body);
        LastBody = await reader.ReadToEndAsync(context.RequestAborted);
        if (context.Request.Query["api-version"] != "2024-09-01")
        {
            return Results.BadRequest();
        }

        switch (behaviour)
        {
            case Behaviour.ServerError:
                return Results.StatusCode(500);
            case Behaviour.Malformed:
                return Results.Text("""{"categoriesAnalysis":[{"category":"SelfHarm","severity":""", "application/json");
            case Behaviour.Hang:
                await _release.Task.WaitAsync(context.RequestAborted);
                return Results.StatusCode(500);
            default:
                var body = string.Create(
                    CultureInfo.InvariantCulture,
                    $$"""{"blocklistsMatch":[],"categoriesAnalysis":[{"category":"SelfHarm","severity":{{selfHarm}}},{"category":"Violence","severity":{{violence}}}]}""");
                return Results.Text(body, "application/json");
        }
    };
}

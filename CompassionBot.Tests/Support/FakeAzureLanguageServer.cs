using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CompassionBot.Tests.Support;

/// <summary>A loopback Kestrel fake of <c>POST /language/:analyze-text</c>: answers the documented sentiment shape,
/// a 500, or never (until disposed).</summary>
internal sealed class FakeAzureLanguageServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _requests;

    private FakeAzureLanguageServer(WebApplication app) => _app = app;

    public enum Behaviour
    {
        Sentiment,
        ServerError,
        Hang,
    }

    public Uri Endpoint { get; private set; } = null!;

    public int Requests => Volatile.Read(ref _requests);

    public string? LastKey { get; private set; }

    public string? LastBody { get; private set; }

    public static async Task<FakeAzureLanguageServer> StartAsync(Behaviour behaviour, double negative, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeAzureLanguageServer(app);
        app.MapPost("/language/:analyze-text", (Delegate)server.HandleAsync(behaviour, negative));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = new Uri(address + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        _release.TrySetResult();
        await _app.DisposeAsync();
    }

    private Func<HttpContext, Task<IResult>> HandleAsync(Behaviour behaviour, double negative) => async context =>
    {
        Interlocked.Increment(ref _requests);
        LastKey = context.Request.Headers["Ocp-Apim-Subscription-Key"];
        using var reader = new StreamReader(context.Request.Body);
        LastBody = await reader.ReadToEndAsync(context.RequestAborted);
        if (context.Request.Query["api-version"] != "2023-04-01")
        {
            return Results.BadRequest();
        }

        switch (behaviour)
        {
            case Behaviour.ServerError:
                return Results.StatusCode(500);
            case Behaviour.Hang:
                await _release.Task.WaitAsync(context.RequestAborted);
                return Results.StatusCode(500);
            default:
                var other = ((1 - negative) / 2).ToString(CultureInfo.InvariantCulture);
                var score = negative.ToString(CultureInfo.InvariantCulture);
                var body = $$$"""
                    {"kind":"SentimentAnalysisResults","results":{"documents":[{"id":"1","sentiment":"negative",
                    "confidenceScores":{"positive":{{{other}}},"neutral":{{{other}}},"negative":{{{score}}}},
                    "sentences":[],"warnings":[]}],"errors":[],"modelVersion":"2022-11-01"}}
                    """;
                return Results.Text(body, "application/json");
        }
    };
}

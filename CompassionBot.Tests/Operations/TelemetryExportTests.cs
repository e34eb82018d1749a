using System.Diagnostics;
using System.Net;
using CompassionBot.Hosting;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CompassionBot.Tests.Operations;

public sealed class TelemetryExportTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AddOperations_OtlpEndpointSet_ExportsTracesAndMetricsOverHttpProtobuf()
    {
        await using var receiver = await FakeOtlpReceiver.StartAsync();
        var sut = new OperationsAppFactory(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "100",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        });
        await using (sut)
        {
            using var http = sut.CreateClient();
            await new MessagesClient(http, "otlp-" + Guid.NewGuid().ToString("N")).SayAsync("hello", TestContext.Current.CancellationToken);

            // Both exporters run every 100 ms; waiting for them while the host runs does not depend on the flush at
            // shutdown finishing in time on a busy machine.
            await receiver.WaitForExportAsync("/v1/traces", Patience);
            await receiver.WaitForExportAsync("/v1/metrics", Patience);
        }

        var requests = receiver.Requests;
        Assert.Contains(requests, r => r is { Method: "POST", Path: "/v1/traces", ContentType: "application/x-protobuf", Length: > 0 });
        Assert.Contains(requests, r => r is { Method: "POST", Path: "/v1/metrics", ContentType: "application/x-protobuf", Length: > 0 });
    }

    [Fact]
    public async Task AddOperations_NormalDeliveryToPhoneNumberConversation_ExportsOutboundSpanWithHostOnly()
    {
        // On SMS through Azure Bot Service the conversation id is the person's phone number, and it is in the reply's path.
        const string phoneNumber = "+15551234567";
        const string digits = "15551234567";
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await FakeOtlpReceiver.StartAsync();
        await using var connector = await FakeConnector.StartAsync();
        var exported = new List<Activity>();
        var sut = new OperationsAppFactory(
            new Dictionary<string, string?>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString().TrimEnd('/'),
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            },
            services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(exported)));
        await using (sut)
        {
            using var http = sut.CreateClient();
            var person = new MessagesClient(http, phoneNumber) { ServiceUrl = connector.ServiceUrl };
            using var response = await person.PostAsync(person.Message("menu"), ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await connector.WaitForPostsAsync(1);
            await sut.Services.GetRequiredService<BackgroundTurnRunner>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30), ct);
        }

        Assert.Contains(digits, Assert.Single(connector.Posts).Path, StringComparison.Ordinal);
        var connectorUri = new Uri(connector.ServiceUrl);
        var outbound = Assert.Single(exported, s => s.Kind == ActivityKind.Client && Equals(s.GetTagItem("server.port"), connectorUri.Port));
        Assert.Equal($"http://127.0.0.1:{connectorUri.Port}/", outbound.GetTagItem("url.full"));

        // The fake Connector runs in this process, so the service's ASP.NET Core instrumentation also records its
        // server span (with the full path); a real Connector is elsewhere. Every other span must be free of the path.
        var ours = exported.Where(s => !(s.Kind == ActivityKind.Server && Equals(s.GetTagItem("server.port"), connectorUri.Port))).ToList();
        Assert.All(ours, s => Assert.All(
            s.TagObjects.Select(t => $"{t.Key}={t.Value}").Prepend(s.DisplayName),
            text => Assert.False(text.Contains(digits, StringComparison.Ordinal) || text.Contains("/v3/conversations/", StringComparison.Ordinal), text)));
    }

    [Fact]
    public async Task AddOperations_NoOtlpEndpoint_RegistersNoTelemetryProviders()
    {
        await using var sut = new OperationsAppFactory();
        using var http = sut.CreateClient();

        Assert.Null(sut.Services.GetService<MeterProvider>());
        Assert.Null(sut.Services.GetService<TracerProvider>());
    }
}

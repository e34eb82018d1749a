using CompassionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CompassionBot.Tests.Operations;

public sealed class TelemetryExportTests
{
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
        }

        // Stopping the host flushes both providers, so no waiting is needed.
        var requests = receiver.Requests;
        Assert.Contains(requests, r => r is { Method: "POST", Path: "/v1/traces", ContentType: "application/x-protobuf", Length: > 0 });
        Assert.Contains(requests, r => r is { Method: "POST", Path: "/v1/metrics", ContentType: "application/x-protobuf", Length: > 0 });
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

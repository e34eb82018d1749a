using System.Collections.Concurrent;
using System.Diagnostics;
using OpenTelemetry;

namespace CompassionBot.Tests.Support;

/// <summary>
/// Keeps every span the tracer provider exports, as the OTLP exporter receives it (after instrumentation enrichment).
/// Add it with <c>services.ConfigureOpenTelemetryTracerProvider(t => t.AddProcessor(new SimpleActivityExportProcessor(exporter)))</c>.
/// </summary>
internal sealed class InMemorySpanExporter : BaseExporter<Activity>
{
    private readonly ConcurrentQueue<Activity> _spans = new();

    public IReadOnlyList<Activity> Spans => [.. _spans];

    public override ExportResult Export(in Batch<Activity> batch)
    {
        foreach (var span in batch)
        {
            _spans.Enqueue(span);
        }

        return ExportResult.Success;
    }
}

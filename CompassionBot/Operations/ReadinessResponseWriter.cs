using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CompassionBot.Operations;

/// <summary>
/// Writes <c>/readyz</c> as short JSON: <c>{"status":"unhealthy","checks":{"storage":{"status":"unhealthy",
/// "reason":"migrations pending","schemaVersion":0,"expectedVersion":9}}}</c>. Only a check's own description is
/// written, never an exception's message (which could name a file or a host).
/// </summary>
internal static class ReadinessResponseWriter
{
    /// <summary>Reason written for a check that threw instead of answering.</summary>
    public const string CheckFailed = "check failed";

    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteString("status", Status(report.Status));
        writer.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            writer.WriteStartObject(name);
            writer.WriteString("status", Status(entry.Status));
            if (entry.Status != HealthStatus.Healthy)
            {
                writer.WriteString("reason", entry.Exception is null ? entry.Description ?? CheckFailed : CheckFailed);
            }

            foreach (var (key, value) in entry.Data)
            {
                WriteValue(writer, key, value);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static string Status(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };

    // Checks put only numbers and flags in their data; anything else is left out rather than stringified.
    private static void WriteValue(Utf8JsonWriter writer, string key, object value)
    {
        switch (value)
        {
            case bool flag:
                writer.WriteBoolean(key, flag);
                break;
            case int number:
                writer.WriteNumber(key, number);
                break;
            case long number:
                writer.WriteNumber(key, number);
                break;
        }
    }
}

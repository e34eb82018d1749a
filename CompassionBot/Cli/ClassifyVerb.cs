using System.Buffers;
using System.Text;
using System.Text.Json;
using CompassionBot.Dialogs.Safety;

namespace CompassionBot.Cli;

/// <summary>
/// <c>classify</c>: reads one message per line (UTF-8) and writes one JSON object per line,
/// <c>{"risk":"crisis|concern|none","rules":[...]}</c>, for evaluating the embedded detector on any labelled file.
/// </summary>
internal static class ClassifyVerb
{
    /// <summary>Classifies every line of standard input onto standard output, both UTF-8 without a byte-order mark.</summary>
    public static async Task<int> RunConsoleAsync(ICrisisDetector detector, CancellationToken cancellationToken)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var input = new StreamReader(Console.OpenStandardInput(), utf8);
        await using var output = new StreamWriter(Console.OpenStandardOutput(), utf8) { AutoFlush = false };
        return await RunAsync(input, output, detector, cancellationToken);
    }

    /// <summary>Classifies every line of <paramref name="input"/>; returns the process exit code (0).</summary>
    public static async Task<int> RunAsync(TextReader input, TextWriter output, ICrisisDetector detector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(detector);
        var buffer = new ArrayBufferWriter<byte>();
        await using var json = new Utf8JsonWriter(buffer);
        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            var assessment = detector.Classify(line, locale: null);
            buffer.ResetWrittenCount();
            json.Reset(buffer);
            json.WriteStartObject();
            json.WriteString("risk", assessment.Level switch
            {
                RiskLevel.Crisis => "crisis",
                RiskLevel.Concern => "concern",
                _ => "none",
            });
            json.WriteStartArray("rules");
            foreach (var rule in assessment.Rules)
            {
                json.WriteStringValue(rule);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            await json.FlushAsync(cancellationToken);
            await output.WriteLineAsync(Encoding.UTF8.GetString(buffer.WrittenSpan).AsMemory(), cancellationToken);
        }

        await output.FlushAsync(cancellationToken);
        return 0;
    }
}

using System.Buffers;
using System.Text;
using System.Text.Json;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.Understanding;

namespace CompassionBot.Cli;

/// <summary>
/// <c>classify</c>: reads one message per line (UTF-8; the two characters <c>\n</c> stand for a line break inside a
/// message, as in the labelled corpus) and writes one JSON object per line through the same screen every channel uses:
/// <c>{"risk":"crisis|concern|none","rules":[...],"model":{"crisis":0.93,"concern":0.05,"none":0.02},"source":"model"}</c>.
/// <c>model</c> is null when the semantic layer did not run (the rules had decided, or the line is a routine reply);
/// <c>source</c> is what set the level: <c>rules</c>, <c>model</c>, <c>signal</c> or <c>none</c>.
/// </summary>
internal static class ClassifyVerb
{
    /// <summary>Classifies every line of standard input onto standard output, both UTF-8 without a byte-order mark.</summary>
    public static async Task<int> RunConsoleAsync(ICrisisScreen screen, ISentenceEncoder encoder, CancellationToken cancellationToken)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var input = new StreamReader(Console.OpenStandardInput(), utf8);
        await using var output = new StreamWriter(Console.OpenStandardOutput(), utf8) { AutoFlush = false };
        return await RunAsync(input, output, screen, encoder, cancellationToken);
    }

    /// <summary>Classifies every line of <paramref name="input"/>; returns the process exit code (0).</summary>
    public static async Task<int> RunAsync(TextReader input, TextWriter output, ICrisisScreen screen, ISentenceEncoder encoder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(screen);
        ArgumentNullException.ThrowIfNull(encoder);
        var buffer = new ArrayBufferWriter<byte>();
        await using var json = new Utf8JsonWriter(buffer);
        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            var message = new MessageUnderstanding(line.Replace("\\n", "\n", StringComparison.Ordinal), encoder);
            var assessment = await screen.ScreenAsync(message, locale: null, cancellationToken);
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
            WriteModel(json, assessment);
            json.WriteString("source", assessment.Source switch
            {
                ScreeningSource.Rules => "rules",
                ScreeningSource.Model => "model",
                ScreeningSource.Signal => "signal",
                ScreeningSource.Screening => "screening",
                _ => "none",
            });
            json.WriteEndObject();
            await json.FlushAsync(cancellationToken);
            await output.WriteLineAsync(Encoding.UTF8.GetString(buffer.WrittenSpan).AsMemory(), cancellationToken);
        }

        await output.FlushAsync(cancellationToken);
        return 0;
    }

    private static void WriteModel(Utf8JsonWriter json, SafetyAssessment assessment)
    {
        if (assessment.Model is not { } scores)
        {
            json.WriteNull("model");
            return;
        }

        json.WriteStartObject("model");
        json.WriteNumber("crisis", Math.Round(scores.Crisis, 3));
        json.WriteNumber("concern", Math.Round(scores.Concern, 3));
        json.WriteNumber("none", Math.Round(scores.None, 3));
        json.WriteEndObject();
    }
}

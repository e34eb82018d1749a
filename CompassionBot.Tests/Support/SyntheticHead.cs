using System.Runtime.InteropServices;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.Safety.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CompassionBot.Tests.Support;

/// <summary>Crisis heads with fixed verdicts (zero weights, one class's bias high), for testing what the screen and the gate do with them.</summary>
internal static class SyntheticHead
{
    /// <summary>A head that scores every message as <paramref name="level"/> with probability about 0.99.</summary>
    public static CrisisHead Always(RiskLevel level)
    {
        var encoder = SafetyContent.Encoder;
        float[] biases = [0, 0, 0];
        biases[(int)level] = 6;
        var zeros = Convert.ToBase64String(MemoryMarshal.AsBytes(new float[encoder.Dimensions].AsSpan()));
        var features = SafetyContent.Head.File.TextFeatures;
        var text = Convert.ToBase64String(MemoryMarshal.AsBytes(new float[features.Buckets].AsSpan()));
        var file = new CrisisHeadFile(
            CrisisHeadFile.CurrentFormat,
            "test",
            encoder.Fingerprint,
            encoder.Dimensions,
            features,
            CrisisHeadFile.ClassOrder,
            [zeros, zeros, zeros],
            [text, text, text],
            biases,
            new Dictionary<string, ModelThresholds> { ["en"] = new(0.5f, 0.5f), ["es"] = new(0.5f, 0.5f) },
            new TrainingCorpusInfo("test", 0, []));
        return CrisisHead.FromFile(file, encoder.Fingerprint, encoder.Dimensions);
    }

    /// <summary>Replaces the service's semantic layer with one whose head always says <paramref name="level"/>.</summary>
    public static void Use(IServiceCollection services, RiskLevel level)
    {
        services.RemoveAll<SemanticCrisisLayer>();
        services.AddSingleton(new SemanticCrisisLayer(Always(level), cacheSize: 0));
    }
}

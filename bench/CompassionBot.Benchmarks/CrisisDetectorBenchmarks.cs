using BenchmarkDotNet.Attributes;
using CompassionBot.Dialogs.Safety;

namespace CompassionBot.Benchmarks;

/// <summary>
/// The embedded crisis detector over a realistic mix: mostly practice replies and everyday chat, some distress and
/// idioms, a few concern and crisis messages (English and Spanish, SMS style included). One operation = one message.
/// </summary>
[MemoryDiagnoser]
public class CrisisDetectorBenchmarks
{
    private static readonly string[] Mix =
    [
        "yes", "ok", "7", "I'd rate it a 4", "sure, let's try", "skip", "menu", "thank you", "maybe later", "no thanks",
        "I noticed my breath slowing down", "my chest feels tight", "I'd tell a friend they're doing their best",
        "May I be kind to myself, may I accept myself as I am", "I'm grateful for my sister and my morning coffee",
        "I put my hand on my heart and it felt warm", "I imagined my grandmother smiling at me",
        "I felt judged at work today and I'm trying to let it go, it's been a long week honestly",
        "can we do something shorter", "this isn't really working for me", "I'm at work, can we do this later",
        "I wrote that I'm proud of getting out of bed this morning even though it was hard",
        "this homework is killing me lol", "I'm dying to see the new movie", "my phone is dead", "I'm so tired of this",
        "I cut myself shaving", "my mom is going to kill me when she sees my grades", "I feel so lonely today",
        "rough day, feeling low", "I'm stressed about exams", "me siento sola", "gracias", "un 6", "me muero de risa",
        "que mi corazón esté en paz", "estoy agradecida por mi perro", "I feel hopeless", "I can't keep doing this",
        "lol i kinda want to die fr", "I'm not going to do anything, I just keep thinking about killing myself",
        "kms", "me quiero morir",
    ];

    private LexiconCrisisDetector _detector = null!;

    [GlobalSetup]
    public void Setup() => _detector = LexiconCrisisDetector.Load(Path.Combine(AppContext.BaseDirectory, "Content"));

    [Benchmark(OperationsPerInvoke = 43)]
    public int ClassifyMessage()
    {
        var flagged = 0;
        foreach (var message in Mix)
        {
            flagged += (int)_detector.Classify(message, "en").Level;
        }

        return flagged;
    }
}

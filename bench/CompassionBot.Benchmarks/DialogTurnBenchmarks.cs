using BenchmarkDotNet.Attributes;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.State;
using CompassionBot.Dialogs.Turns;
using CompassionBot.Hosting;
using CompassionBot.Safety;
using CompassionBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CompassionBot.Benchmarks;

/// <summary>
/// One dialog turn in process, through the service's own registrations (BotAdapter → safety gate → interruptions →
/// dialogs → state commit), without HTTP. One operation = one turn, averaged over a whole Self-Compassion Break
/// conversation (join, choose, rate, four steps, a kind word, rate, "helpful"); each conversation is a new person and
/// is deleted afterwards so the store stays the same size.
/// </summary>
[MemoryDiagnoser]
public class DialogTurnBenchmarks
{
    private const int TurnsPerConversation = 10;

    private static readonly string?[] Script =
    [
        null, "Self-Compassion Break", "6", "Next", "Next", "Next", "Next", "It's okay, you're doing your best.", "4", "Helpful",
    ];

    private readonly NullSender _sender = new();
    private ServiceProvider _services = null!;
    private BotAdapter _adapter = null!;
    private IStorage _storage = null!;
    private string _folder = null!;
    private int _conversation;

    /// <summary><c>Memory</c> or <c>Sqlite</c> (a fresh file, WAL, every turn committed).</summary>
    [Params("Memory", "Sqlite")]
    public string Store { get; set; } = "Memory";

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("compassionbot-bench-").FullName;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = Store,
            ["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(_folder, "bench.db")}",
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddCompassionStorage(configuration)
            .AddBotCore()
            .AddCrisisDetection()
            .AddCrisisFlow()
            .AddCompassionBot();
        _services = services.BuildServiceProvider();
        _adapter = _services.GetRequiredService<BotAdapter>();
        _storage = _services.GetRequiredService<IStorage>();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = TurnsPerConversation)]
    public async Task<int> DialogTurn()
    {
        var id = $"bench-{_conversation++}";
        var conversation = new ConversationAccount { Id = id };
        var user = new ChannelAccount { Id = "user-" + id, Role = "user" };
        var bot = new ChannelAccount { Id = "bot", Role = "bot" };
        var replies = 0;
        for (var turn = 0; turn < Script.Length; turn++)
        {
            var activity = new Activity
            {
                Type = Script[turn] is null ? ActivityTypes.ConversationUpdate : ActivityTypes.Message,
                Id = $"{id}-{turn}",
                Text = Script[turn],
                ChannelId = "emulator",
                Locale = "en-US",
                Conversation = conversation,
                From = user,
                Recipient = bot,
                MembersAdded = Script[turn] is null ? [user] : null,
            };
            var result = await _adapter.ProcessActivityAsync(activity, _sender, CancellationToken.None);
            replies += result.Replies.Count;
        }

        await _storage.DeleteAsync([$"emulator/conversations/{id}", $"emulator/users/user-{id}"], CancellationToken.None);
        return replies;
    }

    private sealed class NullSender : IChannelSender
    {
        private static readonly IReadOnlyList<ResourceResponse> None = [];

        public Task<IReadOnlyList<ResourceResponse>> SendAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken) => Task.FromResult(None);
    }
}

using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Practices;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Tests.Practices;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CompassionBot.Tests.Safety;

/// <summary>
/// A crisis message at every point of every practice, in every language, through the real pipeline: inside the menu
/// prompt, the rating prompts, every step, the "how did that feel?" prompt and the alternatives offer. Each case
/// drives a fresh conversation to that point, checks it got there, then sends the crisis message.
/// </summary>
public sealed class CrisisAtEveryStepTests : IClassFixture<BotApplicationFactory>
{
    // A free-text answer in the conversation's language (a message plainly in the other one switches the language).
    private static readonly Dictionary<string, string> TextAnswers = new(StringComparer.Ordinal)
    {
        [SupportedLocales.English] = "I am trying to be a little kinder to myself today",
        [SupportedLocales.Spanish] = "hoy intento ser un poco más amable conmigo",
    };
    private static readonly PracticeCatalog Catalog = PracticeCatalog.Load(RealContent.RootPath);
    private static readonly MessageCatalog Messages = MessageCatalog.Load(RealContent.RootPath);
    private readonly BotApplicationFactory _factory;

    public CrisisAtEveryStepTests(BotApplicationFactory factory) => _factory = factory;

    public static TheoryData<string, string, string> Points()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var locale in SupportedLocales.All)
        {
            foreach (var practice in Catalog.All(locale))
            {
                foreach (var point in PointsOf(practice))
                {
                    data.Add(locale, practice.Id, point);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Points))]
    public async Task CrisisMessage_AtPracticePoint_RefersInSameTurnAndStaysInCrisisModeUntilSafe(string locale, string practiceId, string point)
    {
        var ct = TestContext.Current.CancellationToken;
        var practice = Catalog.Get(practiceId, locale);
        var sut = new TestConversation(_factory.Services, "test", locale + "-US", userId: "user-" + Guid.NewGuid().ToString("N"));
        await DriveToAsync(sut, practice, point, ct);

        var replies = await sut.SendAsync(locale == SupportedLocales.Spanish ? "la verdad es que quiero matarme" : "honestly I want to kill myself", ct);

        string[] expected = [Messages.Get("crisis.referral", locale), Messages.Get("referral.US", locale), Messages.Get("crisis.clinic.tell", locale, ("clinicContact", Messages.Get("clinic.contact.unset", locale)))];
        Assert.Equal(expected, replies.Select(r => r.Text));
        Assert.All(replies, r => Assert.Null(r.SuggestedActions));
        var events = await _factory.Services.GetRequiredService<ICrisisEventStore>().ListAsync("test", sut.Conversation.Id!, ct);
        Assert.Equal(RiskLevel.Crisis, Assert.Single(events).Level);

        // Crisis mode: whatever comes next, the line again and "are you safe right now?", never the practice.
        var reminder = Messages.Get("crisis.mode.ask", locale, ("crisisLine", Messages.Get("crisisLine.US", locale)));
        Assert.Equal([reminder], (await sut.SendAsync("ok", ct)).Select(r => r.Text));
        Assert.Equal([reminder], (await sut.SendAsync("5", ct)).Select(r => r.Text));
        Assert.Equal([Messages.Get("crisis.safe.ack", locale)], (await sut.SendAsync(locale == SupportedLocales.Spanish ? "sí" : "yes", ct)).Select(r => r.Text));

        // The practice the crisis interrupted has ended: an answer it would have taken starts the menu afresh.
        var next = await sut.SendAsync("5", ct);
        Assert.StartsWith(Messages.Get("menu.intro", locale), next[0].Text, StringComparison.Ordinal);
    }

    internal static IEnumerable<string> PointsOf(Practice practice)
    {
        yield return "menu";
        if (practice.RateBefore)
        {
            yield return "rating.before";
        }

        foreach (var step in practice.Steps)
        {
            yield return "step:" + step.Id;
            if (step.Keep is not null)
            {
                yield return "keep:" + step.Id;
            }
        }

        if (practice.RateAfter)
        {
            yield return "rating.after";
        }

        yield return "feel";
        yield return "alternatives";
    }

    /// <summary>Talks through <paramref name="practice"/> until the bot has just asked for <paramref name="point"/>.</summary>
    internal static async Task DriveToAsync(TestConversation conversation, Practice practice, string point, CancellationToken ct)
    {
        var locale = practice.Locale;
        var last = await conversation.SendAsync("menu", ct);
        if (await ArrivedAsync("menu", Messages.Get("menu.intro", locale), startsWith: true))
        {
            return;
        }

        last = await conversation.SendAsync(practice.Title, ct);
        if (practice.RateBefore)
        {
            if (await ArrivedAsync("rating.before", Messages.Get("rating.before", locale)))
            {
                return;
            }

            last = await conversation.SendAsync("5", ct);
        }

        foreach (var step in practice.Steps)
        {
            if (await ArrivedAsync("step:" + step.Id, step.Text))
            {
                return;
            }

            last = await conversation.SendAsync(Answer(step, practice.Locale), ct);
            if (step.Keep is { } kind)
            {
                if (await ArrivedAsync("keep:" + step.Id, Messages.Get($"keep.{kind.ToString().ToLowerInvariant()}.ask", locale)))
                {
                    return;
                }

                last = await conversation.SendAsync(Messages.Get("keep.no", locale), ct);
            }
        }

        if (practice.RateAfter)
        {
            if (await ArrivedAsync("rating.after", Messages.Get("rating.after", locale)))
            {
                return;
            }

            last = await conversation.SendAsync("5", ct);
        }

        if (await ArrivedAsync("feel", Messages.Get("feel.ask", locale)))
        {
            return;
        }

        last = await conversation.SendAsync(Messages.Get("feel.notforme", locale), ct);
        Assert.True(await ArrivedAsync("alternatives", Messages.Get("nonresonance.offer", locale)), "the driver did not reach the alternatives offer");

        Task<bool> ArrivedAsync(string here, string expectedPrompt, bool startsWith = false)
        {
            Assert.NotEmpty(last);
            var text = last[^1].Text ?? string.Empty;
            Assert.True(
                startsWith ? text.StartsWith(expectedPrompt, StringComparison.Ordinal) : text == expectedPrompt,
                $"Driving {practice.Locale}/{practice.Id} to '{point}': at '{here}' expected '{expectedPrompt}', got '{text}'");
            return Task.FromResult(here == point);
        }
    }

    private static string Answer(PracticeStep step, string locale) => step.Prompt switch
    {
        StepPromptKind.Choice => step.Choices[0],
        StepPromptKind.Rating => "5",
        StepPromptKind.Text => TextAnswers[locale],
        _ => "Next",
    };
}

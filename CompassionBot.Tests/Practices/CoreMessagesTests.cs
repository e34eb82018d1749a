using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.Practices;

namespace CompassionBot.Tests.Practices;

/// <summary>Checks over the real <c>core.messages</c> files.</summary>
public sealed class CoreMessagesTests
{
    private static readonly string[] RequiredKeys =
    [
        "welcome", "help", "menu.intro", "menu.item", "menu.intro.sms", "menu.item.sms", "menu.more.sms", "menu.more.sms.words",
        "rating.before", "rating.after", "rating.retry", "rating.giveup",
        "feel.ask", "feel.helpful", "feel.neutral", "feel.notforme",
        "step.continue", "step.skip",
        "practice.start", "practice.done", "practice.stopped", "practice.paused",
        "nonresonance.ack", "nonresonance.offer", "nonresonance.shorter", "nonresonance.pause",
        "worse.after", "rating.high.before", "rating.high.after", "practice.keepgoing", "practice.nothanks", "choice.retry", "text.retry", "error.turn", "language.switched", "yes", "no",
        "clinic.contact.unset",
    ];

    private static readonly MessageCatalog Messages = MessageCatalog.Load(RealContent.RootPath);

    public static TheoryData<string> Keys => [.. RequiredKeys.Concat(PracticeFamilies.All.Select(f => "menu.family." + PracticeFamilies.Key(f)))];

    public static TheoryData<string> Locales => [.. SupportedLocales.All];

    [Fact]
    public void Load_RealContent_HasNoMissingTranslations()
    {
        var sut = MessageCatalog.Load(RealContent.RootPath);

        Assert.Equal(sut.All("en").Keys.Order(), sut.All("es").Keys.Order());
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Load_RealContent_HasKeyInEveryLocale(string key)
    {
        Assert.All(SupportedLocales.All, locale => Assert.True(Messages.All(locale).ContainsKey(key), $"'{key}' missing in '{locale}'."));
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void Messages_EveryLocale_FitOneGsm7SmsWithPlaceholdersFilled(string locale)
    {
        var longestTitle = PracticeCatalog.Load(RealContent.RootPath).All(locale).Max(p => p.Title.Length);
        // practice.start also carries the practice's summary: PracticeStart_EveryPractice_FitsOneGsm7Sms checks it with the real ones.
        // Every region's crisis and emergency lines, as the person there gets them; SMS texts with a typical clinic.
        var regions = Messages.All(locale).Keys.Where(k => k.StartsWith(CrisisLine.KeyPrefix, StringComparison.Ordinal)).Select(k => k[CrisisLine.KeyPrefix.Length..]).ToList();
        Assert.NotEmpty(regions);
        var tooLong = regions
            .Select(region => new[]
            {
                ("clinicContact", "(555) 010-0199"), ("title", new string('x', longestTitle)), ("minutes", "10"), ("number", "13"), ("summary", string.Empty),
                ("crisisLine", Messages.Get(CrisisLine.KeyPrefix + region, locale)), ("emergencyLine", Messages.Get(CrisisLine.EmergencyKeyPrefix + region, locale)),
                ("clinic", "Riverside Clinic"), ("contact", "(555) 010-0199"), ("frequency", "up to 3 msgs/week"),
            })
            .SelectMany(arguments => Messages.All(locale).Keys.Select(key => (Key: key, Sms: Gsm7.Fold(Messages.Get(key, locale, arguments)))))
            .Where(x => !Gsm7.FitsOneSegment(x.Sms))
            .Select(x => $"{x.Key}: {Gsm7.SeptetCount(x.Sms)} septets, non-GSM: {string.Join(" ", Gsm7.InvalidCharacters(x.Sms))}");

        Assert.Empty(tooLong);
    }

    public static TheoryData<string, string> StartKeys() => new()
    {
        { "en", "practice.start" }, { "es", "practice.start" }, { "en", "practice.start.sms" }, { "es", "practice.start.sms" },
    };

    [Theory]
    [MemberData(nameof(StartKeys))]
    public void PracticeStart_EveryPractice_FitsOneGsm7Sms(string locale, string key)
    {
        var tooLong = PracticeCatalog.Load(RealContent.RootPath).All(locale)
            .Select(p => (p.Id, Sms: Gsm7.Fold(Messages.Get(key, locale, ("title", p.Title), ("minutes", "10"), ("summary", p.Summary)))))
            .Where(x => !Gsm7.FitsOneSegment(x.Sms))
            .Select(x => $"{x.Id}: {Gsm7.SeptetCount(x.Sms)} septets");

        Assert.Empty(tooLong);
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void PracticeStart_EveryLocale_ShowsTheSummaryAndMinutes(string locale)
    {
        var text = Messages.Get("practice.start", locale);

        Assert.Contains("{summary}", text, StringComparison.Ordinal);
        Assert.Contains("{minutes}", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void PracticeStartSms_NeverTellsPeopleToTextStop(string locale)
    {
        // STOP is a carrier opt-out keyword on SMS: the SMS start text names PAUSE/PAUSA instead.
        var text = Messages.Get("practice.start.sms", locale);

        Assert.DoesNotContain("stop", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("PAUS", text, StringComparison.Ordinal);
        Assert.Contains("{summary}", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void WelcomeAndHelp_EveryLocale_NameTheCrisisLine(string locale)
    {
        // The line itself depends on where the person is (crisisLine.<region> in referrals.messages).
        Assert.Contains("{crisisLine}", Messages.Get("welcome", locale), StringComparison.Ordinal);
        Assert.Contains("{crisisLine}", Messages.Get("help", locale), StringComparison.Ordinal);
        Assert.Contains("{crisisLine}", Messages.Get("rating.high.before", locale), StringComparison.Ordinal);
        Assert.Contains("{crisisLine}", Messages.Get("rating.high.after", locale), StringComparison.Ordinal);
        Assert.Contains("{clinicContact}", Messages.Get("help", locale), StringComparison.Ordinal);
    }
}

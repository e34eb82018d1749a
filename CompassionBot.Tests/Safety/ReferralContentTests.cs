using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Tests.Practices;

namespace CompassionBot.Tests.Safety;

/// <summary>The reviewed referral table (<c>referrals.messages</c>) carries the resources the clinical reference names.</summary>
public sealed class ReferralContentTests
{
    private static readonly MessageCatalog Messages = MessageCatalog.Load(RealContent.RootPath);

    public static TheoryData<string, string, string> Required()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var locale in SupportedLocales.All)
        {
            data.Add(locale, "US", "988");
            data.Add(locale, "US", "911");
            data.Add(locale, "CA", "988");
            data.Add(locale, "GB", "116 123");
            data.Add(locale, "GB", "85258");
            data.Add(locale, "IE", "116 123");
            data.Add(locale, "IE", "50808");
            data.Add(locale, "AU", "13 11 14");
            data.Add(locale, "other", "findahelpline.com");
        }

        data.Add("en", "US", "text HOME to 741741");
        return data;
    }

    [Theory]
    [MemberData(nameof(Required))]
    public void ReferralTable_Region_NamesItsResource(string locale, string region, string resource)
    {
        var text = Messages.Get(CrisisRegion.ReferralKeyPrefix + region, locale);

        Assert.Contains(resource, text, StringComparison.Ordinal);
    }

    [Fact]
    public void ReferralTable_SpanishUs_SaysSpanishSupportExists()
    {
        Assert.Contains("español", Messages.Get("referral.US", "es"), StringComparison.Ordinal);
    }

    [Fact]
    public void ReferralKey_RegionWithoutLine_IsOther()
    {
        Assert.Equal((CrisisRegion.ReferralKeyPrefix + CrisisRegion.OtherRegion), CrisisRegion.MessageKey(Messages, CrisisRegion.ReferralKeyPrefix, "FR"));
        Assert.Equal("referral.GB", CrisisRegion.MessageKey(Messages, CrisisRegion.ReferralKeyPrefix, "GB"));
    }

    public static TheoryData<string> Locales => [.. SupportedLocales.All];

    // What each short-phrase table must name per region, as the full referral does: the first resource, or the
    // emergency number.
    private static readonly Dictionary<string, (string Region, string Named)[]> NamedByPhrase = new(StringComparer.Ordinal)
    {
        [CrisisLine.KeyPrefix] = [("US", "988"), ("CA", "988"), ("GB", "116 123"), ("IE", "116 123"), ("AU", "13 11 14"), ("other", "findahelpline.com")],
        [CrisisLine.EmergencyKeyPrefix] = [("US", "911"), ("CA", "911"), ("GB", "999"), ("IE", "112"), ("AU", "000")],
    };

    public static TheoryData<string, string> PhraseTables =>
        [.. SupportedLocales.All.SelectMany(locale => NamedByPhrase.Keys.Select(prefix => (locale, prefix)))];

    [Theory]
    [MemberData(nameof(PhraseTables))]
    public void ShortPhrases_EveryReferralRegion_HasOneNamingWhatItsReferralNames(string locale, string prefix)
    {
        Assert.Equal(Regions(locale, CrisisRegion.ReferralKeyPrefix), Regions(locale, prefix));
        Assert.All(NamedByPhrase[prefix], line =>
        {
            Assert.Contains(line.Named, Messages.Get(prefix + line.Region, locale), StringComparison.Ordinal);
            Assert.Contains(line.Named, Messages.Get(CrisisRegion.ReferralKeyPrefix + line.Region, locale), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void ReferralTable_EveryKey_IsAnIsoRegionOrOther()
    {
        var keys = Messages.All("en").Keys.Where(k => k.StartsWith(CrisisRegion.ReferralKeyPrefix, StringComparison.Ordinal));

        Assert.All(keys, k => Assert.True(
            k == (CrisisRegion.ReferralKeyPrefix + CrisisRegion.OtherRegion) || CrisisRegion.Normalize(k[CrisisRegion.ReferralKeyPrefix.Length..]) == k[CrisisRegion.ReferralKeyPrefix.Length..],
            $"'{k}' must be referral.<ISO 3166 upper-case code> or referral.other"));
    }

    private static string[] Regions(string locale, string prefix) =>
        [.. Messages.All(locale).Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Select(k => k[prefix.Length..]).Order(StringComparer.Ordinal)];
}

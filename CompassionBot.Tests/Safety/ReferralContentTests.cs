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
        var text = Messages.Get(ReferralResponder.ReferralKeyPrefix + region, locale);

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
        Assert.Equal(ReferralResponder.OtherRegionKey, ReferralResponder.ReferralKey(Messages, "FR"));
        Assert.Equal("referral.GB", ReferralResponder.ReferralKey(Messages, "GB"));
    }

    public static TheoryData<string> Locales => [.. SupportedLocales.All];

    [Theory]
    [MemberData(nameof(Locales))]
    public void CrisisLines_EveryReferralRegion_HasItsShortPhraseNamingTheSameFirstResource(string locale)
    {
        var referralRegions = Regions(locale, ReferralResponder.ReferralKeyPrefix);
        var lineRegions = Regions(locale, CrisisLine.KeyPrefix);

        Assert.Equal(referralRegions, lineRegions);
        (string Region, string Resource)[] firstResources = [("US", "988"), ("CA", "988"), ("GB", "116 123"), ("IE", "116 123"), ("AU", "13 11 14"), ("other", "findahelpline.com")];
        Assert.All(firstResources, line =>
            Assert.Contains(line.Resource, Messages.Get(CrisisLine.KeyPrefix + line.Region, locale), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void EmergencyLines_EveryReferralRegion_HasItsShortPhraseNamingTheReferralsEmergencyNumber(string locale)
    {
        var referralRegions = Regions(locale, ReferralResponder.ReferralKeyPrefix);
        var lineRegions = Regions(locale, CrisisLine.EmergencyKeyPrefix);

        Assert.Equal(referralRegions, lineRegions);
        (string Region, string Number)[] numbers = [("US", "911"), ("CA", "911"), ("GB", "999"), ("IE", "112"), ("AU", "000")];
        Assert.All(numbers, line =>
        {
            Assert.Contains(line.Number, Messages.Get(CrisisLine.EmergencyKeyPrefix + line.Region, locale), StringComparison.Ordinal);
            Assert.Contains(line.Number, Messages.Get(ReferralResponder.ReferralKeyPrefix + line.Region, locale), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void ReferralTable_EveryKey_IsAnIsoRegionOrOther()
    {
        var keys = Messages.All("en").Keys.Where(k => k.StartsWith(ReferralResponder.ReferralKeyPrefix, StringComparison.Ordinal));

        Assert.All(keys, k => Assert.True(
            k == ReferralResponder.OtherRegionKey || CrisisRegion.Normalize(k[ReferralResponder.ReferralKeyPrefix.Length..]) == k[ReferralResponder.ReferralKeyPrefix.Length..],
            $"'{k}' must be referral.<ISO 3166 upper-case code> or referral.other"));
    }

    private static string[] Regions(string locale, string prefix) =>
        [.. Messages.All(locale).Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Select(k => k[prefix.Length..]).Order(StringComparer.Ordinal)];
}

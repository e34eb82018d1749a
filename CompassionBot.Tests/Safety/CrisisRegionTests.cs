using System.Text.Json;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Tests.Practices;

namespace CompassionBot.Tests.Safety;

public sealed class CrisisRegionTests
{
    private static readonly MessageCatalog Messages = MessageCatalog.Load(RealContent.RootPath);

    [Theory]
    [InlineData("+447400123456", "GB")]
    [InlineData("+447911123456", "GG")]
    [InlineData("+447700900123", "GB")]
    [InlineData("+14155550123", "US")]
    [InlineData("+16135550123", "CA")]
    [InlineData("+61412345678", "AU")]
    [InlineData("+353861234567", "IE")]
    [InlineData("+525512345678", "MX")]
    [InlineData("4155550123", null)]
    [InlineData("user-42", null)]
    [InlineData("+", null)]
    public void FromPhoneNumber_E164_IsTheNumbersCountry(string number, string? expected)
    {
        Assert.Equal(expected, CrisisRegion.FromPhoneNumber(number));
    }

    [Theory]
    [InlineData("es-MX", "MX")]
    [InlineData("en-GB", "GB")]
    [InlineData("en_au", "AU")]
    [InlineData("zh-Hant-TW", "TW")]
    [InlineData("es-419", null)]
    [InlineData("en", null)]
    [InlineData(null, null)]
    public void FromLocale_Tag_IsItsRegion(string? locale, string? expected)
    {
        Assert.Equal(expected, CrisisRegion.FromLocale(locale));
    }

    [Fact]
    public void Resolve_SmsNumberAndClientInfoAndLocale_PhoneWins()
    {
        var activity = Activity("sms", "+447400123456", "en-US", "AU");

        Assert.Equal("GB", CrisisRegion.Resolve(activity, "US", Messages));
    }

    [Fact]
    public void Resolve_NotSmsWithPhoneLikeId_ClientInfoWins()
    {
        var activity = Activity("webchat", "+447400123456", "en-US", "au");

        Assert.Equal("AU", CrisisRegion.Resolve(activity, "US", Messages));
    }

    [Fact]
    public void Resolve_NothingKnown_ClinicRegion()
    {
        Assert.Equal("IE", CrisisRegion.Resolve(Activity("msteams", "29:abc", "en", null), "ie", Messages));
    }

    [Fact]
    public void Resolve_ClinicRegionInvalid_US()
    {
        Assert.Equal("US", CrisisRegion.Resolve(Activity("msteams", "29:abc", null, null), "nowhere", Messages));
    }

    [Theory]
    [InlineData("es-ES")]
    [InlineData("es-MX")]
    [InlineData("es")]
    [InlineData("en-IN")]
    public void Resolve_LocaleOfACountryWithoutItsOwnLines_KeepsTheClinicRegion(string locale)
    {
        Assert.Equal("US", CrisisRegion.Resolve(Activity("directline", "dl_user", locale, null), "US", Messages));
    }

    [Fact]
    public void Resolve_LocaleOfACountryWithItsOwnLines_IsThatCountry()
    {
        Assert.Equal("GB", CrisisRegion.Resolve(Activity("directline", "dl_user", "en-GB", null), "US", Messages));
    }

    [Fact]
    public void Resolve_ClientInfoCountryWithoutItsOwnLines_KeepsTheClinicRegion()
    {
        Assert.Equal("US", CrisisRegion.Resolve(Activity("msteams", "29:abc", "es-ES", "ES"), "US", Messages));
    }

    private static Activity Activity(string channel, string from, string? locale, string? country) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = channel,
        From = new ChannelAccount { Id = from },
        Locale = locale,
        Entities = country is null ? null : [new Entity { Type = "clientInfo", Properties = new() { ["country"] = JsonSerializer.SerializeToElement(country) } }],
    };
}

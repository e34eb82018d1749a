using System.Net;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Clinicians.Clients;

/// <summary>
/// Linking by code on web chat (Direct Line), Teams-shaped <c>/api/messages</c> activities and SMS; declining and
/// unlinking; codes that are used, expired or another clinician's client.
/// </summary>
public abstract class ClientLinkingTests(PostgresServer server, string provider) : SmsHostTests(server, provider)
{
    public const string OtherApiKey = "other-clinician-key";

    private static readonly DateTimeOffset MondayNoon = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["DirectLine:Secrets:0"] = DirectLineAppFactory.Secret,
        ["Clinic:ApiKeys:dr-other"] = OtherApiKey,
    };

    [Fact]
    public async Task LinkCode_OnWebChatAnsweredYes_LinksTheDirectLineUser()
    {
        await using var sut = await StartAsync(MondayNoon, Settings);
        var api = new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey);
        var (clientId, code) = await api.CreateClientAsync();
        var webChat = new DirectLineTestClient(sut.Http);
        var (conversationId, token) = await webChat.StartAsync();

        var asked = await SayOnWebChatAsync(webChat, conversationId, token, $"link {code}", "c-1");
        var linked = await SayOnWebChatAsync(webChat, conversationId, token, "yes", "c-2");

        Assert.Matches(@"^[0-9]{5}-[0-9]{5}$", code);
        Assert.Contains(asked, t => t.StartsWith("Share your practice history", StringComparison.Ordinal));
        Assert.Contains(linked, t => t.StartsWith("Done. Your clinician will see", StringComparison.Ordinal));
        Assert.Equal(["directline"], await api.LinkedChannelsAsync(clientId));
    }

    [Fact]
    public async Task VincularCode_OnWebChatInSpanish_AsksInSpanish()
    {
        await using var sut = await StartAsync(MondayNoon, Settings);
        var api = new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey);
        var (clientId, code) = await api.CreateClientAsync(locale: "es");
        var webChat = new DirectLineTestClient(sut.Http);
        var (conversationId, token) = await webChat.StartAsync(locale: "es");

        var asked = await SayOnWebChatAsync(webChat, conversationId, token, $"vincular {code.Replace('-', ' ')}", "c-1", "es");
        var linked = await SayOnWebChatAsync(webChat, conversationId, token, "sí", "c-2", "es");

        Assert.Contains(asked, t => t.StartsWith("¿Quieres compartir tu historial", StringComparison.Ordinal));
        Assert.Contains(linked, t => t.StartsWith("Listo. Tu terapeuta", StringComparison.Ordinal));
        Assert.Equal(["directline"], await api.LinkedChannelsAsync(clientId));
    }

    [Fact]
    public async Task LinkCode_OnTeamsAnsweredYes_LinksTheTeamsUser()
    {
        await using var sut = await StartAsync(MondayNoon, Settings);
        var api = new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey);
        var (clientId, code) = await api.CreateClientAsync();
        var teams = new MessagesClient(sut.Http, "a:1teams-personal-chat", "29:1client-aad", "msteams");

        var asked = MessagesClient.Texts(await teams.ExpectRepliesAsync(TeamsMessage(teams, $"link {code}"), Ct));
        var linked = MessagesClient.Texts(await teams.ExpectRepliesAsync(TeamsMessage(teams, "Yes, share"), Ct));

        Assert.Contains(asked, t => t.StartsWith("Share your practice history", StringComparison.Ordinal));
        Assert.Contains(linked, t => t.StartsWith("Done. Your clinician will see", StringComparison.Ordinal));
        Assert.Equal(["msteams"], await api.LinkedChannelsAsync(clientId));
    }

    [Fact]
    public async Task LinkCode_OnSmsFromEnrolledNumber_MovesTheNumberToThatClient()
    {
        await using var sut = await StartAsync(MondayNoon, Settings);
        var api = new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey);
        var enrolmentId = await sut.EnrolAsync(SmsTestHost.Client);
        var enrolledClient = (string)(await api.GetAsync($"/enrolments/{enrolmentId}"))["clientId"]!;
        var (clientId, code) = await api.CreateClientAsync("Client B");

        var asked = await sut.TextAsync(SmsTestHost.Client, $"LINK {code}");
        var linked = await sut.TextAsync(SmsTestHost.Client, "yes");

        Assert.Contains(asked, t => t.StartsWith("Share your practice history", StringComparison.Ordinal));
        Assert.Contains(linked, t => t.StartsWith("Done. Your clinician will see", StringComparison.Ordinal));
        Assert.Equal(["twilio-sms"], await api.LinkedChannelsAsync(clientId));
        Assert.Empty(await api.LinkedChannelsAsync(enrolledClient));
    }

    [Fact]
    public async Task Enrol_Sms_IsAClientRecordWithThePhoneLinked()
    {
        await using var sut = await StartAsync(MondayNoon, Settings);
        var api = new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey);
        var (clientId, _) = await api.CreateClientAsync("Client C", phone: "(415) 555-2671");

        var enrolmentId = await sut.EnrolAsync(SmsTestHost.Client);

        Assert.Equal(clientId, (string)(await api.GetAsync($"/enrolments/{enrolmentId}"))["clientId"]!);
        Assert.Equal(["twilio-sms"], await api.LinkedChannelsAsync(clientId));
    }

    [Fact]
    public async Task LinkCode_AnsweredNo_SharesNothing()
    {
        await using var sut = await StartAsync(MondayNoon, Settings);
        var api = new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey);
        var (clientId, code) = await api.CreateClientAsync();
        var webChat = new DirectLineTestClient(sut.Http);
        var (conversationId, token) = await webChat.StartAsync();

        await SayOnWebChatAsync(webChat, conversationId, token, $"link {code}", "c-1");
        var declined = await SayOnWebChatAsync(webChat, conversationId, token, "no", "c-2");

        Assert.Contains(declined, t => t.StartsWith("Okay, nothing is shared.", StringComparison.Ordinal));
        Assert.Empty(await api.LinkedChannelsAsync(clientId));
    }

    [Fact]
    public async Task Unlink_AfterLinking_StopsSharing()
    {
        await using var sut = await StartAsync(MondayNoon, Settings);
        var api = new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey);
        var (clientId, code) = await api.CreateClientAsync();
        var teams = new MessagesClient(sut.Http, "a:1teams-personal-chat", "29:1client-aad", "msteams");
        await teams.ExpectRepliesAsync(TeamsMessage(teams, $"link {code}"), Ct);
        await teams.ExpectRepliesAsync(TeamsMessage(teams, "yes"), Ct);

        var unlinked = MessagesClient.Texts(await teams.ExpectRepliesAsync(TeamsMessage(teams, "unlink"), Ct));
        var again = MessagesClient.Texts(await teams.ExpectRepliesAsync(TeamsMessage(teams, "unlink"), Ct));

        Assert.Contains(unlinked, t => t.StartsWith("Done: you're unlinked.", StringComparison.Ordinal));
        Assert.Contains(again, t => t.StartsWith("You aren't linked", StringComparison.Ordinal));
        Assert.Empty(await api.LinkedChannelsAsync(clientId));
    }

    [Fact]
    public async Task LinkCode_UsedOnce_IsRefusedTheSecondTime()
    {
        await using var sut = await StartAsync(MondayNoon, Settings);
        var api = new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey);
        var (clientId, code) = await api.CreateClientAsync();
        var first = new MessagesClient(sut.Http, "a:1first", "29:1first", "msteams");
        var second = new MessagesClient(sut.Http, "a:1second", "29:1second", "msteams");
        await first.ExpectRepliesAsync(TeamsMessage(first, $"link {code}"), Ct);
        await first.ExpectRepliesAsync(TeamsMessage(first, "yes"), Ct);

        var refused = MessagesClient.Texts(await second.ExpectRepliesAsync(TeamsMessage(second, $"link {code}"), Ct));

        Assert.Contains(refused, t => t.StartsWith("That code didn't work.", StringComparison.Ordinal));
        Assert.Equal(["msteams"], await api.LinkedChannelsAsync(clientId));
    }

    [Fact]
    public async Task LinkCode_AfterFiveWrongCodesInAnHour_IsNotTriedEvenWhenRightAndOthersStillCanLink()
    {
        await using var sut = await StartAsync(MondayNoon, Settings);
        var api = new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey);
        var (clientId, code) = await api.CreateClientAsync();
        var guesser = new MessagesClient(sut.Http, "a:1guesser", "29:1guesser", "msteams");
        var other = new MessagesClient(sut.Http, "a:1other", "29:1other", "msteams");
        for (var i = 0; i < 5; i++)
        {
            var wrong = MessagesClient.Texts(await guesser.ExpectRepliesAsync(TeamsMessage(guesser, $"link 00000-0000{i}"), Ct));
            Assert.Contains(wrong, t => t.StartsWith("That code didn't work.", StringComparison.Ordinal));
        }

        var held = MessagesClient.Texts(await guesser.ExpectRepliesAsync(TeamsMessage(guesser, $"link {code}"), Ct));
        var asked = MessagesClient.Texts(await other.ExpectRepliesAsync(TeamsMessage(other, $"link {code}"), Ct));

        Assert.Contains(held, t => t.StartsWith("That's a lot of codes tried.", StringComparison.Ordinal));
        Assert.DoesNotContain(held, t => t.StartsWith("Share your practice history", StringComparison.Ordinal));
        Assert.Contains(asked, t => t.StartsWith("Share your practice history", StringComparison.Ordinal));
        Assert.Empty(await api.LinkedChannelsAsync(clientId));
    }

    [Fact]
    public async Task LinkCode_ManyPeopleGuessingAtOnce_TheInstanceStopsTryingCodesForAMinuteAndSaysSo()
    {
        var settings = new Dictionary<string, string?>(Settings) { ["Clinic:LinkAttemptsPerMinute"] = "3" };
        await using var sut = await StartAsync(MondayNoon, settings);
        var api = new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey);
        var (_, code) = await api.CreateClientAsync();
        for (var i = 0; i < 3; i++)
        {
            var guesser = new MessagesClient(sut.Http, $"a:1guesser{i}", $"29:1guesser{i}", "msteams");
            await guesser.ExpectRepliesAsync(TeamsMessage(guesser, $"link 00000-0000{i}"), Ct);
        }

        var person = new MessagesClient(sut.Http, "a:1person", "29:1person", "msteams");
        var held = MessagesClient.Texts(await person.ExpectRepliesAsync(TeamsMessage(person, $"link {code}"), Ct));

        Assert.Contains(held, t => t.StartsWith("Codes can't be checked just now. Please try yours again in a minute.", StringComparison.Ordinal));
        Assert.DoesNotContain(held, t => t.Contains("hour", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LinkCode_TriesOfSomeoneAlreadyHeldBack_UseUpNothingOfWhatEveryoneMayTry()
    {
        var settings = new Dictionary<string, string?>(Settings) { ["Clinic:LinkAttemptsPerPerson"] = "1", ["Clinic:LinkAttemptsPerMinute"] = "2" };
        await using var sut = await StartAsync(MondayNoon, settings);
        var api = new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey);
        var (_, code) = await api.CreateClientAsync();
        var guesser = new MessagesClient(sut.Http, "a:1guesser", "29:1guesser", "msteams");
        await guesser.ExpectRepliesAsync(TeamsMessage(guesser, "link 00000-00000"), Ct);
        for (var i = 1; i < 4; i++)
        {
            var held = MessagesClient.Texts(await guesser.ExpectRepliesAsync(TeamsMessage(guesser, $"link 00000-0000{i}"), Ct));
            Assert.Contains(held, t => t.StartsWith("That's a lot of codes tried.", StringComparison.Ordinal));
        }

        var person = new MessagesClient(sut.Http, "a:1person", "29:1person", "msteams");
        var asked = MessagesClient.Texts(await person.ExpectRepliesAsync(TeamsMessage(person, $"link {code}"), Ct));

        Assert.Contains(asked, t => t.StartsWith("Share your practice history", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LinkCode_AfterItsLifetime_IsRefusedAndANewOneWorks()
    {
        await using var sut = await StartAsync(MondayNoon, Settings);
        var api = new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey);
        var (clientId, code) = await api.CreateClientAsync();
        var teams = new MessagesClient(sut.Http, "a:1teams-personal-chat", "29:1client-aad", "msteams");
        sut.Time.Advance(TimeSpan.FromHours(72));

        var refused = MessagesClient.Texts(await teams.ExpectRepliesAsync(TeamsMessage(teams, $"link {code}"), Ct));
        var fresh = (string)(await api.SendOkAsync(HttpMethod.Post, $"/clients/{clientId}/link-codes"))["code"]!;
        var asked = MessagesClient.Texts(await teams.ExpectRepliesAsync(TeamsMessage(teams, $"link {fresh}"), Ct));

        Assert.Contains(refused, t => t.StartsWith("That code didn't work.", StringComparison.Ordinal));
        Assert.Contains(asked, t => t.StartsWith("Share your practice history", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Client_OfAnotherClinician_Is404Everywhere()
    {
        await using var sut = await StartAsync(MondayNoon, Settings);
        var (clientId, _) = await new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey).CreateClientAsync();
        var other = new ClinicianApiClient(sut.Http, OtherApiKey);

        using var get = await other.SendAsync(HttpMethod.Get, $"/clients/{clientId}");
        using var code = await other.SendAsync(HttpMethod.Post, $"/clients/{clientId}/link-codes");
        var list = await other.GetAsync("/clients");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, code.StatusCode);
        Assert.Empty(list.AsArray());
    }

    [Fact]
    public async Task ListClients_Search_MatchesAliasInAnyCase()
    {
        await using var sut = await StartAsync(MondayNoon, Settings);
        var api = new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey);
        await api.CreateClientAsync("Robin T.");
        await api.CreateClientAsync("Sam 100%");

        var found = await api.GetAsync("/clients?search=robin");
        var literal = await api.GetAsync("/clients?search=0%25");

        Assert.Equal(["Robin T."], found.AsArray().Select(c => (string)c!["alias"]!));
        Assert.Equal(["Sam 100%"], literal.AsArray().Select(c => (string)c!["alias"]!));
    }

    [Fact]
    public async Task CreateClient_BadInput_IsProblemDetailsNamingEachField()
    {
        await using var sut = await StartAsync(MondayNoon, Settings);
        var api = new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey);

        using var response = await api.SendAsync(HttpMethod.Post, "/clients", new { alias = " ", locale = "fr", region = "Narnia", phone = "12" });
        var problem = await ClinicianApiClient.ProblemAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = problem.GetProperty("errors");
        Assert.All(new[] { "alias", "locale", "region", "phone" }, field => Assert.True(errors.TryGetProperty(field, out _), field));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // As Teams sends a personal-chat message: the tenant on the conversation and in channelData.
    internal static System.Text.Json.Nodes.JsonObject TeamsMessage(MessagesClient teams, string text)
    {
        var activity = teams.Message(text);
        activity["conversation"]!["conversationType"] = "personal";
        activity["conversation"]!["tenantId"] = "tenant-1";
        activity["channelData"] = new System.Text.Json.Nodes.JsonObject { ["tenant"] = new System.Text.Json.Nodes.JsonObject { ["id"] = "tenant-1" } };
        activity["from"]!["aadObjectId"] = "00000000-0000-0000-0000-00000000c11e";
        return activity;
    }

    private static async Task<IReadOnlyList<string>> SayOnWebChatAsync(
        DirectLineTestClient webChat, string conversationId, string token, string text, string clientActivityId, string locale = "en-US")
    {
        var before = (await webChat.GetActivitiesAsync(conversationId, token)).Watermark;
        using var response = await webChat.PostMessageAsync(conversationId, token, text, clientActivityId, locale: locale);
        response.EnsureSuccessStatusCode();
        var set = await webChat.GetActivitiesAsync(conversationId, token, before);
        return [.. set.Activities.Where(a => a.From?.Role == "bot" && a.Text is not null).Select(a => a.Text!)];
    }
}

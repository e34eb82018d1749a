using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Clinicians.Clients;

/// <summary>
/// What a linked client's conversations record, read through <c>GET /api/clinicians/clients/{id}/timeline</c>: practice
/// sessions with their ratings (nothing from before the link), crisis events with what happened next, check-ins and
/// link changes.
/// </summary>
public abstract class ClientRecordTests(PostgresServer server, string provider) : SmsHostTests(server, provider)
{
    private static readonly DateTimeOffset MondayNoon = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Timeline_AfterAPracticeOnTeams_HasItsRatingsAndNothingFromBeforeTheLink()
    {
        await using var sut = await StartAsync(MondayNoon);
        var api = new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey);
        var (clientId, code) = await api.CreateClientAsync();
        var teams = new MessagesClient(sut.Http, "a:1teams-personal-chat", "29:1client-aad", "msteams");
        await SoothingBreathAsync(teams, before: "7", after: "5");
        await teams.SayAsync($"link {code}", Ct);
        await teams.SayAsync("yes", Ct);

        sut.Time.Advance(TimeSpan.FromMinutes(10));
        await SoothingBreathAsync(teams, before: "6", after: "3");
        var timeline = await api.GetAsync($"/clients/{clientId}/timeline");

        var session = Assert.Single(timeline["sessions"]!.AsArray())!;
        Assert.Equal("soothing-breath", (string)session["practiceId"]!);
        Assert.Equal("somatic", (string)session["family"]!);
        Assert.Equal("msteams", (string)session["channelId"]!);
        Assert.Equal("completed", (string)session["outcome"]!);
        Assert.Equal(6, (int)session["distressBefore"]!);
        Assert.Equal(3, (int)session["distressAfter"]!);
        Assert.Equal("helpful", (string)session["resonance"]!);
        Assert.Equal(MondayNoon.AddMinutes(10), (DateTimeOffset)session["startedAt"]!);
        Assert.Equal(["linked"], timeline["consentChanges"]!.AsArray().Select(c => (string)c!["change"]!));
    }

    [Fact]
    public async Task Timeline_PracticeStopped_IsAbandonedWithTheRatingGiven()
    {
        await using var sut = await StartAsync(MondayNoon);
        var api = new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey);
        var (clientId, code) = await api.CreateClientAsync();
        var teams = await LinkedTeamsClientAsync(sut, code);

        await teams.SayAsync("menu", Ct);
        await teams.SayAsync("Soothing Breath", Ct);
        await teams.SayAsync("8", Ct);
        await teams.SayAsync("stop", Ct);
        var session = Assert.Single((await api.GetAsync($"/clients/{clientId}/timeline"))["sessions"]!.AsArray())!;

        Assert.Equal("abandoned", (string)session["outcome"]!);
        Assert.Equal(8, (int)session["distressBefore"]!);
        Assert.Null(session["distressAfter"]);
    }

    [Fact]
    public async Task Timeline_TwoPracticesNotForMe_TheSecondShowsWhatTheClientSaidGotInTheWay()
    {
        await using var sut = await StartAsync(MondayNoon);
        var api = new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey);
        var (clientId, code) = await api.CreateClientAsync();
        var teams = await LinkedTeamsClientAsync(sut, code);

        await TwoPracticesNotForMeAsync(teams, "Too long");
        var sessions = (await api.GetAsync($"/clients/{clientId}/timeline"))["sessions"]!.AsArray();
        using var export = await api.SendAsync(HttpMethod.Get, $"/clients/{clientId}/sessions.csv");
        var rows = (await export.Content.ReadAsStringAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(["soothing-touch", "self-compassion-break"], sessions.Select(s => (string)s!["practiceId"]!));
        Assert.Equal([null, "too-long"], sessions.Select(s => (string?)s!["obstacle"]));
        Assert.EndsWith(",too-long", rows[^1].TrimEnd('\r'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeline_CrisisMessage_RecordsTheEventWithWhatHappenedNextAndNoText()
    {
        await using var sut = await StartAsync(MondayNoon);
        var api = new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey);
        var (clientId, code) = await api.CreateClientAsync();
        var teams = await LinkedTeamsClientAsync(sut, code);

        await teams.SayAsync("i just want to kill myself", Ct);
        var timeline = await api.GetAsync($"/clients/{clientId}/timeline");

        var crisis = Assert.Single(timeline["safetyEvents"]!.AsArray())!;
        Assert.Equal("crisis", (string)crisis["level"]!);
        Assert.Equal("line-given", (string)crisis["outcome"]!);
        Assert.Null(crisis["messageText"]);
        Assert.DoesNotContain("kill", timeline.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Timeline_CheckInAnsweredWithAPractice_ShowsSentRepliedAndStarted()
    {
        await using var sut = await StartAsync(MondayNoon);
        var api = new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey);
        var enrolmentId = await sut.EnrolAsync(SmsTestHost.Client);
        var clientId = (string)(await api.GetAsync($"/enrolments/{enrolmentId}"))["clientId"]!;
        sut.Time.SetUtcNow(new DateTimeOffset(2026, 3, 2, 23, 0, 0, TimeSpan.Zero));
        await sut.RunSchedulerAsync();

        await sut.TextAsync(SmsTestHost.Client, "1");
        var timeline = await api.GetAsync($"/clients/{clientId}/timeline");

        var checkIn = Assert.Single(timeline["checkIns"]!.AsArray())!;
        Assert.Equal(enrolmentId, (string)checkIn["enrolmentId"]!);
        Assert.NotNull(checkIn["repliedAt"]);
        Assert.NotNull(checkIn["practiceStartedAt"]);
        Assert.Equal(["enrolled"], timeline["consentChanges"]!.AsArray().Select(c => (string)c!["change"]!));
    }

    [Fact]
    public async Task Timeline_AfterUnlink_RecordsNothingMore()
    {
        await using var sut = await StartAsync(MondayNoon);
        var api = new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey);
        var (clientId, code) = await api.CreateClientAsync();
        var teams = await LinkedTeamsClientAsync(sut, code);
        await teams.SayAsync("unlink", Ct);

        await SoothingBreathAsync(teams, before: "6", after: "3");
        await teams.SayAsync("i just want to kill myself", Ct);
        var timeline = await api.GetAsync($"/clients/{clientId}/timeline");

        Assert.Empty(timeline["sessions"]!.AsArray());
        Assert.Empty(timeline["safetyEvents"]!.AsArray());
        Assert.Equal(["linked", "unlinked"], timeline["consentChanges"]!.AsArray().Select(c => (string)c!["change"]!));
    }

    [Fact]
    public async Task Timeline_OfAnotherClinicianClient_Is404()
    {
        await using var sut = await StartAsync(MondayNoon, new Dictionary<string, string?> { ["Clinic:ApiKeys:dr-other"] = ClientLinkingTests.OtherApiKey });
        var (clientId, _) = await new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey).CreateClientAsync();

        using var response = await new ClinicianApiClient(sut.Http, ClientLinkingTests.OtherApiKey).SendAsync(HttpMethod.Get, $"/clients/{clientId}/timeline");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static async Task<MessagesClient> LinkedTeamsClientAsync(SmsTestHost sut, string code)
    {
        var teams = new MessagesClient(sut.Http, "a:1teams-personal-chat", "29:1client-aad", "msteams");
        var asked = MessagesClient.Texts(await teams.SayAsync($"link {code}", Ct));
        var linked = MessagesClient.Texts(await teams.SayAsync("yes", Ct));
        Assert.True(linked.Any(t => t.StartsWith("Done.", StringComparison.Ordinal)), string.Join(" | ", asked.Concat(linked)));
        return teams;
    }

    /// <summary>Two practices started and found not for them, then <paramref name="obstacle"/> said to the question
    /// of what got in the way; returns the bot's answer to it.</summary>
    internal static async Task<IReadOnlyList<string>> TwoPracticesNotForMeAsync(MessagesClient person, string obstacle)
    {
        await person.SayAsync("menu", Ct);
        await person.SayAsync("Soothing Touch", Ct);
        await person.SayAsync("5", Ct);
        await person.SayAsync("not for me", Ct);
        await person.SayAsync("Self-Compassion Break", Ct);
        await person.SayAsync("not for me", Ct);
        return MessagesClient.Texts(await person.SayAsync(obstacle, Ct));
    }

    internal static async Task SoothingBreathAsync(MessagesClient person, string before, string after)
    {
        await person.SayAsync("menu", Ct);
        await person.SayAsync("Soothing Breath", Ct);
        await person.SayAsync(before, Ct);
        for (var step = 0; step < 4; step++)
        {
            await person.SayAsync("Next", Ct);
        }

        await person.SayAsync(after, Ct);
        var done = MessagesClient.Texts(await person.SayAsync("Helpful", Ct));
        Assert.Contains(done, t => t.StartsWith("That's the end of the practice", StringComparison.Ordinal));
    }
}

using CompassionBot.Clinicians.Clients;
using CompassionBot.Dialogs.State;
using CompassionBot.Dialogs.Turns;
using CompassionBot.Tests.Clinicians.Clients;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CompassionBot.Tests.Hosting;

/// <summary>
/// What a turn does outside its state (an SMS opt-out or opt-in, a check-in pause, a client link) happens only once the turn holds
/// its conversation, so a turn run again because another instance committed first neither repeats nor undoes it. Here
/// every turn's first hold loses, as when another instance commits the conversation between the turn's read and the hold.
/// </summary>
public sealed class OutsideWritesHoldTheConversationTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Stop_FirstHoldLoses_OptedOutOnceAndConfirmed()
    {
        var (sut, conversations) = await StartEnrolledAsync();
        await using var host = sut;

        var confirmation = await sut.TextAsync(SmsTestHost.Client, "STOP");

        Assert.Contains("unsubscribed", Assert.Single(confirmation), StringComparison.Ordinal);
        Assert.Equal(2, conversations.Holds);
    }

    [Fact]
    public async Task Start_FirstHoldLoses_OptedInOnceAndConfirmed()
    {
        var (sut, conversations) = await StartEnrolledAsync();
        await using var host = sut;
        await sut.TextAsync(SmsTestHost.Client, "STOP");

        var confirmation = await sut.TextAsync(SmsTestHost.Client, "START");

        Assert.Contains("Msg & data rates may apply", Assert.Single(confirmation), StringComparison.Ordinal);
        Assert.Equal(4, conversations.Holds);
    }

    [Fact]
    public async Task CheckInPause_FirstHoldLoses_PausedAndConfirmed()
    {
        var (sut, conversations) = await StartEnrolledAsync();
        await using var host = sut;

        var reply = await sut.TextAsync(SmsTestHost.Client, "pause for a week");

        Assert.StartsWith("Okay, check-ins are paused for 7 days.", Assert.Single(reply), StringComparison.Ordinal);
        Assert.Equal(2, conversations.Holds);
    }

    [Fact]
    public async Task LinkThenUnlink_FirstHoldOfEachTurnLoses_LinkedOnceUnlinkedOnceAndBothConfirmed()
    {
        var conversations = new FirstHoldLoses();
        await using var sut = await StartAsync(conversations);
        var api = new ClinicianApiClient(sut.Http, SmsTestHost.ApiKey);
        var (clientId, code) = await api.CreateClientAsync();
        var teams = new MessagesClient(sut.Http, "a:1teams-personal-chat", "29:1client-aad", "msteams");

        await teams.ExpectRepliesAsync(ClientLinkingTests.TeamsMessage(teams, $"link {code}"), Ct);
        var linked = MessagesClient.Texts(await teams.ExpectRepliesAsync(ClientLinkingTests.TeamsMessage(teams, "yes"), Ct));
        var channelsWhileLinked = await api.LinkedChannelsAsync(clientId);
        var unlinked = MessagesClient.Texts(await teams.ExpectRepliesAsync(ClientLinkingTests.TeamsMessage(teams, "unlink"), Ct));

        Assert.Contains(linked, t => t.StartsWith("Done. Your clinician will see", StringComparison.Ordinal));
        Assert.Equal(["msteams"], channelsWhileLinked);
        Assert.Contains(unlinked, t => t.StartsWith("Done: you're unlinked.", StringComparison.Ordinal));
        Assert.Empty(await api.LinkedChannelsAsync(clientId));
        Assert.Equal(2, (await sut.Service<ClientLinkStore>().ChangesAsync(clientId, Ct)).Count);
        Assert.Equal(6, conversations.Holds);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<SmsTestHost> StartAsync(FirstHoldLoses conversations) =>
        SmsTestHost.StartAsync(Monday, services => services.AddSingleton<IConversationLock>(conversations));

    // The service with every turn's first hold losing, and the client enrolled for SMS check-ins.
    private static async Task<(SmsTestHost Host, FirstHoldLoses Conversations)> StartEnrolledAsync()
    {
        var conversations = new FirstHoldLoses();
        var host = await StartAsync(conversations);
        await host.EnrolAsync(SmsTestHost.Client);
        return (host, conversations);
    }

    // Each turn's lease: the application's storage, and a hold that throws the first time, as a lost race would.
    private sealed class FirstHoldLoses : IConversationLock
    {
        private int _holds;

        public int Holds => _holds;

        public Task<IConversationLease> AcquireAsync(string conversationKey, CancellationToken cancellationToken) =>
            Task.FromResult<IConversationLease>(new Lease(this, conversationKey));

        private sealed class Lease(FirstHoldLoses owner, string conversationKey) : IConversationLease
        {
            private bool _lost;

            public IStorage? Storage => null;

            public Task HoldAsync(CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref owner._holds);
                if (_lost)
                {
                    return Task.CompletedTask;
                }

                _lost = true;
                throw new StorageConcurrencyException(conversationKey);
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}

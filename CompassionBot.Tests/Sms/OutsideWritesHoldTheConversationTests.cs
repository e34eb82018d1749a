using CompassionBot.Dialogs.State;
using CompassionBot.Dialogs.Turns;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CompassionBot.Tests.Sms;

/// <summary>
/// What a turn does outside its state (an SMS opt-out or opt-in, a check-in pause) happens only once the turn holds
/// its conversation, so a turn run again because another instance committed first neither repeats nor undoes it. Here
/// every turn's first hold loses, as when another instance commits the conversation between the turn's read and the hold.
/// </summary>
public sealed class OutsideWritesHoldTheConversationTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Stop_FirstHoldLoses_OptedOutOnceAndConfirmed()
    {
        var conversations = new FirstHoldLoses();
        await using var sut = await SmsTestHost.StartAsync(Monday, services => services.AddSingleton<IConversationLock>(conversations));
        await sut.EnrolAsync(SmsTestHost.Client);

        var confirmation = await sut.TextAsync(SmsTestHost.Client, "STOP");

        Assert.Contains("unsubscribed", Assert.Single(confirmation), StringComparison.Ordinal);
        Assert.Equal(2, conversations.Holds);
    }

    [Fact]
    public async Task Start_FirstHoldLoses_OptedInOnceAndConfirmed()
    {
        var conversations = new FirstHoldLoses();
        await using var sut = await SmsTestHost.StartAsync(Monday, services => services.AddSingleton<IConversationLock>(conversations));
        await sut.EnrolAsync(SmsTestHost.Client);
        await sut.TextAsync(SmsTestHost.Client, "STOP");

        var confirmation = await sut.TextAsync(SmsTestHost.Client, "START");

        Assert.Contains("Msg & data rates may apply", Assert.Single(confirmation), StringComparison.Ordinal);
        Assert.Equal(4, conversations.Holds);
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

using CompassionBot.CheckIns;
using CompassionBot.Clinicians.Clients;
using CompassionBot.Dialogs.Bot;
using CompassionBot.Dialogs.Conversation;
using CompassionBot.Hosting;
using CompassionBot.Sms;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CompassionBot.Tests.Hosting;

public sealed class InterruptionRegistrationTests
{
    [Fact]
    public void Resolve_RegisteredLastToFirst_ComesInInterruptionOrder()
    {
        var services = new ServiceCollection()
            .AddInterruption<Core>(InterruptionOrder.Core)
            .AddInterruption<CheckInReply>(InterruptionOrder.CheckInReply)
            .AddInterruption<SmsKeywords>(InterruptionOrder.SmsKeywords);
        using var provider = services.BuildServiceProvider();

        var sut = InterruptionRegistration.Resolve(provider);

        Assert.Equal([typeof(SmsKeywords), typeof(CheckInReply), typeof(Core)], sut.Select(i => i.GetType()));
    }

    [Fact]
    public async Task Resolve_TheService_TriesCarrierKeywordsThenCheckInRepliesThenClientLinksThenTheCoreOnes()
    {
        await using var factory = new BotApplicationFactory();

        var sut = InterruptionRegistration.Resolve(factory.Services);

        Assert.Equal([typeof(SmsKeywordInterruption), typeof(CheckInReplyInterruption), typeof(ClientLinkInterruption), typeof(CoreInterruptions)], sut.Select(i => i.GetType()));
    }

    private sealed class SmsKeywords : Handler;

    private sealed class CheckInReply : Handler;

    private sealed class Core : Handler;

    private abstract class Handler : IInterruptionHandler
    {
        public Task<bool> TryHandleAsync(BotTurn turn, CancellationToken cancellationToken) => Task.FromResult(false);
    }
}

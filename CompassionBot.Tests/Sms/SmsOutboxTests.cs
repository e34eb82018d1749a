using CompassionBot.Sms;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Sms;

public abstract class SmsOutboxTests(PostgresServer server, string provider) : SmsHostTests(server, provider)
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SendAsync_LongTypographicText_ArrivesAsGsm7SingleSegmentsInOrder()
    {
        await using var host = await StartAsync(Monday);
        await host.EnrolAsync(SmsTestHost.Client);
        var sut = host.Service<SmsOutbox>();
        var before = host.Twilio.BodiesTo(SmsTestHost.Client).Count;
        var text = "It\u2019s okay to go slowly \u2014 there\u2019s no rush. " + string.Join(' ', Enumerable.Range(1, 6).Select(i => $"Step {i}: breathe in for four counts, and out for six counts."));

        var outcome = await sut.SendAsync(SmsTestHost.Client, text, SmsDelivery.Reply, TestContext.Current.CancellationToken);

        var bodies = host.Twilio.BodiesTo(SmsTestHost.Client).Skip(before).ToList();
        Assert.Equal(SmsSendOutcome.Sent, outcome.Outcome);
        Assert.True(bodies.Count >= 3);
        Assert.StartsWith("It's okay to go slowly - there's no rush.", bodies[0], StringComparison.Ordinal);
        Assert.All(bodies, b => Assert.True(b.Length <= 160 && CompassionBot.Dialogs.Content.Gsm7.IsEncodable(b), b));
        Assert.Equal(SmsText.Sanitize(text), string.Join(' ', bodies));
        Assert.Equal(bodies.Count, outcome.MessageSid!.Split(',').Distinct().Count(sid => sid.StartsWith("SM", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task SendAsync_TransientFailureOnce_IsRetriedOnceAndDelivered(int status)
    {
        await using var host = await StartAsync(Monday);
        await host.EnrolAsync(SmsTestHost.Client);
        var before = host.Twilio.Attempts.Count;
        host.Twilio.FailNext(status);

        var outcome = await host.Service<SmsOutbox>().SendAsync(SmsTestHost.Client, "A kind word for today.", SmsDelivery.Reply, TestContext.Current.CancellationToken);

        Assert.Equal(SmsSendOutcome.Sent, outcome.Outcome);
        Assert.Equal([status, 201], host.Twilio.Attempts.Skip(before).Select(a => a.Status));
    }

    [Fact]
    public async Task SendAsync_FailureTwice_IsRetriedOnlyOnceAndReportsFailed()
    {
        await using var host = await StartAsync(Monday);
        await host.EnrolAsync(SmsTestHost.Client);
        var before = host.Twilio.Attempts.Count;
        host.Twilio.FailNext(500);
        host.Twilio.FailNext(503);

        var outcome = await host.Service<SmsOutbox>().SendAsync(SmsTestHost.Client, "A kind word for today.", SmsDelivery.Reply, TestContext.Current.CancellationToken);

        Assert.Equal(SmsSendOutcome.Failed, outcome.Outcome);
        Assert.Equal(2, host.Twilio.Attempts.Count - before);
    }

    [Fact]
    public async Task SendAsync_Unsubscribed21610_MarksNumberOptedOutAndSendsNothingMore()
    {
        await using var host = await StartAsync(Monday);
        await host.EnrolAsync(SmsTestHost.Client);
        host.Twilio.FailNext(400, 21610);
        var sut = host.Service<SmsOutbox>();

        var first = await sut.SendAsync(SmsTestHost.Client, "One. Two.", SmsDelivery.Reply, TestContext.Current.CancellationToken);
        var attempts = host.Twilio.Attempts.Count;
        var second = await sut.SendAsync(SmsTestHost.Client, "Three.", SmsDelivery.CheckIn, TestContext.Current.CancellationToken);

        Assert.Equal(SmsSendOutcome.Unsubscribed, first.Outcome);
        Assert.Equal(SmsSendOutcome.NotPermitted, second.Outcome);
        Assert.Equal(attempts, host.Twilio.Attempts.Count);
        Assert.True((await host.Service<SmsContactStore>().StatusAsync(SmsTestHost.Client, TestContext.Current.CancellationToken)).OptedOut);
    }

    [Fact]
    public async Task SendAsync_NumberWithoutRecordedOptIn_SendsNothing()
    {
        await using var host = await StartAsync(Monday);

        var outcome = await host.Service<SmsOutbox>().SendAsync("+14155552672", "Hello.", SmsDelivery.Reply, TestContext.Current.CancellationToken);

        Assert.Equal(SmsSendOutcome.NotPermitted, outcome.Outcome);
        Assert.Null(outcome.MessageSid);
        Assert.Empty(host.Twilio.Attempts);
    }
}

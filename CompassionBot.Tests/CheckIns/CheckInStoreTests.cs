using CompassionBot.CheckIns;
using CompassionBot.Tests.Support;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CompassionBot.Tests.CheckIns;

/// <summary>Leased send claims, each store on its own database instance as if in another process.</summary>
public abstract class CheckInStoreTests(PostgresServer server, string provider) : SmsHostTests(server, provider)
{
    private protected static readonly DateTimeOffset Slot = new(2026, 3, 2, 23, 0, 0, TimeSpan.Zero); // Mon 18:00 in New York
    private protected static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private readonly FakeTimeProvider _time = new(Slot);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ClaimSlotAsync_EightInstancesAtOnce_ExactlyOneMaySend()
    {
        var enrolment = await EnrolAsync();
        var stores = Enumerable.Range(0, 8).Select(_ => NewStore()).ToList();

        var claims = await Task.WhenAll(stores.Select(s => Task.Run(() => s.ClaimSlotAsync(enrolment, Slot, Slot, Lease, 3, Ct), Ct)));

        Assert.Single(claims, c => c.Outcome == ClaimOutcome.Send);
        Assert.All(claims.Where(c => c.Outcome != ClaimOutcome.Send), c => Assert.Equal(ClaimOutcome.AlreadyHandled, c.Outcome));
    }

    [Fact]
    public async Task ClaimSlotAsync_LeaseNotYetExpired_IsNotTakenOver()
    {
        var enrolment = await EnrolAsync();
        await NewStore().ClaimSlotAsync(enrolment, Slot, Slot, Lease, 3, Ct);
        _time.Advance(Lease - TimeSpan.FromSeconds(1));

        var sut = await NewStore().ClaimSlotAsync(enrolment, Slot, Slot, Lease, 3, Ct);

        Assert.Equal(ClaimOutcome.AlreadyHandled, sut.Outcome);
    }

    [Fact]
    public async Task BeginSendAsync_ClaimTakenOverAfterLease_OnlyTheNewHolderSendsAndRecords()
    {
        var enrolment = await EnrolAsync();
        var (slow, other) = (NewStore(), NewStore());
        var first = await slow.ClaimSlotAsync(enrolment, Slot, Slot, Lease, 3, Ct);
        _time.Advance(Lease);
        var second = await other.ClaimSlotAsync(enrolment, Slot, Slot, Lease, 3, Ct);

        var slowMaySend = await slow.BeginSendAsync(first, Lease, Ct);
        var otherMaySend = await other.BeginSendAsync(second, Lease, Ct);
        var slowRecorded = await slow.CompleteAsync(first, enrolment.Id, "sent", "SMslow", Ct);
        var otherRecorded = await other.CompleteAsync(second, enrolment.Id, "sent", "SMother", Ct);

        Assert.Equal(ClaimOutcome.Send, second.Outcome);
        Assert.Equal([false, true, false, true], new[] { slowMaySend, otherMaySend, slowRecorded, otherRecorded });
        Assert.Equal(("sent", "SMother", other.InstanceId), await RowAsync(second.Key));
    }

    [Fact]
    public async Task ClaimSlotAsync_SenderDiedWhileSending_RowBecomesUnconfirmedAndIsNeverSentAgain()
    {
        var enrolment = await EnrolAsync();
        var dead = NewStore();
        var claim = await dead.ClaimSlotAsync(enrolment, Slot, Slot, Lease, 3, Ct);
        Assert.True(await dead.BeginSendAsync(claim, Lease, Ct));
        _time.Advance(Lease);

        var sut = NewStore();
        var afterLease = await sut.ClaimSlotAsync(enrolment, Slot, Slot, Lease, 3, Ct);
        _time.Advance(Lease * 3);
        var later = await sut.ClaimSlotAsync(enrolment, Slot, Slot, Lease, 3, Ct);

        Assert.Equal(ClaimOutcome.AlreadyHandled, afterLease.Outcome);
        Assert.Equal(ClaimOutcome.AlreadyHandled, later.Outcome);
        Assert.Equal("unconfirmed", (await RowAsync(claim.Key)).Status);
    }

    [Fact]
    public async Task CompleteAsync_SlowSenderAfterRowMarkedUnconfirmed_RecordsTheSend()
    {
        var enrolment = await EnrolAsync();
        var slow = NewStore();
        var claim = await slow.ClaimSlotAsync(enrolment, Slot, Slot, Lease, 3, Ct);
        await slow.BeginSendAsync(claim, Lease, Ct);
        _time.Advance(Lease);
        await NewStore().ClaimSlotAsync(enrolment, Slot, Slot, Lease, 3, Ct);

        var recorded = await slow.CompleteAsync(claim, enrolment.Id, "sent", "SMlate", Ct);

        Assert.True(recorded);
        Assert.Equal(("sent", "SMlate", slow.InstanceId), await RowAsync(claim.Key));
    }

    [Fact]
    public async Task ClaimConfirmationAsync_SenderDiedWhileSending_IsClaimedAgainAfterLease()
    {
        var enrolment = await EnrolAsync();
        var dead = NewStore();
        var claim = await dead.ClaimConfirmationAsync(enrolment.Id, Lease, Ct);
        await dead.BeginSendAsync(claim, Lease, Ct);
        var sut = NewStore();

        var duringLease = await sut.ClaimConfirmationAsync(enrolment.Id, Lease, Ct);
        _time.Advance(Lease);
        var afterLease = await sut.ClaimConfirmationAsync(enrolment.Id, Lease, Ct);

        Assert.Equal(ClaimOutcome.AlreadyHandled, duringLease.Outcome);
        Assert.Equal(ClaimOutcome.Send, afterLease.Outcome);
        Assert.Equal(("claimed", null, sut.InstanceId), await RowAsync(claim.Key));
    }

    [Fact]
    public async Task TryMarkAnsweredAsync_TwoInstancesAtOnce_OnlyOneMarksTheCheckInAnswered()
    {
        var enrolment = await EnrolAsync();
        var sender = NewStore();
        var claim = await sender.ClaimSlotAsync(enrolment, Slot, Slot, Lease, 3, Ct);
        await sender.BeginSendAsync(claim, Lease, Ct);
        await sender.CompleteAsync(claim, enrolment.Id, "sent", "SMsent", Ct);
        var stores = Enumerable.Range(0, 4).Select(_ => NewStore()).ToList();

        var answered = await Task.WhenAll(stores.Select(s => Task.Run(() => s.TryMarkAnsweredAsync(SmsTestHost.Client, Ct), Ct)));

        Assert.Single(answered, a => a);
    }

    private protected CheckInStore NewStore() => new(Database.OpenDatabase(), _time, NullLogger<CheckInStore>.Instance);

    private protected async Task<CheckInEnrolment> EnrolAsync()
    {
        var enrolment = new CheckInEnrolment(
            "enr-" + Guid.NewGuid().ToString("N"), SmsTestHost.Client, "dr-test", "America/New_York", "en",
            CheckInSchedule.Parse(["Mon", "Wed", "Fri"], "18:00")!, new DateOnly(2026, 3, 1), null, EnrolmentStatus.Active, null, 1, 0, 0, Slot, Slot);
        await NewStore().CreateAsync(enrolment, Ct);
        return enrolment;
    }

    private async Task<(string Status, string? MessageSid, string? ClaimedBy)> RowAsync(string key)
    {
        await using var connection = await Database.OpenDatabase().OpenConnectionAsync(Ct);
        var rows = await connection.QueryAsync<(string Status, string? MessageSid, string? ClaimedBy)>(new CommandDefinition(
            "SELECT status, message_sid, claimed_by FROM checkin_sends WHERE idempotency_key = @key", new { key }, cancellationToken: Ct));
        return Assert.Single(rows);
    }
}

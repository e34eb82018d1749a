using CompassionBot.Clinicians.Clients;
using CompassionBot.Dialogs.Engagement;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CompassionBot.Tests.Clinicians.Clients;

/// <summary>
/// The client stores on SQLite and PostgreSQL where a turn retried after a state conflict does its writes again: the
/// same person redeeming their code again is linked, not refused; the same session is recorded once.
/// </summary>
public sealed class ClientStoresTests(PostgresServer server)
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RedeemAsync_SamePersonAgain_LinksAndAnotherPersonIsRefused(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, server);
        var relational = database.OpenDatabase();
        var time = new FakeTimeProvider(T0);
        await new ClientStore(relational).CreateAsync(new ClientRecord("cli-1", "dr-test", "A", "en", "US", null, T0), Ct);
        var sut = new ClientLinkStore(relational, time);
        var hash = LinkCode.Hash("1234567890");
        await sut.AddCodeAsync("cli-1", hash, T0.AddHours(1), Ct);

        var first = await sut.RedeemAsync(hash, "msteams", "29:1a", Ct);
        var retried = await sut.RedeemAsync(hash, "msteams", "29:1a", Ct);
        var other = await sut.RedeemAsync(hash, "msteams", "29:1b", Ct);

        Assert.Equal("cli-1", first);
        Assert.Equal("cli-1", retried);
        Assert.Null(other);
        Assert.Null(await sut.FindAsync("msteams", "29:1b", Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AddSessionAsync_SameSessionTwice_IsRecordedOnce(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, server);
        var relational = database.OpenDatabase();
        await new ClientStore(relational).CreateAsync(new ClientRecord("cli-1", "dr-test", "A", "en", "US", null, T0), Ct);
        var sut = new ClientRecordStore(relational);
        var session = new PracticeSessionRecord("soothing-breath", PracticeFamily.Somatic, T0, 6, 3, Resonance.Helpful, SessionOutcome.Completed, ["Skip"]);

        await sut.AddSessionAsync("cli-1", "msteams", session, T0.AddMinutes(3), Ct);
        await sut.AddSessionAsync("cli-1", "msteams", session, T0.AddMinutes(3), Ct);

        var recorded = Assert.Single(await sut.SessionsAsync("cli-1", Ct));
        Assert.Equal(new PracticeSessionEntry("soothing-breath", "somatic", "msteams", T0, T0.AddMinutes(3), "completed", 6, 3, "helpful", recorded.Signals, null), recorded);
        Assert.Equal(["skip"], recorded.Signals);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UnlinkClientAsync_LinkedOnTwoChannels_RemovesEveryLinkAndRecordsEachChannel(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, server);
        var relational = database.OpenDatabase();
        await new ClientStore(relational).CreateAsync(new ClientRecord("cli-1", "dr-test", "A", "en", "US", null, T0), Ct);
        await new ClientStore(relational).CreateAsync(new ClientRecord("cli-2", "dr-test", "B", "en", "US", null, T0), Ct);
        var sut = new ClientLinkStore(relational, new FakeTimeProvider(T0));
        await sut.LinkAsync("cli-1", "msteams", "29:1a", ClientConsentChange.Linked, Ct);
        await sut.LinkAsync("cli-1", "directline", "dl_a", ClientConsentChange.Linked, Ct);
        await sut.LinkAsync("cli-2", "msteams", "29:1b", ClientConsentChange.Linked, Ct);

        var removed = await sut.UnlinkClientAsync("cli-1", Ct);

        Assert.Equal(2, removed);
        Assert.Empty(await sut.ChannelsAsync("cli-1", Ct));
        Assert.Equal(["msteams"], await sut.ChannelsAsync("cli-2", Ct));
        var unlinked = (await sut.ChangesAsync("cli-1", Ct)).Where(c => c.Change == ClientConsentChange.Unlinked).Select(c => c.ChannelId).Order(StringComparer.Ordinal);
        Assert.Equal(["directline", "msteams"], unlinked);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ListAsync_WithoutAClinician_ListsEveryClinicianClientsByAlias(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, server);
        var sut = new ClientStore(database.OpenDatabase());
        await sut.CreateAsync(new ClientRecord("cli-1", "dr-test", "robin", "en", "US", null, T0), Ct);
        await sut.CreateAsync(new ClientRecord("cli-2", "dr-other", "Alex", "en", "US", null, T0), Ct);

        var everyone = await sut.ListAsync(null, null, Ct);
        var searched = await sut.ListAsync(null, "ROB", Ct);
        var own = await sut.ListAsync("dr-test", null, Ct);

        Assert.Equal(["Alex", "robin"], everyone.Select(c => c.Alias));
        Assert.Equal(["robin"], searched.Select(c => c.Alias));
        Assert.Equal(["robin"], own.Select(c => c.Alias));
        Assert.Equal("dr-other", (await sut.GetAnyAsync("cli-2", Ct))?.Clinician);
        Assert.Null(await sut.GetAsync("dr-test", "cli-2", Ct));
    }
}

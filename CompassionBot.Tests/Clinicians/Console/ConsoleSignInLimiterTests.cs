using System.Net;
using CompassionBot.Clinicians;
using CompassionBot.Clinicians.Console;
using Microsoft.Extensions.Options;

namespace CompassionBot.Tests.Clinicians.Console;

/// <summary>The console sign-in's limits count per client address (an IPv6 address by its /64 network).</summary>
public sealed class ConsoleSignInLimiterTests
{
    [Fact]
    public void TryAttempt_OneAddressAtItsLimit_LeavesAnotherAddressFree()
    {
        using var sut = Create(attemptsPerMinute: 2, failuresPerHour: 100);
        var guesser = IPAddress.Parse("192.0.2.1");

        var tries = new[] { sut.TryAttempt(guesser), sut.TryAttempt(guesser), sut.TryAttempt(guesser) };

        Assert.Equal([ConsoleSignInAttempt.Allowed, ConsoleSignInAttempt.Allowed, ConsoleSignInAttempt.TooManyJustNow], tries);
        Assert.Equal(ConsoleSignInAttempt.Allowed, sut.TryAttempt(IPAddress.Parse("192.0.2.2")));
    }

    [Fact]
    public void TryAttempt_IPv6_CountsByTheSlash64AndMappedIPv4AsIPv4()
    {
        using var sut = Create(attemptsPerMinute: 1, failuresPerHour: 100);

        Assert.Equal(ConsoleSignInAttempt.Allowed, sut.TryAttempt(IPAddress.Parse("2001:db8::1")));
        Assert.Equal(ConsoleSignInAttempt.TooManyJustNow, sut.TryAttempt(IPAddress.Parse("2001:db8::2")));
        Assert.Equal(ConsoleSignInAttempt.Allowed, sut.TryAttempt(IPAddress.Parse("2001:db8:0:1::1")));
        Assert.Equal(ConsoleSignInAttempt.Allowed, sut.TryAttempt(IPAddress.Parse("192.0.2.1")));
        Assert.Equal(ConsoleSignInAttempt.TooManyJustNow, sut.TryAttempt(IPAddress.Parse("::ffff:192.0.2.1")));
    }

    [Fact]
    public void Failed_AtTheFailureLimit_RefusesThatAddressOnly()
    {
        using var sut = Create(attemptsPerMinute: 100, failuresPerHour: 2);
        var guesser = IPAddress.Parse("192.0.2.1");

        sut.Failed(guesser);
        Assert.Equal(ConsoleSignInAttempt.Allowed, sut.TryAttempt(guesser));
        sut.Failed(guesser);

        Assert.Equal(ConsoleSignInAttempt.TooManyWrongKeys, sut.TryAttempt(guesser));
        Assert.Equal(ConsoleSignInAttempt.Allowed, sut.TryAttempt(IPAddress.Parse("192.0.2.2")));
    }

    private static ConsoleSignInLimiter Create(int attemptsPerMinute, int failuresPerHour) =>
        new(Options.Create(new ClinicianApiOptions { SignInAttemptsPerMinute = attemptsPerMinute, SignInFailuresPerHour = failuresPerHour }));
}

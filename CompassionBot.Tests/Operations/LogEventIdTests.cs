using System.Reflection;
using Microsoft.Extensions.Logging;

namespace CompassionBot.Tests.Operations;

/// <summary>Every source-generated log event has an id of its own, so a log query by id finds one kind of event.</summary>
public sealed class LogEventIdTests
{
    private static readonly Assembly[] Shipped =
    [
        typeof(Program).Assembly,
        typeof(global::CompassionBot.Dialogs.CompassionBot).Assembly,
        typeof(global::CompassionBot.Training.HeadTraining).Assembly,
    ];

    [Fact]
    public void LoggerMessages_InTheShippedAssemblies_HaveUniqueEventIds()
    {
        var events = Shipped
            .SelectMany(assembly => assembly.GetTypes())
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(method => (Method: method, Attribute: method.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(m => m.Attribute is not null)
            .ToList();

        var duplicates = events
            .GroupBy(m => m.Attribute!.EventId)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => $"{m.Method.DeclaringType!.FullName}.{m.Method.Name}"))}")
            .ToList();

        Assert.True(events.Count > 50, $"only {events.Count} log events found: the scan is looking in the wrong place");
        Assert.Empty(duplicates);
    }
}

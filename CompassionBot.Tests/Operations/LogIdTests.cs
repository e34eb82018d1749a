using CompassionBot.Dialogs.Telemetry;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CompassionBot.Tests.Operations;

/// <summary>
/// Values written to logs cannot forge a line: every log method takes <see cref="LogId"/> (or
/// <see cref="ConversationLogId"/>) for text, and <see cref="LogId.Escape"/> writes control characters as escapes.
/// </summary>
public sealed class LogIdTests
{
    [Fact]
    public void LoggerMessages_InTheShippedAssemblies_TakeNoRawString()
    {
        var methods = ShippedLogMethods.All().Select(m => m.Method).ToList();

        var raw = methods
            .SelectMany(method => method.GetParameters().Where(p => p.ParameterType == typeof(string)).Select(p => $"{method.DeclaringType!.FullName}.{method.Name}({p.Name})"))
            .ToList();

        Assert.True(methods.Count > 50, $"only {methods.Count} log methods found: the scan is looking in the wrong place");
        Assert.Empty(raw);
    }

    [Theory]
    [InlineData("abc\r\nfake: line", "abc\\u000D\\u000Afake: line")]
    [InlineData("nul\0byte", "nul\\u0000byte")]
    [InlineData("esc\u001b[31mred", "esc\\u001B[31mred")]
    [InlineData("del\u007f c1\u0085 ls\u2028", "del\\u007F c1\\u0085 ls\\u2028")]
    public void ToString_ControlCharacters_AreEscaped(string value, string logged)
    {
        LogId sut = value;

        Assert.Equal(logged, sut.ToString());
        Assert.Equal(logged, ((ConversationLogId)value).ToString());
    }

    [Theory]
    [InlineData("19:meeting_abc@thread.v2")]
    [InlineData("SM0123456789abcdef0123456789abcdef")]
    [InlineData("señal ✓")]
    public void Escape_NoControlCharacters_ReturnsTheSameString(string value) =>
        Assert.Same(value, LogId.Escape(value));

    [Fact]
    public async Task Post_ConversationIdWithLineBreakAndNul_IsLoggedOnOneLineEscaped()
    {
        var ct = TestContext.Current.CancellationToken;
        var logs = new CollectingLoggerProvider();
        await using var factory = new BotApplicationFactory(
            new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace" },
            services => services.AddSingleton<ILoggerProvider>(logs));
        using var http = factory.CreateClient();
        var forged = "conv-1\r\ncrit: CompassionBot[2001] forged\0";

        await new MessagesClient(http, forged).SayAsync("hi", ct);

        var messages = logs.Entries.Select(e => e.Message).ToList();
        Assert.Contains(messages, m => m.Contains("conv-1\\u000D\\u000Acrit: CompassionBot[2001] forged\\u0000", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains("conv-1\r", StringComparison.Ordinal) || m.Contains("conv-1\n", StringComparison.Ordinal) || m.Contains('\0', StringComparison.Ordinal));
    }
}

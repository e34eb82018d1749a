using Xunit.Runner.InProc.SystemConsole;

namespace CompassionBot.Tests.Support;

/// <summary>The test assembly's entry point (xunit.v3 test projects are executables).</summary>
internal static class TestHost
{
    public static Task<int> Main(string[] args) => ConsoleRunner.Run(args);
}

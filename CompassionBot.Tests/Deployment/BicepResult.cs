namespace CompassionBot.Tests.Deployment;

/// <summary>Exit code and combined output of one Bicep CLI run.</summary>
internal sealed record BicepResult(int ExitCode, string Output);

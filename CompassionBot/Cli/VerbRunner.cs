namespace CompassionBot.Cli;

/// <summary>The executable's verbs: <c>serve</c> (default), <c>chat</c> (terminal conversation), <c>classify</c> (safety evaluation).</summary>
internal static class VerbRunner
{
    private static readonly string[] Verbs = ["serve", "chat", "classify"];

    /// <summary>The verb named first on the command line, and the remaining (configuration) arguments.</summary>
    public static (string Verb, string[] ConfigurationArgs) Split(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Length > 0 && Verbs.Contains(args[0], StringComparer.OrdinalIgnoreCase)
            ? (args[0].ToLowerInvariant(), args[1..])
            : ("serve", args);
    }
}

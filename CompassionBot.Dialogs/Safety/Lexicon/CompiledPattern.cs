namespace CompassionBot.Dialogs.Safety.Lexicon;

/// <summary>One rule line compiled to a node graph.</summary>
/// <param name="Rule">Global index of the rule (see <see cref="LexiconCrisisDetector"/>).</param>
/// <param name="Kind">What the rule does.</param>
/// <param name="Nodes">The graph.</param>
/// <param name="Entry">Index of the first node.</param>
/// <param name="Required">Word ids of which every match contains at least one (the pre-filter).</param>
/// <param name="Origin">Where the rule was written.</param>
internal sealed record CompiledPattern(int Rule, SafetyRuleKind Kind, PatternNode[] Nodes, int Entry, int[] Required, SourceLine Origin)
{
    /// <summary>The longest match starting at <paramref name="start"/>: its end (exclusive), or -1.</summary>
    public int MatchAt(ReadOnlySpan<ResolvedToken> tokens, int start) => Walk(tokens, Entry, start, tokens[start].Sentence);

    private int Walk(ReadOnlySpan<ResolvedToken> tokens, int index, int position, int sentence)
    {
        var node = Nodes[index];
        switch (node.Kind)
        {
            case PatternNodeKind.Accept:
                return position;
            case PatternNodeKind.Token:
                if (position < tokens.Length && tokens[position].Sentence == sentence && Accepts(node.Ids, tokens[position]))
                {
                    return Walk(tokens, node.Next, position + 1, sentence);
                }

                return -1;
            case PatternNodeKind.Split:
                var best = -1;
                foreach (var branch in node.Branches)
                {
                    best = Math.Max(best, Walk(tokens, branch, position, sentence));
                }

                return best;
            case PatternNodeKind.Gap:
                var longest = Walk(tokens, node.Next, position, sentence);
                for (var skip = 1; skip <= node.Gap; skip++)
                {
                    var skipped = position + skip - 1;
                    if (skipped >= tokens.Length || tokens[skipped].Sentence != sentence || tokens[skipped].Negator)
                    {
                        break;
                    }

                    longest = Math.Max(longest, Walk(tokens, node.Next, position + skip, sentence));
                }

                return longest;
            case PatternNodeKind.ClauseStart:
                return position == 0 || (position < tokens.Length && tokens[position].ClauseStart)
                    ? Walk(tokens, node.Next, position, sentence)
                    : -1;
            default:
                return position == tokens.Length || tokens[position].ClauseStart || tokens[position].Sentence != sentence
                    ? Walk(tokens, node.Next, position, sentence)
                    : -1;
        }
    }

    private static bool Accepts(int[] ids, ResolvedToken token) =>
        ids.AsSpan().Contains(token.Primary) || (token.Secondary >= 0 && ids.AsSpan().Contains(token.Secondary));
}

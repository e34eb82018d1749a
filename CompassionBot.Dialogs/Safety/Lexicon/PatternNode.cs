namespace CompassionBot.Dialogs.Safety.Lexicon;

/// <summary>One node of a compiled pattern: an acyclic graph walked by backtracking.</summary>
/// <param name="Kind">What the node does.</param>
/// <param name="Ids">For <see cref="PatternNodeKind.Token"/>: the accepted word ids, sorted.</param>
/// <param name="Next">Index of the following node.</param>
/// <param name="Branches">For <see cref="PatternNodeKind.Split"/>: the nodes to try.</param>
/// <param name="Gap">For <see cref="PatternNodeKind.Gap"/>: the most words skipped.</param>
internal readonly record struct PatternNode(PatternNodeKind Kind, int[] Ids, int Next, int[] Branches, int Gap);

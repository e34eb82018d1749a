using System.Reflection;
using System.Text.RegularExpressions;
using CompassionBot.Dialogs.Bot;
using NetArchTest.Rules;

namespace CompassionBot.Tests.Dialogs;

/// <summary>
/// The layers of <c>CompassionBot.Dialogs</c> depend in one direction only, lowest first: the Bot Framework mirror
/// (Schema; Telemetry, the names and instruments every layer reports with; State, Turns, Engine), then the domain
/// (Content, Understanding, Engagement, Intents, Bot, Safety, Practices, Conversation, and the bot itself). A layer is a
/// namespace with its sub-namespaces; each test is one rule, read from the compiled IL, so a reference in a method body
/// counts as much as one in a signature.
/// </summary>
public sealed class ArchitectureTests
{
    private const string Schema = "CompassionBot.Dialogs.Schema";
    private const string Telemetry = "CompassionBot.Dialogs.Telemetry";
    private const string State = "CompassionBot.Dialogs.State";
    private const string Turns = "CompassionBot.Dialogs.Turns";
    private const string Engine = "CompassionBot.Dialogs.Engine";
    private const string Content = "CompassionBot.Dialogs.Content";
    private const string Understanding = "CompassionBot.Dialogs.Understanding";
    private const string Engagement = "CompassionBot.Dialogs.Engagement";
    private const string Intents = "CompassionBot.Dialogs.Intents";
    private const string Bot = "CompassionBot.Dialogs.Bot";
    private const string Safety = "CompassionBot.Dialogs.Safety";
    private const string Practices = "CompassionBot.Dialogs.Practices";
    private const string Conversation = "CompassionBot.Dialogs.Conversation";
    private const string TheBot = "CompassionBot.Dialogs.CompassionBot";

    private static readonly string[] Layers = [Schema, Telemetry, State, Turns, Engine, Content, Understanding, Engagement, Intents, Bot, Safety, Practices, Conversation];

    private static readonly string[] Domain = [Content, Understanding, Engagement, Intents, Bot, Safety, Practices, Conversation, TheBot];

    private static readonly Assembly Dialogs = typeof(BotTurn).Assembly;

    [Fact]
    public void Schema_DependsOnNothingOfOurs() =>
        AssertDoesNotDependOn(Schema, [Telemetry, State, Turns, Engine, .. Domain]);

    [Fact]
    public void Telemetry_DependsOnNothingButTheSchema() =>
        AssertDoesNotDependOn(Telemetry, [State, Turns, Engine, .. Domain]);

    [Fact]
    public void State_DependsOnNoTurnEngineOrDomain() =>
        AssertDoesNotDependOn(State, [Turns, Engine, .. Domain]);

    [Fact]
    public void Turns_KnowNothingOfTheDialogEngineOrTheDomain() =>
        AssertDoesNotDependOn(Turns, [Engine, .. Domain]);

    [Fact]
    public void Engine_KnowsNothingOfTheDomain() =>
        AssertDoesNotDependOn(Engine, Domain);

    [Fact]
    public void Content_DependsOnTheMirrorOnly() =>
        AssertDoesNotDependOn(Content, [Understanding, Engagement, Intents, Bot, Safety, Practices, Conversation, TheBot]);

    [Fact]
    public void Understanding_DependsOnNoLayerAboveContent() =>
        AssertDoesNotDependOn(Understanding, [Engagement, Intents, Bot, Safety, Practices, Conversation, TheBot]);

    [Fact]
    public void Engagement_DependsOnNoTurnViewSafetyPracticesOrConversation() =>
        AssertDoesNotDependOn(Engagement, [Intents, Bot, Safety, Practices, Conversation, TheBot]);

    [Fact]
    public void Intents_DependOnNoTurnViewSafetyPracticesOrConversation() =>
        AssertDoesNotDependOn(Intents, [Bot, Safety, Practices, Conversation, TheBot]);

    [Fact]
    public void Bot_TheTurnViewKnowsNothingOfSafetyPracticesOrConversation() =>
        AssertDoesNotDependOn(Bot, [Safety, Practices, Conversation, TheBot]);

    [Fact]
    public void Safety_DependsOnNoPracticesOrConversation() =>
        AssertDoesNotDependOn(Safety, [Practices, Conversation, TheBot]);

    [Fact]
    public void Practices_DependOnNoConversation() =>
        AssertDoesNotDependOn(Practices, [Conversation, TheBot]);

    [Fact]
    public void Conversation_DoesNotDependOnTheBotThatRunsIt() =>
        AssertDoesNotDependOn(Conversation, [TheBot]);

    [Fact]
    public void EveryType_LivesInALayer()
    {
        var outside = Dialogs.GetTypes()
            .Where(t => !t.IsNested && t.Namespace?.StartsWith("CompassionBot", StringComparison.Ordinal) == true)
            .Where(t => t.FullName != TheBot && !Layers.Any(layer => InLayer(t.Namespace!, layer)))
            .Select(t => t.FullName);

        Assert.Empty(outside);
    }

    private static bool InLayer(string @namespace, string layer) =>
        @namespace == layer || @namespace.StartsWith(layer + ".", StringComparison.Ordinal);

    private static void AssertDoesNotDependOn(string layer, string[] above)
    {
        var result = Types.InAssembly(Dialogs)
            .That().ResideInNamespaceMatching($"^{Regex.Escape(layer)}(\\..+)?$")
            .ShouldNot().HaveDependencyOnAny(above)
            .GetResult();

        Assert.True(result.IsSuccessful, $"{layer} depends on a layer above it: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }
}

using CompassionBot.Dialogs.Content;
using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.Content;

/// <summary>Loading <c>*.phrases</c> files: each invalid case names the file and line.</summary>
public sealed class PhraseCatalogTests : IDisposable
{
    private static readonly string[] Kinds = ["skip", "stop"];
    private readonly TempContentRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void Load_ValidFiles_FoldsPhrasesAndHearsEveryLocale()
    {
        WriteBoth("skip: Skip | Next\nstop: stop", "skip: saltar\nstop: parar | Menú");

        var sut = PhraseCatalog.Load(_root.Path, "Area", Kinds);

        Assert.Equal("skip", sut.KindOf("SALTAR"));
        Assert.Equal("stop", sut.KindOf("menu!"));
        Assert.Null(sut.KindOf("skip it"));
        Assert.True(sut.Contains("stop", "please stop now"));
    }

    [Fact]
    public void Load_SameWordInTwoLocalesSameKind_IsFine()
    {
        WriteBoth("skip: next\nstop: stop", "skip: next\nstop: parar");

        var sut = PhraseCatalog.Load(_root.Path, "Area", Kinds);

        Assert.Equal("skip", sut.KindOf("next"));
    }

    [Theory]
    [InlineData("skip: next\nstop stop\nstop: stop", 2, "Expected 'kind: phrase | phrase'.")]
    [InlineData("skip: next\nhalt: stop\nstop: stop", 2, "Unknown kind 'halt'")]
    [InlineData("skip: next || pass\nstop: stop", 1, "Empty phrase.")]
    [InlineData("skip: next | ...\nstop: stop", 1, "Phrase '...' has no letters or digits.")]
    [InlineData("skip: next\nstop: stop | Next", 2, "Phrase 'Next' is already listed as 'skip' in Area/en/words.phrases:1.")]
    [InlineData("skip: next\n# a comment\nstop: stop | stop", 3, "Phrase 'stop' is already listed as 'stop' in Area/en/words.phrases:3.")]
    public void Load_InvalidLine_NamesFileAndLine(string english, int line, string message)
    {
        WriteBoth(english, "skip: saltar\nstop: parar");

        var error = Assert.Single(Assert.Throws<ContentValidationException>(() => PhraseCatalog.Load(_root.Path, "Area", Kinds)).Errors);

        Assert.Equal(Path.Combine("Area", "en", "words.phrases"), error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LocaleWithoutAKind_NamesTheLocaleAndKind()
    {
        WriteBoth("skip: next\nstop: stop", "skip: saltar");

        var error = Assert.Single(Assert.Throws<ContentValidationException>(() => PhraseCatalog.Load(_root.Path, "Area", Kinds)).Errors);

        Assert.Equal(Path.Combine("Area", "es"), error.File);
        Assert.Equal("No 'stop' phrases for 'es'.", error.Message);
    }

    [Fact]
    public void Load_UnsupportedLocaleFolder_NamesTheFile()
    {
        WriteBoth("skip: next\nstop: stop", "skip: saltar\nstop: parar");
        _root.Write("Area/fr/words.phrases", "skip: passer");

        var error = Assert.Single(Assert.Throws<ContentValidationException>(() => PhraseCatalog.Load(_root.Path, "Area", Kinds)).Errors);

        Assert.Equal(Path.Combine("Area", "fr", "words.phrases"), error.File);
    }

    [Fact]
    public void Load_MissingFolder_FailsNamingIt()
    {
        var error = Assert.Single(Assert.Throws<ContentValidationException>(() => PhraseCatalog.Load(_root.Path, "Area", Kinds)).Errors);

        Assert.Equal("Area", error.File);
    }

    private void WriteBoth(string english, string spanish)
    {
        _root.Write("Area/en/words.phrases", english);
        _root.Write("Area/es/words.phrases", spanish);
    }
}

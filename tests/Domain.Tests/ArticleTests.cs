namespace Ingest.Domain.Tests;

public sealed class ArticleTests
{
    private static readonly IReadOnlyList<string> Paragraphs = ["First paragraph.", "Second paragraph."];

    [Fact]
    public void Body_JoinsTheParagraphsWithABlankLine_AndKeepsTheJoinedString()
    {
        var article = ArticleBuilder.Make(paragraphs: Paragraphs);

        Assert.Equal("First paragraph.\n\nSecond paragraph.", article.Body);
        Assert.Same(article.Body, article.Body);
    }

    [Fact]
    public void ACopyWithOtherParagraphs_HasItsOwnBody_AndTheOriginalKeepsItsOwn()
    {
        var article = ArticleBuilder.Make(paragraphs: Paragraphs);
        _ = article.Body;

        var copy = article with { Paragraphs = ["Only one."] };

        Assert.Equal("Only one.", copy.Body);
        Assert.Equal("First paragraph.\n\nSecond paragraph.", article.Body);
        Assert.Equal("Only one.", copy.Body);
    }

    [Fact]
    public void Equality_DoesNotDependOnWhetherTheBodyWasRead()
    {
        var read = ArticleBuilder.Make(paragraphs: Paragraphs);
        var unread = ArticleBuilder.Make(paragraphs: Paragraphs);
        _ = read.Body;

        Assert.Equal(read, unread);
        Assert.Equal(read.GetHashCode(), unread.GetHashCode());
        Assert.NotEqual(read, read with { Title = "Another title" });
    }
}

namespace Ingest.Domain.Tests;

/// <summary>
/// The test data kept beside the repository in <c>../shared</c> (the reference seed and the BBC corpus).
/// It is never copied into the project; on a fresh clone it is absent and the tests that need it skip.
/// </summary>
public static class SharedData
{
    public const string SolutionFile = "Ingest.sln";

    /// <summary>The folder holding <c>Ingest.sln</c>, found by walking up from the test binaries; null if there is none.</summary>
    public static string? RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary><c>&lt;root&gt;/../shared</c>, or null when that folder does not exist.</summary>
    public static string? Folder { get; } = RepositoryRoot is { } root && Directory.Exists(Path.Combine(root, "..", "shared"))
        ? Path.GetFullPath(Path.Combine(root, "..", "shared"))
        : null;

    public const string ReferenceSeed = "seeds/000_d1aa166e33117d82.txt";

    public const string BbcCorpus = "corpus/bbc";

    public static string ReferenceSeedPath => Resolve(ReferenceSeed);

    public static string BbcCorpusPath => Resolve(BbcCorpus);

    /// <summary>Why a test needing <paramref name="relativePath"/> under ../shared must skip, or null when it can run.</summary>
    public static string? MissingReason(string? relativePath = null)
    {
        if (Folder is null)
        {
            return $"The shared test data folder (../shared beside the folder holding {SolutionFile}) is absent; skipping.";
        }

        return relativePath is null || File.Exists(Resolve(relativePath)) || Directory.Exists(Resolve(relativePath))
            ? null
            : $"../shared/{relativePath} is absent; skipping.";
    }

    private static string Resolve(string relativePath) => Path.Combine(Require(), relativePath.Replace('/', Path.DirectorySeparatorChar));

    private static string Require() => Folder ?? throw new InvalidOperationException(MissingReason());

    private static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}

/// <summary>A fact that needs <c>../shared</c> (xunit 2 has no dynamic skip); skipped with a message when it is absent.</summary>
public sealed class SharedFactAttribute : FactAttribute
{
    /// <param name="requiredPath">A file or folder under ../shared the test reads, e.g. <see cref="SharedData.ReferenceSeed"/>.</param>
    public SharedFactAttribute(string? requiredPath = null)
    {
        if (SharedData.MissingReason(requiredPath) is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A theory that needs <c>../shared</c>; skipped with a message when it is absent.</summary>
public sealed class SharedTheoryAttribute : TheoryAttribute
{
    /// <param name="requiredPath">A file or folder under ../shared the test reads, e.g. <see cref="SharedData.ReferenceSeed"/>.</param>
    public SharedTheoryAttribute(string? requiredPath = null)
    {
        if (SharedData.MissingReason(requiredPath) is { } reason)
        {
            Skip = reason;
        }
    }
}

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

    public static string ReferenceSeedPath => Path.Combine(Require(), "seeds", "000_d1aa166e33117d82.txt");

    public static string BbcCorpusPath => Path.Combine(Require(), "corpus", "bbc");

    /// <summary>Why tests needing the shared data are skipped, or null when it is present.</summary>
    public static string? MissingReason => Folder is null
        ? $"The shared test data folder (../shared beside the folder holding {SolutionFile}) is absent; skipping."
        : null;

    private static string Require() => Folder ?? throw new InvalidOperationException(MissingReason);

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

/// <summary>A fact that needs <c>../shared</c>; skipped with a message when it is absent.</summary>
public sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute()
    {
        if (SharedData.MissingReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A theory that needs <c>../shared</c>; skipped with a message when it is absent.</summary>
public sealed class SharedTheoryAttribute : TheoryAttribute
{
    public SharedTheoryAttribute()
    {
        if (SharedData.MissingReason is { } reason)
        {
            Skip = reason;
        }
    }
}

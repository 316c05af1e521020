using Xunit;

namespace Ingest.TestSupport;

/// <summary>Where the repository and the shared test corpora are, found from the test binaries.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary><c>../shared</c> beside the repository, or null where it is absent (a user's fresh clone).</summary>
    public static string? Shared { get; } = Directory.Exists(Path.Combine(Root, "..", "shared", "corpus"))
        ? Path.GetFullPath(Path.Combine(Root, "..", "shared"))
        : null;

    public const string SharedMissing = "../shared (the test corpora) is not beside this clone; corpus tests need it.";

    public static string ReferenceSeed => Path.Combine(Shared ?? throw new InvalidOperationException(SharedMissing), "seeds", "000_d1aa166e33117d82.txt");

    public static IEnumerable<string> BbcArticles() =>
        Directory.EnumerateFiles(Path.Combine(Shared ?? throw new InvalidOperationException(SharedMissing), "corpus", "bbc"), "*.txt", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).Equals("README.TXT", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ingest.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Ingest.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A fact that needs <c>../shared</c>: skipped, with the reason, where it is absent.</summary>
public sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute()
    {
        if (RepositoryPaths.Shared is null)
        {
            Skip = RepositoryPaths.SharedMissing;
        }
    }
}

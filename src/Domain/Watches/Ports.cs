namespace Ingest.Domain.Watches;

/// <summary>The watches table.</summary>
public interface IWatchStore
{
    Task<IReadOnlyList<Watch>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Adds the watch unless one with its id exists; returns whether it was added.</summary>
    Task<bool> AddIfMissingAsync(Watch watch, CancellationToken cancellationToken);

    Task UpsertAsync(Watch watch, CancellationToken cancellationToken);

    /// <summary>Removes the watch; returns whether it existed. Its hits and digests stay.</summary>
    Task<bool> RemoveAsync(string watchId, CancellationToken cancellationToken);
}

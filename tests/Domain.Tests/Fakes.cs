using Ingest.Domain.Articles;
using Ingest.Domain.Digests;
using Ingest.Domain.Ingestion;
using Ingest.Domain.Watches;

namespace Ingest.Domain.Tests;

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public ManualTimeProvider()
        : this(new DateTimeOffset(2025, 3, 14, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}

/// <summary>Thrown by fakes to stand in for a host dying part-way through an operation.</summary>
public sealed class SimulatedCrashException(string where) : Exception($"Simulated crash: {where}");

public sealed class InMemoryArticleStore : IArticleStore
{
    private readonly Dictionary<string, Entry> articles = new(StringComparer.Ordinal);

    /// <summary>When set, the next <see cref="MarkHitsIndexedAsync"/> throws instead of marking.</summary>
    public bool CrashOnNextMarkHitsIndexed { get; set; }

    public int Count => articles.Count;

    public Article Article(string id) => articles[id].Article;

    public IReadOnlyList<ArticleSource> Sources(string id) => articles[id].Sources;

    public Task<StoredArticle?> FindAsync(string articleId, CancellationToken cancellationToken) =>
        Task.FromResult(articles.TryGetValue(articleId, out var e)
            ? new StoredArticle(e.Article.Id, e.Article.Title, e.IngestedAt, e.HitsIndexed)
            : null);

    public Task<bool> TryCreateAsync(Article article, ArticleSource source, CancellationToken cancellationToken)
    {
        if (articles.ContainsKey(article.Id))
        {
            return Task.FromResult(false);
        }

        articles[article.Id] = new Entry(article, source.IngestedAt) { Sources = { source } };
        return Task.FromResult(true);
    }

    public Task AddSourceAsync(string articleId, ArticleSource source, CancellationToken cancellationToken)
    {
        var entry = articles[articleId];
        if (!entry.Sources.Any(s => s.BlobName == source.BlobName))
        {
            entry.Sources.Add(source);
        }

        return Task.CompletedTask;
    }

    public Task MarkHitsIndexedAsync(string articleId, CancellationToken cancellationToken)
    {
        if (CrashOnNextMarkHitsIndexed)
        {
            CrashOnNextMarkHitsIndexed = false;
            throw new SimulatedCrashException("before MarkHitsIndexed");
        }

        articles[articleId].HitsIndexed = true;
        return Task.CompletedTask;
    }

    private sealed class Entry(Article article, DateTimeOffset ingestedAt)
    {
        public Article Article { get; } = article;

        public DateTimeOffset IngestedAt { get; } = ingestedAt;

        public List<ArticleSource> Sources { get; } = [];

        public bool HitsIndexed { get; set; }
    }
}

/// <summary>One entry per watch and article, as the real index keys them; claims are conditional.</summary>
public sealed class InMemoryHitIndex : IHitIndex
{
    private readonly Dictionary<(string WatchId, string ArticleId), Entry> entries = [];

    /// <summary>When set, the next <see cref="AddAsync"/> throws before writing anything.</summary>
    public bool CrashOnNextAdd { get; set; }

    public int Count => entries.Count;

    public IReadOnlyList<IndexedHit> All => entries.Values.Select(e => e.Hit).ToList();

    public string? ClaimedBy(string watchId, string articleId) => entries[(watchId, articleId)].DigestId;

    public Task AddAsync(IReadOnlyList<IndexedHit> hits, CancellationToken cancellationToken)
    {
        if (CrashOnNextAdd)
        {
            CrashOnNextAdd = false;
            throw new SimulatedCrashException("before the hit index write");
        }

        foreach (var hit in hits)
        {
            entries.TryAdd((hit.WatchId, hit.ArticleId), new Entry(hit));
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<IndexedHit>> ListPendingAsync(string watchId, int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<IndexedHit>>(entries.Values
            .Where(e => e.Hit.WatchId == watchId && e.DigestId is null)
            .OrderBy(e => e.Hit.IngestedAt)
            .ThenBy(e => e.Hit.ArticleId, StringComparer.Ordinal)
            .Take(max)
            .Select(e => e.Hit)
            .ToList());

    public Task<IReadOnlyList<IndexedHit>> ClaimAsync(string watchId, string digestId, IReadOnlyList<IndexedHit> pending, CancellationToken cancellationToken)
    {
        var claimed = new List<IndexedHit>();
        foreach (var hit in pending)
        {
            if (entries.TryGetValue((watchId, hit.ArticleId), out var entry) && entry.DigestId is null)
            {
                entry.DigestId = digestId;
                claimed.Add(entry.Hit);
            }
        }

        return Task.FromResult<IReadOnlyList<IndexedHit>>(claimed);
    }

    public Task<IReadOnlyList<IndexedHit>> ListClaimedAsync(string watchId, string digestId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<IndexedHit>>(entries.Values
            .Where(e => e.Hit.WatchId == watchId && e.DigestId == digestId)
            .Select(e => e.Hit)
            .ToList());

    private sealed class Entry(IndexedHit hit)
    {
        public IndexedHit Hit { get; } = hit;

        public string? DigestId { get; set; }
    }
}

public sealed class InMemoryQuarantine : IQuarantine
{
    public List<IngestionFailure> Failures { get; } = [];

    public Task QuarantineAsync(IngestionFailure failure, CancellationToken cancellationToken)
    {
        Failures.Add(failure);
        return Task.CompletedTask;
    }
}

public sealed class InMemoryInboxLedger : IInboxLedger
{
    public Dictionary<string, InboxLedgerEntry> Entries { get; } = new(StringComparer.Ordinal);

    public Task RecordAsync(InboxLedgerEntry entry, CancellationToken cancellationToken)
    {
        Entries[entry.BlobName] = entry;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, DateTimeOffset>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, DateTimeOffset>>(Entries.ToDictionary(e => e.Key, e => e.Value.ProcessedAt));
}

public sealed class InMemoryInbox : IInbox
{
    public Dictionary<string, (byte[] Content, DateTimeOffset LastModified)> Blobs { get; } = new(StringComparer.Ordinal);

    public async IAsyncEnumerable<InboxBlob> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (name, blob) in Blobs.OrderBy(b => b.Key, StringComparer.Ordinal).ToList())
        {
            await Task.Yield();
            yield return new InboxBlob(name, blob.LastModified);
        }
    }

    public Task<Stream?> OpenReadAsync(string blobName, CancellationToken cancellationToken) =>
        Task.FromResult<Stream?>(Blobs.TryGetValue(blobName, out var blob) ? new MemoryStream(blob.Content) : null);
}

public sealed class InMemoryWatchStore(params Watch[] initial) : IWatchStore
{
    private readonly List<Watch> watches = [.. initial];

    public Task<IReadOnlyList<Watch>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Watch>>([.. watches]);

    public Task<bool> AddIfMissingAsync(Watch watch, CancellationToken cancellationToken)
    {
        if (watches.Any(w => w.Id == watch.Id))
        {
            return Task.FromResult(false);
        }

        watches.Add(watch);
        return Task.FromResult(true);
    }

    public Task UpsertAsync(Watch watch, CancellationToken cancellationToken)
    {
        watches.RemoveAll(w => w.Id == watch.Id);
        watches.Add(watch);
        return Task.CompletedTask;
    }

    public Task<bool> RemoveAsync(string watchId, CancellationToken cancellationToken) =>
        Task.FromResult(watches.RemoveAll(w => w.Id == watchId) > 0);
}

public sealed class InMemoryDigestStateStore(TimeProvider time) : IDigestStateStore
{
    private readonly Dictionary<string, (string Owner, DateTimeOffset Expires)> leases = new(StringComparer.Ordinal);
    private readonly Dictionary<(string WatchId, string DigestId), DigestRecord> records = [];

    /// <summary>When set, the next <see cref="UpdateAsync"/> throws without writing, as if the host died there.</summary>
    public bool CrashOnNextUpdate { get; set; }

    public IReadOnlyList<DigestRecord> Records => [.. records.Values.OrderBy(r => r.CreatedAt)];

    public Task<bool> TryAcquireRunLeaseAsync(string watchId, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (leases.TryGetValue(watchId, out var lease) && lease.Owner != owner && lease.Expires > now)
        {
            return Task.FromResult(false);
        }

        leases[watchId] = (owner, now + duration);
        return Task.FromResult(true);
    }

    public Task ReleaseRunLeaseAsync(string watchId, string owner, CancellationToken cancellationToken)
    {
        if (leases.TryGetValue(watchId, out var lease) && lease.Owner == owner)
        {
            leases.Remove(watchId);
        }

        return Task.CompletedTask;
    }

    public Task CreateAsync(DigestRecord record, CancellationToken cancellationToken)
    {
        if (!records.TryAdd((record.WatchId, record.DigestId), record))
        {
            throw new InvalidOperationException($"Digest {record.DigestId} already exists.");
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DigestRecord>> ListUnfinishedAsync(string watchId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DigestRecord>>(records.Values
            .Where(r => r.WatchId == watchId && r.Status is DigestStatus.Claiming or DigestStatus.Ready)
            .OrderBy(r => r.CreatedAt)
            .ThenBy(r => r.DigestId, StringComparer.Ordinal)
            .ToList());

    public List<DeadLetter> DeadLetters { get; } = [];

    private readonly Dictionary<string, DateTimeOffset> slots = new(StringComparer.Ordinal);

    public Task<DateTimeOffset?> GetLastSlotAsync(string watchId, CancellationToken cancellationToken) =>
        Task.FromResult<DateTimeOffset?>(slots.TryGetValue(watchId, out var slot) ? slot : null);

    public Task SetLastSlotAsync(string watchId, DateTimeOffset slot, CancellationToken cancellationToken)
    {
        slots[watchId] = slot;
        return Task.CompletedTask;
    }

    public Task RecordDeadLetterAsync(DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        DeadLetters.Add(deadLetter);
        return Task.CompletedTask;
    }

    public Task UpdateAsync(DigestRecord record, CancellationToken cancellationToken)
    {
        if (CrashOnNextUpdate)
        {
            CrashOnNextUpdate = false;
            throw new SimulatedCrashException("before the digest record update");
        }

        if (!records.ContainsKey((record.WatchId, record.DigestId)))
        {
            throw new InvalidOperationException($"Digest {record.DigestId} does not exist.");
        }

        records[(record.WatchId, record.DigestId)] = record;
        return Task.CompletedTask;
    }
}

/// <summary>A channel that records what it was given and can be told to fail a number of times.</summary>
public sealed class RecordingChannel(string name) : IDigestChannel
{
    public string Name { get; } = name;

    public List<Digest> Received { get; } = [];

    public int FailuresRemaining { get; set; }

    public Task DeliverAsync(Digest digest, CancellationToken cancellationToken)
    {
        if (FailuresRemaining > 0)
        {
            FailuresRemaining--;
            throw new InvalidOperationException($"{Name} is down");
        }

        Received.Add(digest);
        return Task.CompletedTask;
    }
}

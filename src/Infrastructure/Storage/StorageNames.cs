using System.ComponentModel.DataAnnotations;

namespace Ingest.Infrastructure.Storage;

/// <summary>
/// Names of the containers, queues and tables the app uses, read from top-level settings so that
/// trigger binding expressions (<c>%InboxContainer%</c>) and infrastructure share one flat contract.
/// </summary>
public sealed class StorageNames
{
    /// <summary>The storage connection setting (a connection string, or <c>AzureWebJobsStorage__*ServiceUri</c> for identity).</summary>
    public const string ConnectionSetting = "AzureWebJobsStorage";

    [Required, RegularExpression(ContainerPattern)]
    public string InboxContainer { get; set; } = "news-inbox";

    [Required, RegularExpression(ContainerPattern)]
    public string ArchiveContainer { get; set; } = "digest-archive";

    [Required, RegularExpression(ContainerPattern)]
    public string QuarantineContainer { get; set; } = "news-quarantine";

    [Required, RegularExpression(ContainerPattern)]
    public string BodyContainer { get; set; } = "article-bodies";

    [Required, RegularExpression(ContainerPattern)]
    public string DigestQueue { get; set; } = "digest-notifications";

    [Required, RegularExpression(TablePattern)]
    public string ArticlesTable { get; set; } = "articles";

    [Required, RegularExpression(TablePattern)]
    public string HitsTable { get; set; } = "keywordhits";

    [Required, RegularExpression(TablePattern)]
    public string WatchesTable { get; set; } = "watches";

    [Required, RegularExpression(TablePattern)]
    public string DigestStateTable { get; set; } = "digeststate";

    [Required, RegularExpression(TablePattern)]
    public string QuarantineTable { get; set; } = "quarantine";

    [Required, RegularExpression(TablePattern)]
    public string LedgerTable { get; set; } = "inboxledger";

    /// <summary>Container and queue names: 3-63 lower-case letters, digits and single hyphens.</summary>
    private const string ContainerPattern = "^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$";

    /// <summary>Table names: 3-63 letters and digits, starting with a letter.</summary>
    private const string TablePattern = "^[A-Za-z][A-Za-z0-9]{2,62}$";
}

namespace WorkflowEngine.Store.Persistence;

/// <summary>
/// Which database the store runs on. The case write path is the same plain SQL on both; PostgreSQL, where
/// several nodes may write at once, adds a lock for case numbers and lets a node skip the due cases another
/// node is firing.
/// </summary>
public enum StoreDialect
{
    Sqlite,
    Postgres,
}

/// <summary>The PostgreSQL notification channels the store writes to.</summary>
public static class StoreChannels
{
    /// <summary>Sent in the transaction that stores new alerts, with their ids ("12,13"): delivered to every node on commit, never on rollback.</summary>
    public const string Alerts = "workflow_alerts";
    /// <summary>Sent in the transaction that causes work signals (JSON arrays of them): every node pushes them to its handlers' streams.</summary>
    public const string Work = "workflow_work";
}

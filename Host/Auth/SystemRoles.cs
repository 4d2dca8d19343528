namespace WorkflowEngine.Server.Auth;

/// <summary>Roles of the product itself, besides the agency's posts in Definitions/roles.json.</summary>
public static class SystemRoles
{
    public const string Admin = "admin";
    /// <summary>Writes, validates and publishes flow definitions; loads calendar years.</summary>
    public const string ProcessOwner = "process-owner";
    /// <summary>Discipline inspection and 督办: alerts and the risk ledger.</summary>
    public const string Supervisor = "supervisor";

    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        [Admin] = "系统管理员",
        [ProcessOwner] = "流程管理员",
        [Supervisor] = "监督人员（纪检监察、督办）",
    };
}

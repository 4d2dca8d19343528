namespace WorkflowEngine.Engine.Definitions;

/// <summary>
/// The departments and users a definition's approver rules may name, as validation sees them (the host's organisation).
/// Given only when a definition is written or published: a stored version stays readable if someone later leaves.
/// </summary>
public interface IOrganisationCatalog
{
    bool HasDepartment(string id);

    bool HasUser(string id);
}

using WorkflowEngine.Server.Auth;

namespace WorkflowEngine.Server.Api;

public static class Policies
{
    public const string ProcessOwner = "process-owner";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationBuilder builder)
    {
        builder.AddPolicy(ProcessOwner, p => p.RequireRole(SystemRoles.ProcessOwner, SystemRoles.Admin));
        builder.AddPolicy(Supervisor, p => p.RequireRole(SystemRoles.Supervisor, SystemRoles.Admin));
        builder.AddPolicy(Admin, p => p.RequireRole(SystemRoles.Admin));
    }
}

namespace WorkflowEngine.Server.Cli;

/// <summary>serve (default) | validate FILE… | deadline --from … --add … | flows | catalog [--out FILE] | legal-basis | users set-password … | bench | migrate-db | backup | restore | verify | rotate-chain-key | verify-dossier FILE.zip</summary>
public static class Verbs
{
    public static async Task<int> RunAsync(string[] args)
    {
        var verb = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "serve";
        var rest = verb == "serve" && (args.Length == 0 || args[0].StartsWith('-')) ? args : args[1..];
        switch (verb)
        {
            case "serve":
                await ServerApp.Build(rest).RunAsync();
                return 0;
            case "validate":
                return ValidateVerb.Run(rest, Console.Out);
            case "deadline":
                return DeadlineVerb.Run(rest, Console.Out, Console.Error);
            case "flows":
                return FlowsVerb.Run(Console.Out);
            case "catalog":
                return CatalogVerb.Run(rest, Console.Out);
            case "legal-basis": return LegalBasisVerb.Run(rest, Console.Out);
            case "verify-dossier": return VerifyDossierVerb.Run(rest, Console.Out, Console.Error);
            case "migrate-db":
                return await DataVerbs.MigrateAsync(rest, Console.Out, Console.Error);
            case "backup":
                return await DataVerbs.BackupAsync(rest, Console.Out, Console.Error);
            case "restore":
                return await DataVerbs.RestoreAsync(rest, Console.Out, Console.Error);
            case "verify":
                return await AuditVerbs.VerifyAsync(rest, Console.Out, Console.Error);
            case "rotate-chain-key":
                return await AuditVerbs.RotateKeyAsync(rest, Console.Out, Console.Error);
            case "users":
                return await UsersVerb.RunAsync(rest, Console.Out, Console.Error);
            case "bench":
                return await Bench.BenchVerb.RunAsync(rest, Console.Out);
            default:
                await Console.Error.WriteLineAsync($"未知命令“{verb}”。可用命令：serve、validate、deadline、flows、catalog、legal-basis、users、bench、migrate-db、backup、restore、verify、rotate-chain-key、verify-dossier。");
                return 2;
        }
    }
}

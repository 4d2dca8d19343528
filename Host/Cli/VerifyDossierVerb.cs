using WorkflowEngine.Server.Documents;

namespace WorkflowEngine.Server.Cli;

/// <summary><c>verify-dossier FILE.zip</c>: checks a case dossier offline against its own manifest and history; exit 1 on any problem.</summary>
public static class VerifyDossierVerb
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length != 1)
        {
            error.WriteLine("用法：verify-dossier 案卷.zip");
            return 2;
        }
        if (!File.Exists(args[0]))
        {
            error.WriteLine($"文件“{args[0]}”不存在。");
            return 2;
        }
        using var stream = File.OpenRead(args[0]);
        var problems = Dossier.Verify(stream);
        if (problems.Count == 0)
        {
            output.WriteLine($"{args[0]}：核验通过，所有文件与清单和办理记录的哈希一致，办理记录哈希链完整。");
            return 0;
        }
        foreach (var problem in problems) output.WriteLine(problem);
        output.WriteLine($"{args[0]}：核验未通过，发现 {problems.Count} 处问题。");
        return 1;
    }
}

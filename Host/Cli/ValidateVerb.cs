using WorkflowEngine.Engine.Definitions;
using WorkflowEngine.Engine.Risk;
using WorkflowEngine.Server.Configuration;

namespace WorkflowEngine.Server.Cli;

/// <summary><c>validate FILE…</c>: one line per error, <c>file: path (line N): message</c>; exit 0 when all are valid.</summary>
public static class ValidateVerb
{
    public static int Run(string[] files, TextWriter output)
    {
        if (files.Length == 0)
        {
            output.WriteLine("用法：validate 文件.json [文件.json …]");
            return 2;
        }
        var options = RiskCheckRegistry.CreateDefault().LoadOptions().WithRolesOf(RepositoryPaths.Definitions(new WorkflowOptions()));
        var valid = true;
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                output.WriteLine($"{file}: 文件不存在。");
                valid = false;
                continue;
            }
            var result = DefinitionLoader.LoadFile(file, options);
            foreach (var error in result.Errors)
                output.WriteLine($"{file}: {(error.Path.Length == 0 ? "$" : error.Path)} (line {error.Line}): {error.Message}");
            valid &= result.IsValid;
        }
        return valid ? 0 : 1;
    }
}

namespace WorkflowEngine.Server.Configuration;

/// <summary>Turns the service's own options (--db, --clock, --clock-start) into configuration keys; the rest go to ASP.NET Core.</summary>
public static class CommandLine
{
    public static readonly IReadOnlyDictionary<string, string> Switches = new Dictionary<string, string>
    {
        ["--db"] = "Database:Path",
        ["--db-provider"] = "Database:Provider",
        ["--db-connection"] = "Database:ConnectionString",
        ["--clock"] = "Clock:Mode",
        ["--clock-start"] = "Clock:Start",
        ["--definitions"] = "Paths:Definitions",
        ["--chain-key-file"] = "Audit:ChainKeyFile",
    };

    public static string[] Translate(IEnumerable<string> args)
    {
        var result = new List<string>();
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var arg = list[i];
            var (name, value) = arg.Contains('=') ? (arg[..arg.IndexOf('=')], arg[(arg.IndexOf('=') + 1)..]) : (arg, null);
            if (Switches.TryGetValue(name, out var key))
            {
                value ??= i + 1 < list.Count ? list[++i] : throw new ArgumentException($"{name} 需要一个值。");
                result.Add($"--{key}={value}");
            }
            else
            {
                result.Add(arg);
            }
        }
        return result.ToArray();
    }
}

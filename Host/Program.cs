using WorkflowEngine.Server.Cli;

return await Verbs.RunAsync(args);

/// <summary>The program: the web service by default, or one of the command-line verbs.</summary>
public partial class Program;

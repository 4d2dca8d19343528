using WorkflowEngine.Engine.Definitions.Model;

namespace WorkflowEngine.Engine.Definitions.Validation;

/// <summary>Reachability over the step graph: from the start forwards, and from the ends backwards.</summary>
internal static class GraphAnalysis
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Edges(FlowDefinition definition)
    {
        var edges = definition.Steps
            .GroupBy(s => s.Id)
            .ToDictionary(g => g.Key, g => g.SelectMany(s => s.Targets.Select(t => t.Target)).Distinct().ToList());
        // A parallel split continues at its join; a withdrawal leads from the steps it is allowed at to its end.
        foreach (var split in definition.Steps.OfType<ParallelStep>()) AddEdge(edges, split.Id, split.Join);
        if (definition.Withdrawal is { } w)
        {
            var from = w.AllowedAt.Count > 0 ? w.AllowedAt : definition.Steps.Where(s => s.Kind != StepKind.End).Select(s => s.Id);
            foreach (var id in from.ToList()) AddEdge(edges, id, w.To);
        }
        return edges.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value);
    }

    private static void AddEdge(Dictionary<string, List<string>> edges, string from, string to)
    {
        if (edges.TryGetValue(from, out var list) && !list.Contains(to)) list.Add(to);
    }

    public static HashSet<string> ReachableFrom(string start, IReadOnlyDictionary<string, IReadOnlyList<string>> edges) => Closure([start], edges);

    public static HashSet<string> CanReachEnd(FlowDefinition definition, IReadOnlyDictionary<string, IReadOnlyList<string>> edges)
    {
        var reverse = edges.Keys.ToDictionary(k => k, _ => new List<string>());
        foreach (var (from, targets) in edges)
            foreach (var to in targets)
                if (reverse.TryGetValue(to, out var list)) list.Add(from);
        var ends = definition.Steps.Where(s => s.Kind == StepKind.End).Select(s => s.Id);
        return Closure(ends, reverse.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value));
    }

    /// <summary>The seeds and every step reachable from them along the edges; ids that are not steps are left out.</summary>
    private static HashSet<string> Closure(IEnumerable<string> seeds, IReadOnlyDictionary<string, IReadOnlyList<string>> edges)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        foreach (var seed in seeds)
            if (edges.ContainsKey(seed) && seen.Add(seed)) queue.Enqueue(seed);
        while (queue.Count > 0)
            foreach (var next in edges[queue.Dequeue()])
                if (edges.ContainsKey(next) && seen.Add(next)) queue.Enqueue(next);
        return seen;
    }
}

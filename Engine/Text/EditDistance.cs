namespace WorkflowEngine.Engine.Text;

/// <summary>Levenshtein distance, ignoring case: how "did you mean …?" hints find the closest known name.</summary>
public static class EditDistance
{
    public static int Between(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>The candidate nearest to <paramref name="name"/> within <paramref name="maxDistance"/>, the earliest on a tie.</summary>
    public static string? Closest(IEnumerable<string> candidates, string name, int maxDistance) =>
        candidates.Select(c => (Candidate: c, Distance: Between(c, name)))
            .Where(c => c.Distance <= maxDistance)
            .OrderBy(c => c.Distance)
            .Select(c => c.Candidate)
            .FirstOrDefault();
}

namespace WorkflowEngine.Host.Tests.Support;

/// <summary>Reads Server-Sent Events from a response stream, with a timeout per event.</summary>
public sealed class SseReader(Stream stream)
{
    public sealed record Item(string Event, string Data);

    private readonly StreamReader _reader = new(stream);

    public async Task<Item> NextAsync(int timeoutSeconds = 20)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        string? name = null;
        var data = new List<string>();
        while (true)
        {
            var line = await _reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException("The event stream ended.");
            if (line.Length == 0)
            {
                if (name is null && data.Count == 0) continue;
                return new Item(name ?? "message", string.Join("\n", data));
            }
            if (line.StartsWith("event:", StringComparison.Ordinal)) name = line[6..].Trim();
            else if (line.StartsWith("data:", StringComparison.Ordinal)) data.Add(line[5..].TrimStart());
        }
    }
}

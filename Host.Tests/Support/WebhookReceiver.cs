using System.Collections.Concurrent;
using System.Net;

namespace WorkflowEngine.Host.Tests.Support;

/// <summary>
/// A real HTTP listener on a loopback port that records every webhook call (headers and body bytes). It can fail the next N
/// calls with 500, and it can be started late (the port is reserved first), so that senders meet a receiver that is down.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Call(IReadOnlyDictionary<string, string> Headers, byte[] Body);

    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<Call> _calls = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _serving;
    private int _fail;

    public WebhookReceiver(int port)
    {
        Port = port;
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
    }

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}/hook";
    public IReadOnlyList<Call> Calls => _calls.ToList();
    public int Failed { get; private set; }

    public void FailNext(int count) => Volatile.Write(ref _fail, count);

    public WebhookReceiver Start()
    {
        _listener.Start();
        _serving = Task.Run(ServeAsync);
        return this;
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            if (Interlocked.Decrement(ref _fail) >= 0)
            {
                Failed++;
                context.Response.StatusCode = 500;
            }
            else
            {
                _calls.Enqueue(new Call(context.Request.Headers.AllKeys.OfType<string>().ToDictionary(k => k, k => context.Request.Headers[k] ?? "",
                    StringComparer.OrdinalIgnoreCase), body.ToArray()));
                context.Response.StatusCode = 204;
            }
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_listener.IsListening) _listener.Stop();
        _listener.Close();
        if (_serving is not null) await _serving;
    }
}

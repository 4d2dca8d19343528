using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace WorkflowEngine.Host.Tests.Support;

/// <summary>
/// A minimal SMTP server on a loopback port (RFC 5321: greeting, EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) that keeps
/// every message it accepted. It can be told to stall (accept connections and say nothing) or to refuse the next N messages
/// with a temporary error (451), so that tests see real senders time out, retry and crash in the middle.
/// </summary>
public sealed partial class SmtpTestServer : IAsyncDisposable
{
    public sealed record Message(string From, IReadOnlyList<string> To, string Data)
    {
        public string? Header(string name) =>
            Regex.Match(Data, $@"^{Regex.Escape(name)}:\s*(.+?)\r?$", RegexOptions.Multiline | RegexOptions.IgnoreCase) is { Success: true } m
                ? m.Groups[1].Value.Trim() : null;
    }

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<Message> _messages = new();
    private readonly Task _accepting;
    private int _refuse;
    private int _connections;

    public SmtpTestServer()
    {
        _listener.Start();
        _accepting = Task.Run(AcceptLoopAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>While set, connections are accepted and left without a greeting.</summary>
    public volatile bool Stall;

    public IReadOnlyList<Message> Messages => _messages.ToList();

    public int Connections => Volatile.Read(ref _connections);

    /// <summary>The next <paramref name="count"/> messages are refused at MAIL FROM with 451.</summary>
    public void RefuseNext(int count) => Volatile.Write(ref _refuse, count);

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }
            Interlocked.Increment(ref _connections);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            if (Stall)
            {
                await Task.Delay(Timeout.Infinite, _stop.Token);
                return;
            }
            var reader = new StreamReader(stream, Encoding.UTF8);
            var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 localhost ESMTP test");
            string? from = null;
            var to = new List<string>();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-localhost\r\n250-8BITMIME\r\n250 SMTPUTF8");
                        break;
                    case "HELO":
                        await writer.WriteLineAsync("250 localhost");
                        break;
                    case "MAIL":
                        if (Interlocked.Decrement(ref _refuse) >= 0)
                        {
                            await writer.WriteLineAsync("451 4.3.0 try again later");
                            break;
                        }
                        from = line[(line.IndexOf(':') + 1)..].Trim();
                        to.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        to.Add(line[(line.IndexOf(':') + 1)..].Trim());
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } d && d != ".")
                            data.Append(d.StartsWith("..", StringComparison.Ordinal) ? d[1..] : d).Append("\r\n");
                        _messages.Enqueue(new Message(from ?? "", to.ToList(), data.ToString()));
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "RSET":
                        (from, to) = (null, []);
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 command not implemented");
                        break;
                }
            }
        }
        catch (Exception)
        {
            // A client that went away (or the server stopping) ends the session.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}

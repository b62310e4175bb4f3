using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Lexom.Training.Web.Tests.Email;

/// <summary>
/// A real SMTP listener in the test process (the SmtpServer package) on 127.0.0.1 and a free port. It can be
/// stopped and started again on the same port (an outage), and can refuse every message with a 554.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private SmtpServer.SmtpServer? _server;
    private CancellationTokenSource? _stop;
    private Task? _running;

    public SmtpTestServer()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public int Port { get; }

    /// <summary>True: every message is refused with "554 Transaction failed".</summary>
    public bool Reject { get; set; }

    public bool IsRunning => _server is not null;

    public IReadOnlyList<MimeMessage> Received => _received.ToList();

    public IReadOnlyList<MimeMessage> ReceivedBy(string address) =>
        Received.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    public void Clear() => _received.Clear();

    public async Task StartAsync()
    {
        if (_server is not null) return;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("smtp.test")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _server = new SmtpServer.SmtpServer(options, services);
        _stop = new CancellationTokenSource();
        _running = _server.StartAsync(_stop.Token);
        await WaitUntilListeningAsync();
    }

    public async Task StopAsync()
    {
        if (_server is null) return;
        _server.Shutdown();
        await _stop!.CancelAsync();
        try
        {
            await _running!.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
        _server = null;
    }

    /// <summary>Waits until a message to <paramref name="address"/> has arrived.</summary>
    public async Task<MimeMessage> WaitForAsync(string address, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < until)
        {
            if (ReceivedBy(address) is [var message, ..]) return message;
            await Task.Delay(50);
        }
        throw new TimeoutException($"Aucun message reçu pour {address}");
    }

    private async Task WaitUntilListeningAsync()
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(20);
            }
        }
        throw new InvalidOperationException($"Le serveur SMTP de test n'écoute pas sur le port {Port}");
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private sealed class Store(SmtpTestServer owner) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (owner.Reject)
                return Task.FromResult(new SmtpResponse(SmtpReplyCode.TransactionFailed, "Message refusé par le serveur de test"));
            using var stream = new MemoryStream(buffer.ToArray());
            owner._received.Enqueue(MimeMessage.Load(stream, cancellationToken));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}

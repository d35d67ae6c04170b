using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EventPlatform.Tests.Messaging;

namespace EventPlatform.Tests.Notification;

/// <summary>An email as the mail sink (maildev) received it.</summary>
public sealed record ReceivedMail(string To, string Subject, string Text, IReadOnlyList<string> Attachments, string MessageId);

/// <summary>The AppHost's SMTP sink, read through its HTTP API.</summary>
internal sealed class MailSink(Uri baseAddress)
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress };

    public async Task<IReadOnlyList<ReceivedMail>> ToAsync(string address) =>
        (await AllAsync()).Where(m => string.Equals(m.To, address, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>Every email the sink holds, once per recipient.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> AllAsync()
    {
        var all = await _http.GetFromJsonAsync<JsonArray>("/api/email") ?? [];
        return all.Select(m => m!)
            .SelectMany(m => m["to"]!.AsArray().Select(t => new ReceivedMail(
                (string)t!["address"]!,
                (string?)m["subject"] ?? "",
                (string?)m["text"] ?? "",
                m["attachments"]?.AsArray().Select(a => (string)a!["filename"]!).ToList() ?? [],
                (string?)m["messageId"] ?? "")))
            .ToList();
    }

    /// <summary>
    /// Waits for <paramref name="count"/> emails to <paramref name="address"/> matching <paramref name="where"/>, then a
    /// little longer to make sure no more come.
    /// </summary>
    public async Task<IReadOnlyList<ReceivedMail>> ExactlyAsync(
        string address, int count, Func<ReceivedMail, bool>? where = null, TimeSpan? settle = null, TimeSpan? patience = null)
    {
        var matching = await Eventually.ReturnsAsync(
            async () => (await ToAsync(address)).Where(where ?? (_ => true)).ToList(), m => m.Count >= count, $"{count} email(s) to {address}", patience);
        await Task.Delay(settle ?? TimeSpan.FromSeconds(3));
        return (await ToAsync(address)).Where(where ?? (_ => true)).ToList();
    }
}

using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EventPlatform.Tests.Payment;

/// <summary>A request Stripe.net sent, as it reached the wire.</summary>
internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Form, string? IdempotencyKey, string? Authorization);

/// <summary>
/// A local HTTP stand-in for Stripe's API whose answers the test scripts: it records every request exactly as sent,
/// and answers each from a queue of canned responses (status, JSON), the last one repeating.
/// </summary>
internal sealed class StripeStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(int Status, string Body)> _answers = new();
    private (int Status, string Body) _last = (500, """{"error":{"type":"api_error","message":"No answer scripted."}}""");

    private StripeStandIn(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public string Url => _app.Urls.First();

    public static async Task<StripeStandIn> StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = PaymentInfrastructure.EmptyContentRoot });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var standIn = new StripeStandIn(app);
        app.Run(standIn.AnswerAsync);
        await app.StartAsync();
        return standIn;
    }

    /// <summary>The next answers, in order; the last one repeats.</summary>
    public void Answer(params (int Status, string Body)[] answers)
    {
        foreach (var answer in answers)
        {
            _answers.Enqueue(answer);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task AnswerAsync(HttpContext http)
    {
        var form = http.Request.HasFormContentType
            ? (await http.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString())
            : new Dictionary<string, string>();
        Requests.Enqueue(new RecordedRequest(
            http.Request.Method, http.Request.Path + http.Request.QueryString, form,
            http.Request.Headers["Idempotency-Key"].FirstOrDefault(), http.Request.Headers.Authorization.FirstOrDefault()));
        if (_answers.TryDequeue(out var next))
        {
            _last = next;
        }

        http.Response.StatusCode = _last.Status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(_last.Body);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using EventPlatform.Tests.Infrastructure;
using EventPlatform.Tests.Notification;

namespace EventPlatform.Tests.Identity;

/// <summary>Signs people in as they would: asks for a code, reads it in the mail sink, trades it for tokens.</summary>
internal sealed partial class IdentityDriver(WholeSystemFixture system)
{
    public const string PublicClient = "eventplatform";

    public HttpClient Identity { get; } = system.CreateHttpClient("identity");

    public MailSink Mail { get; } = new(system.App.GetEndpoint("mail", "http"));

    /// <summary>The origin passkeys are made for: the web front's, as the AppHost tells the identity service.</summary>
    public string WebOrigin => $"http://localhost:{system.App.GetEndpoint("bff", "http").Port}";

    public static string NewEmail() => $"person-{Guid.NewGuid():N}@example.org";

    public Task<HttpResponseMessage> RequestCodeAsync(string email) => Identity.PostAsJsonAsync("/sign-in/code", new { email });

    /// <summary>The code in the newest of <paramref name="count"/> sign-in emails to the address.</summary>
    public async Task<string> ReadCodeAsync(string email, int count = 1)
    {
        var mails = await Messaging.Eventually.ReturnsAsync(
            () => Mail.ToAsync(email), m => m.Count(IsCode) >= count, $"{count} sign-in code(s) to {email}");
        return CodePattern().Match(mails.Where(IsCode).Last().Subject).Value;
    }

    public Task<HttpResponseMessage> TokenAsync(params (string Name, string Value)[] form) =>
        Identity.PostAsync("/connect/token", new FormUrlEncodedContent(
            form.Append((Name: "client_id", Value: PublicClient)).Select(p => new KeyValuePair<string, string>(p.Name, p.Value))));

    public Task<HttpResponseMessage> EmailCodeGrantAsync(string email, string code) =>
        TokenAsync(("grant_type", "urn:eventplatform:grant-type:email-code"), ("email", email), ("code", code), ("scope", "offline_access email"));

    /// <summary>A new person signed in by emailed code: their tokens.</summary>
    public async Task<(string Email, JsonElement Tokens)> SignInByCodeAsync(string? email = null)
    {
        email ??= NewEmail();
        (await RequestCodeAsync(email)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        using var response = await EmailCodeGrantAsync(email, await ReadCodeAsync(email));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (email, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    public HttpClient As(string accessToken, string resource = "identity")
    {
        var http = system.CreateHttpClient(resource);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return http;
    }

    private static bool IsCode(ReceivedMail mail) => mail.Subject.Contains("sign-in code", StringComparison.Ordinal);

    [GeneratedRegex(@"\d{6}")]
    private static partial Regex CodePattern();
}

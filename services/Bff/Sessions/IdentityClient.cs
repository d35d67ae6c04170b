using EventPlatform.ServiceDefaults.Identity;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EventPlatform.Bff.Sessions;

/// <summary>
/// The BFF's calls to the identity service on a browser's behalf, as the public client: codes, passkey options, and
/// the token endpoint's grants. Identity's answer (400 with its reason, 429) is handed back to the browser as it is.
/// </summary>
internal sealed class IdentityClient(HttpClient http)
{
    public sealed record Tokens(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("refresh_token")] string? RefreshToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);

    /// <summary>Tokens, or identity's refusal (status and body) to pass on.</summary>
    public sealed record Outcome(Tokens? Tokens, HttpStatusCode Status, JsonElement? Body);

    public Task<HttpResponseMessage> RequestCodeAsync(JsonElement body, CancellationToken cancellationToken) =>
        http.PostAsJsonAsync("sign-in/code", body, cancellationToken);

    public Task<HttpResponseMessage> BeginPasskeySignInAsync(CancellationToken cancellationToken) =>
        http.PostAsync("sign-in/passkey", content: null, cancellationToken);

    public Task<Outcome> EmailCodeAsync(string? email, string? code, CancellationToken cancellationToken) =>
        GrantAsync([new("grant_type", SignInGrants.EmailCode), new("email", email ?? ""), new("code", code ?? "")], cancellationToken);

    public Task<Outcome> PasskeyAsync(string? ceremony, string? credential, CancellationToken cancellationToken) =>
        GrantAsync([new("grant_type", SignInGrants.Passkey), new("ceremony", ceremony ?? ""), new("credential", credential ?? "")], cancellationToken);

    public Task<Outcome> RefreshAsync(string refreshToken, CancellationToken cancellationToken) =>
        GrantAsync([new("grant_type", "refresh_token"), new("refresh_token", refreshToken)], cancellationToken);

    /// <summary>A browser's call to its own account (/account/…), passed to identity with the session's access token.</summary>
    public async Task<HttpResponseMessage> AccountAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var forward = new HttpRequestMessage(new HttpMethod(request.Method), request.Path.Value!.TrimStart('/') + request.QueryString);
        forward.Headers.TryAddWithoutValidation("Authorization", request.Headers.Authorization.ToString());
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            forward.Content = new StreamContent(request.Body);
            forward.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType ?? "application/json");
        }

        return await http.SendAsync(forward, cancellationToken);
    }

    public async Task RevokeAsync(string token, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync("connect/revoke", new FormUrlEncodedContent(
            [new("client_id", SignInGrants.PublicClientId), new("token", token)]), cancellationToken);
    }

    private async Task<Outcome> GrantAsync(List<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        form.Add(new("client_id", SignInGrants.PublicClientId));
        form.Add(new("scope", "offline_access email"));
        using var response = await http.PostAsync("connect/token", new FormUrlEncodedContent(form), cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return response.IsSuccessStatusCode
            ? new Outcome(body.Deserialize<Tokens>(), response.StatusCode, null)
            : new Outcome(null, response.StatusCode, body);
    }
}

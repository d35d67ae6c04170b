using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace EventPlatform.ServiceDefaults.Identity;

/// <summary>
/// This service's own access token, by client credentials (Identity:ClientId and Identity:ClientSecret, which the
/// AppHost gives each service), fetched once and reused until a minute before it expires.
/// </summary>
public sealed class ServiceTokens(IHttpClientFactory httpClients, IConfiguration configuration, TimeProvider time) : IDisposable
{
    public const string HttpClientName = "identity-tokens";

    private readonly SemaphoreSlim _fetching = new(1, 1);
    private readonly string? _clientId = configuration["Identity:ClientId"];
    private readonly string _clientSecret = configuration["Identity:ClientSecret"] ?? "";
    private readonly Uri? _tokenEndpoint = Uri.TryCreate(configuration[IdentityExtensions.AuthoritySetting], UriKind.Absolute, out var authority)
        ? new Uri(authority, "connect/token")
        : null;

    private (string Token, DateTimeOffset RenewAt)? _current;

    /// <summary>False where no client credential is configured (a service hosted by a test): calls go without a token.</summary>
    public bool IsConfigured => !string.IsNullOrEmpty(_clientId) && _tokenEndpoint is not null;

    public async ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        if (_current is { } current && time.GetUtcNow() < current.RenewAt)
        {
            return current.Token;
        }

        await _fetching.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } fetched && time.GetUtcNow() < fetched.RenewAt)
            {
                return fetched.Token;
            }

            using var response = await httpClients.CreateClient(HttpClientName).PostAsync(
                _tokenEndpoint,
                new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_id"] = _clientId!,
                    ["client_secret"] = _clientSecret,
                }),
                cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new EventPlatform.Domain.UnavailableException(
                    $"The identity service refused this service's client credentials ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }

            var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken)
                ?? throw new EventPlatform.Domain.UnavailableException("The identity service answered no token.");
            _current = (token.AccessToken, time.GetUtcNow().AddSeconds(Math.Max(token.ExpiresIn - 60, token.ExpiresIn / 2)));
            return token.AccessToken;
        }
        finally
        {
            _fetching.Release();
        }
    }

    public void Dispose() => _fetching.Dispose();

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}

/// <summary>Outgoing calls to other services carry this service's token, unless the call already carries a caller's.</summary>
public sealed class ServiceTokenHandler(ServiceTokens tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization is null && tokens.IsConfigured)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(cancellationToken));
        }

        return await base.SendAsync(request, cancellationToken);
    }
}

public static class ServiceTokenRegistration
{
    /// <summary>This service's token and the handler that puts it on outgoing calls (idempotent: several wirings ask for it).</summary>
    public static IServiceCollection AddServiceTokens(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ServiceTokens>();
        services.TryAddTransient<ServiceTokenHandler>();
        return services;
    }
}

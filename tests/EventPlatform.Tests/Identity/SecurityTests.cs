using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EventPlatform.AppHost.Launcher;
using EventPlatform.Contracts.Catalog.V1;
using EventPlatform.Contracts.Registration.V1;
using EventPlatform.ServiceDefaults.Identity;
using EventPlatform.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static EventPlatform.Tests.Catalog.CatalogDriver;

namespace EventPlatform.Tests.Identity;

/// <summary>
/// Tokens the services must refuse, and internal RPCs that answer only the services in their table. (An attendee
/// reading another's registration gets 404 and an organizer changing another's event 403: RegistrationApiTests and
/// CatalogApiTests, with tokens from the identity service.)
/// </summary>
[Collection(WholeSystemCollection.Name)]
public sealed class SecurityTests(WholeSystemFixture system)
{
    /// <summary>A call through the BFF to each service that needs a person.</summary>
    public static TheoryData<string, string, string> PersonCalls => new()
    {
        { "catalog", "POST", "/organizers" },
        { "program", "POST", $"/events/{Guid.NewGuid()}/sessions" },
        { "registration", "GET", "/registrations" },
        { "payment", "GET", "/payments/intents" },
        { "billing", "GET", "/invoices" },
        { "notification", "GET", "/notifications" },
        { "analytics", "GET", $"/analytics/organizers/{Guid.NewGuid()}" },
    };

    [Theory]
    [MemberData(nameof(PersonCalls))]
    public async Task A_service_refuses_no_token_a_forged_expired_or_misaddressed_token_and_a_service_token_but_takes_a_genuine_one(
        string service, string method, string path)
    {
        var issuer = (await system.CreateHttpClient("identity").GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration"))
            .GetProperty("issuer").GetString()!;
        using var realKey = RSA.Create();
        realKey.ImportFromPem(await File.ReadAllTextAsync(Path.Combine(system.App.DataDirectory, "identity", "signing-key.pem")));
        var keyId = await KeyIdAsync();
        using var otherKey = RSA.Create(2048);
        var now = DateTime.UtcNow;

        var refused = new Dictionary<string, string?>
        {
            ["no token"] = null,
            ["signed with another key"] = Sign(new RsaSecurityKey(otherKey) { KeyId = keyId }, SecurityAlgorithms.RsaSha256, issuer, "eventplatform", now.AddMinutes(10)),
            ["expired"] = Sign(new RsaSecurityKey(realKey) { KeyId = keyId }, SecurityAlgorithms.RsaSha256, issuer, "eventplatform", now.AddMinutes(-5)),
            ["for another audience"] = Sign(new RsaSecurityKey(realKey) { KeyId = keyId }, SecurityAlgorithms.RsaSha256, issuer, "another-api", now.AddMinutes(10)),
            ["from another issuer"] = Sign(new RsaSecurityKey(realKey) { KeyId = keyId }, SecurityAlgorithms.RsaSha256, "http://evil.example/", "eventplatform", now.AddMinutes(10)),
            // What a service could mint with what it holds: its client secret as an HMAC key.
            ["minted by a service"] = Sign(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(ServiceIdentity.ClientSecret(system.App.DataDirectory, "notification"))),
                SecurityAlgorithms.HmacSha256, issuer, "eventplatform", now.AddMinutes(10)),
            ["a service's own token"] = system.App.CreateServiceToken("notification"),
        };
        var genuine = Sign(new RsaSecurityKey(realKey) { KeyId = keyId }, SecurityAlgorithms.RsaSha256, issuer, "eventplatform", now.AddMinutes(10));

        foreach (var (what, token) in refused)
        {
            (await CallAsync(method, path, token)).ShouldBe(HttpStatusCode.Unauthorized, $"{service} took a token {what}");
        }

        (await CallAsync(method, path, genuine)).ShouldNotBe(HttpStatusCode.Unauthorized, $"{service} refused a genuine token");
    }

    [Fact]
    public async Task An_internal_rpc_answers_only_the_services_in_its_table()
    {
        var registration = new RegistrationInternalService.RegistrationInternalServiceClient(system.GrpcChannel("registration"));
        var catalog = new CatalogInternalService.CatalogInternalServiceClient(system.GrpcChannel("catalog"));
        var request = new ListConfirmedAttendeesRequest { EventId = Guid.NewGuid().ToString() };

        var anonymous = await Should.ThrowAsync<RpcException>(registration.ListConfirmedAttendeesAsync(request).ResponseAsync);
        var person = await Should.ThrowAsync<RpcException>(registration.ListConfirmedAttendeesAsync(
            request, Bearer(system.App.CreateToken("someone", CallerRole.Admin))).ResponseAsync);
        var billing = await Should.ThrowAsync<RpcException>(registration.ListConfirmedAttendeesAsync(
            request, Bearer(system.App.CreateServiceToken("billing"))).ResponseAsync);
        var program = await Should.ThrowAsync<RpcException>(catalog.GetOrganizerForBillingAsync(
            new GetOrganizerRequest { Id = Guid.NewGuid().ToString() }, Bearer(system.App.CreateServiceToken("program"))).ResponseAsync);
        var notification = await registration.ListConfirmedAttendeesAsync(request, Bearer(system.App.CreateServiceToken("notification")));

        anonymous.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        person.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        billing.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        billing.Status.Detail.ShouldContain("billing");
        program.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        notification.Attendees.ShouldBeEmpty();
    }

    private async Task<HttpStatusCode> CallAsync(string method, string path, string? token)
    {
        using var http = system.CreateHttpClient("bff");
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { });
        }

        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<string> KeyIdAsync()
    {
        var keys = await system.CreateHttpClient("identity").GetFromJsonAsync<JsonElement>("/.well-known/jwks");
        return keys.GetProperty("keys")[0].GetProperty("kid").GetString()!;
    }

    private static string Sign(SecurityKey key, string algorithm, string issuer, string audience, DateTime expires) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", $"person-{Guid.NewGuid():N}"), new Claim("role", "organizer")]),
            IssuedAt = expires.AddMinutes(-15),
            NotBefore = expires.AddMinutes(-15),
            Expires = expires,
            // Keys of one id but different material sign here: the provider cache (by key id) would mix them up.
            SigningCredentials = new SigningCredentials(key, algorithm) { CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false } },
        });
}

using EventPlatform.ServiceDefaults.Identity;
using System.Net.Http.Json;
using System.Text.Json;

namespace EventPlatform.AppHost.Launcher;

/// <summary>
/// <c>token --subject S --role R</c>: asks the identity service of the running system for a development token (its
/// development grant, which exists only in Development) and prints it — for curl and grpcurl.
/// </summary>
public static class DevelopmentTokenCommand
{
    public static async Task<int> RunAsync(TokenRequest request, Uri? identity = null)
    {
        using var http = new HttpClient { BaseAddress = identity ?? ServiceIdentity.LocalUrl };
        try
        {
            using var response = await http.PostAsync("connect/token", new FormUrlEncodedContent(Form(request)));
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (!response.IsSuccessStatusCode)
            {
                await Console.Error.WriteLineAsync($"The identity service refused: {body}");
                return 1;
            }

            Console.WriteLine(body.GetProperty("access_token").GetString());
            return 0;
        }
        catch (HttpRequestException)
        {
            await Console.Error.WriteLineAsync(
                $"No identity service at {http.BaseAddress}: start the system first (dotnet run --project EventPlatform.AppHost).");
            return 1;
        }
    }

    public static IEnumerable<KeyValuePair<string, string>> Form(TokenRequest request) =>
    [
        new("grant_type", SignInGrants.Development),
        new("client_id", SignInGrants.PublicClientId),
        new("subject", request.Subject),
        .. request.Roles.Select(r => new KeyValuePair<string, string>("role", r.ToString().ToLowerInvariant())),
    ];
}

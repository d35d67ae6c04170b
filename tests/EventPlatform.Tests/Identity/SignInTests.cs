using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Web;
using EventPlatform.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;

namespace EventPlatform.Tests.Identity;

[Collection(WholeSystemCollection.Name)]
public sealed class SignInTests(WholeSystemFixture system)
{
    private readonly IdentityDriver _identity = new(system);

    [Fact]
    public async Task A_code_emailed_to_the_address_signs_the_person_up_and_in_and_its_tokens_work_everywhere()
    {
        var (email, tokens) = await _identity.SignInByCodeAsync();

        var access = new JsonWebToken(tokens.GetProperty("access_token").GetString());
        access.GetClaim("email").Value.ShouldBe(email);
        access.Audiences.ShouldBe(["eventplatform"]);
        access.GetHeaderValue<string>("alg").ShouldBe("RS256");
        access.Claims.Where(c => c.Type == "role").Select(c => c.Value).ShouldBe(["attendee"]);
        using var account = _identity.As(access.EncodedToken);
        var profile = await account.GetFromJsonAsync<JsonElement>("/account");
        profile.GetProperty("email").GetString().ShouldBe(email);
        profile.GetProperty("id").GetString().ShouldBe(access.Subject);
        // The services take the token: the person's own (empty) list of registrations, through the BFF.
        using var bff = _identity.As(access.EncodedToken, "bff");
        (await bff.GetAsync("/registrations")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Organizer sign-up, then a refresh: the new access token carries the role.
        (await account.PostAsync("/account/organizer", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var refreshed = await _identity.TokenAsync(("grant_type", "refresh_token"), ("refresh_token", tokens.GetProperty("refresh_token").GetString()!));
        refreshed.StatusCode.ShouldBe(HttpStatusCode.OK, await refreshed.Content.ReadAsStringAsync());
        var renewed = new JsonWebToken((await refreshed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());
        renewed.Subject.ShouldBe(access.Subject);
        renewed.Claims.Where(c => c.Type == "role").Select(c => c.Value).ShouldBe(["attendee", "organizer"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_wrong_code_and_a_used_code_are_refused()
    {
        var email = IdentityDriver.NewEmail();
        await _identity.RequestCodeAsync(email);
        var code = await _identity.ReadCodeAsync(email);
        var wrong = code == "000000" ? "000001" : "000000";

        using var guessed = await _identity.EmailCodeGrantAsync(email, wrong);
        using var signedIn = await _identity.EmailCodeGrantAsync(email, code);
        using var reused = await _identity.EmailCodeGrantAsync(email, code);

        guessed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await guessed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().ShouldBe("invalid_grant");
        signedIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        reused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await reused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().ShouldBe("invalid_grant");
    }

    [Fact]
    public async Task A_code_burns_after_five_wrong_guesses_and_too_many_attempts_are_refused_with_429()
    {
        var email = IdentityDriver.NewEmail();
        await _identity.RequestCodeAsync(email);
        var code = await _identity.ReadCodeAsync(email);
        var wrong = code == "000000" ? "000001" : "000000";

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var guess = await _identity.EmailCodeGrantAsync(email, wrong);
            statuses.Add(guess.StatusCode);
        }

        using var afterBurn = await _identity.EmailCodeGrantAsync(email, code);
        statuses.ShouldAllBe(s => s == HttpStatusCode.BadRequest);
        afterBurn.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "five wrong guesses burn the code");

        for (var attempt = 0; attempt < 4; attempt++)
        {
            (await _identity.EmailCodeGrantAsync(email, wrong)).Dispose();
        }

        using var limited = await _identity.EmailCodeGrantAsync(email, wrong);
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Asking_for_codes_too_often_is_refused_with_429_and_bad_addresses_with_400()
    {
        var email = IdentityDriver.NewEmail();
        var statuses = new List<HttpStatusCode>();
        for (var request = 0; request < 6; request++)
        {
            using var response = await _identity.RequestCodeAsync(email);
            statuses.Add(response.StatusCode);
        }

        statuses.ShouldBe([.. Enumerable.Repeat(HttpStatusCode.Accepted, 5), HttpStatusCode.TooManyRequests]);
        using var bad = await _identity.RequestCodeAsync("not an address");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("email", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_passkey_added_by_a_signed_in_person_signs_them_in_again_and_a_replayed_answer_is_refused()
    {
        var (_, tokens) = await _identity.SignInByCodeAsync();
        var subject = new JsonWebToken(tokens.GetProperty("access_token").GetString()).Subject;
        var authenticator = new SoftwareAuthenticator(_identity.WebOrigin);
        using var account = _identity.As(tokens.GetProperty("access_token").GetString()!);

        var creation = await (await account.PostAsync("/account/passkeys/options", null)).Content.ReadFromJsonAsync<JsonElement>();
        using var added = await account.PostAsJsonAsync("/account/passkeys", new
        {
            ceremony = creation.GetProperty("ceremony").GetString(),
            credential = JsonDocument.Parse(authenticator.CreateAttestation(creation.GetProperty("options").GetRawText())).RootElement,
            name = "Test laptop",
        });
        added.StatusCode.ShouldBe(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());

        var request = await (await _identity.Identity.PostAsync("/sign-in/passkey", null)).Content.ReadFromJsonAsync<JsonElement>();
        var ceremony = request.GetProperty("ceremony").GetString()!;
        var answer = authenticator.CreateAssertion(request.GetProperty("options").GetRawText());
        using var signedIn = await _identity.TokenAsync(("grant_type", "urn:eventplatform:grant-type:passkey"), ("ceremony", ceremony), ("credential", answer));
        using var replayed = await _identity.TokenAsync(("grant_type", "urn:eventplatform:grant-type:passkey"), ("ceremony", ceremony), ("credential", answer));

        signedIn.StatusCode.ShouldBe(HttpStatusCode.OK, await signedIn.Content.ReadAsStringAsync());
        var access = new JsonWebToken((await signedIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());
        access.Subject.ShouldBe(subject);
        replayed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_browser_signs_in_through_the_bff_into_an_httponly_session_whose_posts_need_the_csrf_token()
    {
        var email = IdentityDriver.NewEmail();
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = system.App.GetEndpoint("bff", "http") };
        (await browser.PostAsJsonAsync("/session/code", new { email })).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        using var signIn = await browser.PostAsJsonAsync("/session", new { email, code = await _identity.ReadCodeAsync(email) });

        signIn.StatusCode.ShouldBe(HttpStatusCode.OK, await signIn.Content.ReadAsStringAsync());
        signIn.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("ep_session=", StringComparison.Ordinal) && c.Contains("httponly"));
        (await signIn.Content.ReadAsStringAsync()).ShouldNotContain("access_token");
        var session = await browser.GetFromJsonAsync<JsonElement>("/session");
        session.GetProperty("signedIn").GetBoolean().ShouldBeTrue();
        session.GetProperty("email").GetString().ShouldBe(email);
        (await browser.GetAsync("/notifications")).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var forged = await browser.PostAsJsonAsync("/notifications/read-all", new { });
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await forged.Content.ReadAsStringAsync()).ShouldContain("CSRF");

        using var genuine = new HttpRequestMessage(HttpMethod.Post, "/notifications/read-all") { Content = JsonContent.Create(new { }) };
        genuine.Headers.Add("X-CSRF-TOKEN", session.GetProperty("csrfToken").GetString());
        (await browser.SendAsync(genuine)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var signOut = new HttpRequestMessage(HttpMethod.Delete, "/session");
        signOut.Headers.Add("X-CSRF-TOKEN", session.GetProperty("csrfToken").GetString());
        (await browser.SendAsync(signOut)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await browser.GetFromJsonAsync<JsonElement>("/session")).GetProperty("signedIn").GetBoolean().ShouldBeFalse();
        (await browser.GetAsync("/notifications")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_app_signs_a_person_in_with_the_authorization_code_flow_and_pkce()
    {
        var email = IdentityDriver.NewEmail();
        var verifier = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var redirect = $"{_identity.WebOrigin}/signed-in";
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = system.App.GetEndpoint("identity", "http"),
        };

        using var authorize = await browser.GetAsync(
            $"/connect/authorize?client_id=eventplatform&response_type=code&scope=openid%20offline_access&state=s1"
            + $"&redirect_uri={Uri.EscapeDataString(redirect)}&code_challenge={challenge}&code_challenge_method=S256");
        authorize.StatusCode.ShouldBe(HttpStatusCode.Redirect, await authorize.Content.ReadAsStringAsync());
        var returnUrl = HttpUtility.ParseQueryString(authorize.Headers.Location!.OriginalString.Split('?', 2)[1])["returnUrl"]!;
        using var askedCode = await browser.PostAsync("/sign-in", Form(("email", email), ("returnUrl", returnUrl)));
        askedCode.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var signedIn = await browser.PostAsync("/sign-in", Form(("email", email), ("code", await _identity.ReadCodeAsync(email)), ("returnUrl", returnUrl)));
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var back = await browser.GetAsync(signedIn.Headers.Location);
        back.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var callback = back.Headers.Location!;
        callback.GetLeftPart(UriPartial.Path).ShouldBe(redirect);
        var answer = HttpUtility.ParseQueryString(callback.Query);
        answer["state"].ShouldBe("s1");

        using var withoutVerifier = await _identity.TokenAsync(("grant_type", "authorization_code"), ("code", answer["code"]!), ("redirect_uri", redirect));
        using var tokens = await _identity.TokenAsync(
            ("grant_type", "authorization_code"), ("code", answer["code"]!), ("redirect_uri", redirect), ("code_verifier", verifier));

        withoutVerifier.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        tokens.StatusCode.ShouldBe(HttpStatusCode.OK, await tokens.Content.ReadAsStringAsync());
        var body = await tokens.Content.ReadFromJsonAsync<JsonElement>();
        new JsonWebToken(body.GetProperty("id_token").GetString()).GetClaim("email").Value.ShouldBe(email);
        body.GetProperty("refresh_token").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_personal_api_token_gets_a_script_access_tokens_until_it_is_revoked()
    {
        var (_, tokens) = await _identity.SignInByCodeAsync();
        using var account = _identity.As(tokens.GetProperty("access_token").GetString()!);
        using var created = await account.PostAsJsonAsync("/account/api-tokens", new { name = "nightly export", expiresInDays = 30 });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var secret = body.GetProperty("secret").GetString()!;

        using var redeemed = await _identity.TokenAsync(("grant_type", "urn:eventplatform:grant-type:api-token"), ("token", secret));
        redeemed.StatusCode.ShouldBe(HttpStatusCode.OK, await redeemed.Content.ReadAsStringAsync());
        (await account.GetStringAsync("/account/api-tokens")).ShouldNotContain(secret);
        (await account.DeleteAsync($"/account/api-tokens/{body.GetProperty("token").GetProperty("id").GetString()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var revoked = await _identity.TokenAsync(("grant_type", "urn:eventplatform:grant-type:api-token"), ("token", secret));
        revoked.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_person_exports_their_data_and_deleting_the_account_ends_every_session()
    {
        var (email, tokens) = await _identity.SignInByCodeAsync();
        using var account = _identity.As(tokens.GetProperty("access_token").GetString()!);

        var export = await account.GetFromJsonAsync<JsonElement>("/account/export");
        export.GetProperty("profile").GetProperty("email").GetString().ShouldBe(email);
        export.GetProperty("signInCodes").GetArrayLength().ShouldBe(1);

        (await account.DeleteAsync("/account")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await account.GetAsync("/account")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var refresh = await _identity.TokenAsync(("grant_type", "refresh_token"), ("refresh_token", tokens.GetProperty("refresh_token").GetString()!));
        refresh.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_browser_signs_in_through_the_bff_with_a_passkey()
    {
        var (email, tokens) = await _identity.SignInByCodeAsync();
        var authenticator = new SoftwareAuthenticator(_identity.WebOrigin);
        using var account = _identity.As(tokens.GetProperty("access_token").GetString()!);
        var creation = await (await account.PostAsync("/account/passkeys/options", null)).Content.ReadFromJsonAsync<JsonElement>();
        (await account.PostAsJsonAsync("/account/passkeys", new
        {
            ceremony = creation.GetProperty("ceremony").GetString(),
            credential = JsonDocument.Parse(authenticator.CreateAttestation(creation.GetProperty("options").GetRawText())).RootElement,
        })).StatusCode.ShouldBe(HttpStatusCode.Created);
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = system.App.GetEndpoint("bff", "http") };

        var request = await (await browser.PostAsync("/session/passkey/options", null)).Content.ReadFromJsonAsync<JsonElement>();
        using var signedIn = await browser.PostAsJsonAsync("/session/passkey", new
        {
            ceremony = request.GetProperty("ceremony").GetString(),
            credential = JsonDocument.Parse(authenticator.CreateAssertion(request.GetProperty("options").GetRawText())).RootElement,
        });

        signedIn.StatusCode.ShouldBe(HttpStatusCode.OK, await signedIn.Content.ReadAsStringAsync());
        (await browser.GetFromJsonAsync<JsonElement>("/session")).GetProperty("email").GetString().ShouldBe(email);
        (await browser.GetAsync("/registrations")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
}

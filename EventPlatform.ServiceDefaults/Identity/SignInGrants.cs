namespace EventPlatform.ServiceDefaults.Identity;

/// <summary>
/// The identity service's own grant types at /connect/token (beside OAuth's client credentials, code and refresh) and
/// its public client, as the identity service serves them and the BFF, the AppHost's token command and tests use them.
/// </summary>
public static class SignInGrants
{
    /// <summary>The public client: the web front (through the BFF), apps (code + PKCE) and scripts.</summary>
    public const string PublicClientId = "eventplatform";

    /// <summary>email + code: the one-time code emailed by POST /sign-in/code.</summary>
    public const string EmailCode = "urn:eventplatform:grant-type:email-code";

    /// <summary>ceremony + credential: a WebAuthn assertion for options from POST /sign-in/passkey.</summary>
    public const string Passkey = "urn:eventplatform:grant-type:passkey";

    /// <summary>token: a personal API token made with POST /account/api-tokens.</summary>
    public const string ApiToken = "urn:eventplatform:grant-type:api-token";

    /// <summary>subject + role…: Development only.</summary>
    public const string Development = "urn:eventplatform:grant-type:development";
}

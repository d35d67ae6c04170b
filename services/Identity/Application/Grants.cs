namespace EventPlatform.Identity.Application;

/// <summary>Our grant types at the token endpoint, beside OAuth's own (client credentials, code, refresh).</summary>
public static class Grants
{
    /// <summary>email + code: the one-time code emailed by POST /sign-in/code.</summary>
    public const string EmailCode = "urn:eventplatform:grant-type:email-code";

    /// <summary>ceremony + credential: a WebAuthn assertion for options from POST /sign-in/passkey/options.</summary>
    public const string Passkey = "urn:eventplatform:grant-type:passkey";

    /// <summary>token: a personal API token made with POST /account/api-tokens.</summary>
    public const string ApiToken = "urn:eventplatform:grant-type:api-token";

    /// <summary>subject + role…: Development only.</summary>
    public const string Development = "urn:eventplatform:grant-type:development";

    /// <summary>The public client: the web front, apps (code + PKCE) and scripts.</summary>
    public const string PublicClientId = "eventplatform";
}

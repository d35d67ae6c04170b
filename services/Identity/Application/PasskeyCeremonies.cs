using System.Formats.Cbor;
using System.Text.Json;
using EventPlatform.Domain;
using EventPlatform.Identity.Domain;
using Fido2NetLib;
using Fido2NetLib.Objects;

namespace EventPlatform.Identity.Application;

/// <summary>
/// The two WebAuthn ceremonies, registration and sign-in, checked by Fido2 and told in our domain's terms. Stateless:
/// the caller keeps the options JSON between begin and finish and stores what comes back.
/// </summary>
/// <remarks>
/// Expects an <see cref="IFido2"/> built from a <see cref="Fido2Configuration"/> whose <c>RPID</c> is the relying
/// party id (the site's registrable domain, e.g. <c>localhost</c>; <c>ServerDomain</c> is its obsolete name),
/// <c>RPName</c> the name browsers show, and <c>Origins</c> every origin whose pages run the ceremonies
/// (e.g. <c>http://localhost:5000</c>).
/// </remarks>
public sealed class PasskeyCeremonies(IFido2 fido2, TimeProvider time)
{
    /// <summary>Options for navigator.credentials.create(), as JSON, to add a passkey to this person.</summary>
    public string BeginRegistration(Guid personId, string email, IReadOnlyCollection<byte[]> existingCredentialIds) =>
        fido2.RequestNewCredential(new RequestNewCredentialParams
        {
            User = new Fido2User { Id = UserHandle(personId), Name = email, DisplayName = email },
            // The authenticator refuses to make a second passkey for this person beside one it already holds.
            ExcludeCredentials = [.. existingCredentialIds.Select(id => new PublicKeyCredentialDescriptor(id))],
            AuthenticatorSelection = new AuthenticatorSelection
            {
                // Discoverable, so sign-in needs no email first: the passkey itself says whose it is.
                ResidentKey = ResidentKeyRequirement.Required,
                UserVerification = UserVerificationRequirement.Preferred,
            },
            // We trust the passkey, not the make of authenticator holding it.
            AttestationPreference = AttestationConveyancePreference.None,
        }).ToJson();

    /// <summary>The new passkey (not yet saved) when the authenticator's answer fits the options; INVALID_ARGUMENT otherwise.</summary>
    public async Task<Passkey> FinishRegistrationAsync(
        string optionsJson, string attestationResponseJson, Guid personId, string? name,
        Func<byte[], CancellationToken, Task<bool>> isCredentialIdUnique, CancellationToken ct)
    {
        try
        {
            var options = CredentialCreateOptions.FromJson(optionsJson);
            if (!options.User.Id.AsSpan().SequenceEqual(UserHandle(personId)))
            {
                throw Invalid("This passkey registration was begun for someone else.");
            }

            var credential = await fido2.MakeNewCredentialAsync(new MakeNewCredentialParams
            {
                AttestationResponse = Parse<AuthenticatorAttestationRawResponse>(attestationResponseJson),
                OriginalOptions = options,
                IsCredentialIdUniqueToUserCallback = (p, token) => isCredentialIdUnique(p.CredentialId, token),
            }, ct);
            return Passkey.Register(personId, credential.Id, credential.PublicKey, credential.SignCount, name, time.GetUtcNow());
        }
        catch (Exception e) when (IsBadCredential(e))
        {
            throw Invalid($"The passkey could not be verified: {e.Message}");
        }
    }

    /// <summary>Options for navigator.credentials.get(), as JSON: any passkey of ours on the device may answer.</summary>
    public string BeginSignIn() =>
        fido2.GetAssertionOptions(new GetAssertionOptionsParams
        {
            // Empty allowCredentials: we do not know who is signing in until their discoverable passkey tells us.
            AllowedCredentials = [],
            UserVerification = UserVerificationRequirement.Preferred,
        }).ToJson();

    /// <summary>
    /// The person whose passkey signed the challenge, the passkey marked as used (the caller saves it);
    /// INVALID_ARGUMENT for an unknown passkey or a failed check.
    /// </summary>
    public async Task<Guid> FinishSignInAsync(
        string optionsJson, string assertionResponseJson,
        Func<byte[], CancellationToken, Task<Passkey?>> findByCredentialId, CancellationToken ct)
    {
        try
        {
            var options = AssertionOptions.FromJson(optionsJson);
            var response = Parse<AuthenticatorAssertionRawResponse>(assertionResponseJson);
            // Fido2 checks the user handle only when one is given; a discoverable sign-in must give it (WebAuthn §7.2 step 6).
            if (response.RawId is not { Length: > 0 } || response.Response?.UserHandle is null)
            {
                throw Invalid("The passkey's answer lacks its credential id or user handle.");
            }

            var passkey = await findByCredentialId(response.RawId, ct) ?? throw Invalid("This passkey is not registered here.");
            var owner = UserHandle(passkey.PersonId);
            var result = await fido2.MakeAssertionAsync(new MakeAssertionParams
            {
                AssertionResponse = response,
                OriginalOptions = options,
                StoredPublicKey = passkey.PublicKey,
                StoredSignatureCounter = passkey.SignCount,
                IsUserHandleOwnerOfCredentialIdCallback = (p, _) => Task.FromResult(
                    p.UserHandle.AsSpan().SequenceEqual(owner) && p.CredentialId.AsSpan().SequenceEqual(passkey.CredentialId)),
            }, ct);
            // Fido2 lets a counter of 0 through (synced passkeys keep none); keeping the highest seen still catches a clone
            // whose counter lags behind.
            passkey.Used(Math.Max(result.SignCount, passkey.SignCount), time.GetUtcNow());
            return passkey.PersonId;
        }
        catch (Exception e) when (IsBadCredential(e))
        {
            throw Invalid($"The passkey could not be verified: {e.Message}");
        }
    }

    /// <summary>The WebAuthn user handle of a person: their id, so a passkey names its owner without revealing the email.</summary>
    private static byte[] UserHandle(Guid personId) => personId.ToByteArray();

    private static T Parse<T>(string json) where T : class =>
        JsonSerializer.Deserialize<T>(json) ?? throw Invalid("Give the credential the authenticator returned, as JSON.");

    // What a malformed or forged answer makes Fido2 or the JSON and CBOR readers throw; anything else (the callbacks'
    // database, cancellation) is not the caller's fault and goes up as it is.
    private static bool IsBadCredential(Exception e) => e is Fido2VerificationException or JsonException or CborContentException;

    private static InvalidInputException Invalid(string reason) => new([new FieldViolation("credential", reason)]);
}

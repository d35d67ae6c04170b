using System.Buffers.Binary;
using System.Buffers.Text;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace EventPlatform.Tests.Identity;

/// <summary>
/// A passkey authenticator and the browser in front of it, in software (like the browsers' virtual authenticators):
/// turns the server's options JSON into the JSON a page would post, <c>PublicKeyCredential.toJSON()</c>. It makes
/// discoverable ES256 credentials with "none" attestation, always reports the user present and verified, and counts
/// signatures. Independent of Fido2 on purpose, so the tests check the server against the WebAuthn spec, not against
/// the library's own reading of it.
/// </summary>
public sealed class SoftwareAuthenticator(string origin)
{
    private const byte UserPresent = 0x01, UserVerified = 0x04, AttestedCredentialData = 0x40;
    private const int Es256 = -7;

    private readonly List<Credential> _credentials = [];

    /// <summary>Answers navigator.credentials.create(options): a new credential for the options' relying party and user.</summary>
    public string CreateAttestation(string credentialCreateOptionsJson)
    {
        using var document = JsonDocument.Parse(credentialCreateOptionsJson);
        var options = document.RootElement;
        var rpId = options.GetProperty("rp").GetProperty("id").GetString()!;
        if (!options.GetProperty("pubKeyCredParams").EnumerateArray().Any(p => p.GetProperty("alg").GetInt32() == Es256))
        {
            throw new NotSupportedException("NotSupportedError: this authenticator makes ES256 keys only.");
        }

        // As a real one does, refuse to make a second credential for an account it already holds one for.
        var excluded = options.TryGetProperty("excludeCredentials", out var list)
            ? list.EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToHashSet()
            : [];
        if (_credentials.Any(c => c.RpId == rpId && excluded.Contains(Base64Url.EncodeToString(c.Id))))
        {
            throw new InvalidOperationException("InvalidStateError: this authenticator already holds an excluded credential.");
        }

        var credential = new Credential(
            RandomNumberGenerator.GetBytes(16), ECDsa.Create(ECCurve.NamedCurves.nistP256), rpId,
            Base64Url.DecodeFromChars(options.GetProperty("user").GetProperty("id").GetString()));
        _credentials.Add(credential);

        var clientData = ClientData("webauthn.create", options);
        var attestationObject = new CborWriter(CborConformanceMode.Ctap2Canonical);
        attestationObject.WriteStartMap(3);
        attestationObject.WriteTextString("fmt");
        attestationObject.WriteTextString("none");
        attestationObject.WriteTextString("attStmt");
        attestationObject.WriteStartMap(0);
        attestationObject.WriteEndMap();
        attestationObject.WriteTextString("authData");
        attestationObject.WriteByteString(AuthenticatorData(credential, UserPresent | UserVerified | AttestedCredentialData));
        attestationObject.WriteEndMap();

        return PublicKeyCredential(credential, new Dictionary<string, object>
        {
            ["clientDataJSON"] = Base64Url.EncodeToString(clientData),
            ["attestationObject"] = Base64Url.EncodeToString(attestationObject.Encode()),
            ["transports"] = new[] { "internal" },
        });
    }

    /// <summary>
    /// Answers navigator.credentials.get(options) with a credential for the options' relying party: one listed in
    /// allowCredentials if given, else (a discoverable sign-in) the newest, as if the person picked it.
    /// </summary>
    public string CreateAssertion(string assertionOptionsJson)
    {
        using var document = JsonDocument.Parse(assertionOptionsJson);
        var options = document.RootElement;
        var rpId = options.TryGetProperty("rpId", out var id) ? id.GetString()! : new Uri(origin).Host;
        var allowed = options.TryGetProperty("allowCredentials", out var list)
            ? list.EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToHashSet()
            : [];
        var credential = _credentials.LastOrDefault(c => c.RpId == rpId
                && (allowed.Count == 0 || allowed.Contains(Base64Url.EncodeToString(c.Id))))
            ?? throw new InvalidOperationException($"NotAllowedError: no credential for '{rpId}' on this authenticator.");

        credential.SignCount++;
        var authenticatorData = AuthenticatorData(credential, UserPresent | UserVerified);
        var clientData = ClientData("webauthn.get", options);
        var signature = credential.Key.SignData(
            [.. authenticatorData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

        return PublicKeyCredential(credential, new Dictionary<string, object>
        {
            ["clientDataJSON"] = Base64Url.EncodeToString(clientData),
            ["authenticatorData"] = Base64Url.EncodeToString(authenticatorData),
            ["signature"] = Base64Url.EncodeToString(signature),
            ["userHandle"] = Base64Url.EncodeToString(credential.UserHandle),
        });
    }

    // The browser's part: what it saw asked, by whom; the challenge goes back as the options gave it (base64url).
    private byte[] ClientData(string type, JsonElement options) => JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
    {
        ["type"] = type,
        ["challenge"] = options.GetProperty("challenge").GetString()!,
        ["origin"] = origin,
        ["crossOrigin"] = false,
    });

    private static string PublicKeyCredential(Credential credential, Dictionary<string, object> response) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["id"] = Base64Url.EncodeToString(credential.Id),
            ["rawId"] = Base64Url.EncodeToString(credential.Id),
            ["type"] = "public-key",
            ["response"] = response,
            ["authenticatorAttachment"] = "platform",
            ["clientExtensionResults"] = new Dictionary<string, object>(),
        });

    // rpIdHash (32) | flags (1) | signCount (4, big-endian) [| AAGUID (16) | credential id length (2) | id | COSE key].
    private static byte[] AuthenticatorData(Credential credential, int flags)
    {
        var data = new List<byte>(SHA256.HashData(Encoding.UTF8.GetBytes(credential.RpId))) { (byte)flags };
        data.AddRange(BigEndian(credential.SignCount));
        if ((flags & AttestedCredentialData) != 0)
        {
            data.AddRange(new byte[16]); // AAGUID: zeros, as "none" attestation names no make of authenticator.
            data.AddRange(BigEndian((ushort)credential.Id.Length));
            data.AddRange(credential.Id);
            data.AddRange(CosePublicKey(credential.Key));
        }

        return [.. data];
    }

    // The EC2 key as COSE: {1 kty: 2 EC2, 3 alg: -7 ES256, -1 crv: 1 P-256, -2 x, -3 y}, keys in CTAP2 canonical order.
    private static byte[] CosePublicKey(ECDsa key)
    {
        var point = key.ExportParameters(includePrivateParameters: false).Q;
        var cose = new CborWriter(CborConformanceMode.Ctap2Canonical);
        cose.WriteStartMap(5);
        cose.WriteInt32(1);
        cose.WriteInt32(2);
        cose.WriteInt32(3);
        cose.WriteInt32(Es256);
        cose.WriteInt32(-1);
        cose.WriteInt32(1);
        cose.WriteInt32(-2);
        cose.WriteByteString(point.X!);
        cose.WriteInt32(-3);
        cose.WriteByteString(point.Y!);
        cose.WriteEndMap();
        return cose.Encode();
    }

    private static byte[] BigEndian(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] BigEndian(ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        return bytes;
    }

    private sealed class Credential(byte[] id, ECDsa key, string rpId, byte[] userHandle)
    {
        public byte[] Id { get; } = id;

        public ECDsa Key { get; } = key;

        public string RpId { get; } = rpId;

        public byte[] UserHandle { get; } = userHandle;

        public uint SignCount { get; set; }
    }
}

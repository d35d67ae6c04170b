using EventPlatform.Identity.Domain;
using EventPlatform.Identity.Infrastructure;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace EventPlatform.Identity.Application;

/// <summary>A person's account as they see it, take it away, or close it.</summary>
public sealed class Accounts(IdentityDbContext db, IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations, TokenPrincipals principals)
{
    public sealed record PasskeyView(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt);

    public sealed record Profile(Guid Id, string Email, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt, DateTimeOffset? LastSignedInAt, IReadOnlyList<PasskeyView> Passkeys);

    public static PasskeyView Describe(Passkey passkey) => new(passkey.Id, passkey.Name, passkey.CreatedAt, passkey.LastUsedAt);

    public async Task<Profile?> ProfileAsync(Guid personId, CancellationToken cancellationToken)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
        {
            return null;
        }

        var passkeys = await db.Passkeys.Where(p => p.PersonId == personId).OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken);
        var roles = principals.RolesOf(person).Select(r => r.ToString().ToLowerInvariant()).ToList();
        return new Profile(person.Id, person.Email, roles, person.CreatedAt, person.LastSignedInAt, passkeys.Select(Describe).ToList());
    }

    /// <summary>Organizing needs no approval here; tokens issued from now on (a refresh is enough) carry the role.</summary>
    public async Task<Profile?> BecomeOrganizerAsync(Guid personId, CancellationToken cancellationToken)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
        {
            return null;
        }

        person.BecomeOrganizer();
        await db.SaveChangesAsync(cancellationToken);
        return await ProfileAsync(personId, cancellationToken);
    }

    public async Task<bool> RemovePasskeyAsync(Guid personId, Guid passkeyId, CancellationToken cancellationToken) =>
        await db.Passkeys.Where(p => p.Id == passkeyId && p.PersonId == personId).ExecuteDeleteAsync(cancellationToken) == 1;

    /// <summary>Everything this service holds about the person (GDPR art. 15/20), in one JSON document.</summary>
    public async Task<object?> ExportAsync(Guid personId, CancellationToken cancellationToken)
    {
        var profile = await ProfileAsync(personId, cancellationToken);
        if (profile is null)
        {
            return null;
        }

        var codes = await db.SignInCodes.Where(c => c.Email == profile.Email)
            .OrderBy(c => c.ExpiresAt)
            .Select(c => new { requestedAt = c.ExpiresAt - SignInCode.Lifetime, usedAt = c.UsedAt, wrongAttempts = c.Attempts })
            .ToListAsync(cancellationToken);
        var apiTokens = await db.ApiTokens.Where(t => t.PersonId == personId).OrderBy(t => t.CreatedAt)
            .Select(t => new { t.Name, t.CreatedAt, t.ExpiresAt, t.LastUsedAt })
            .ToListAsync(cancellationToken);
        return new { exportedBy = "identity", profile, apiTokens, signInCodes = codes };
    }

    /// <summary>
    /// Closes the account: the person, their passkeys, API tokens and codes are deleted and every token issued to them revoked, so
    /// a refresh fails at once and access tokens die within minutes.
    /// </summary>
    public async Task<bool> DeleteAsync(Guid personId, CancellationToken cancellationToken)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
        {
            return false;
        }

        var subject = personId.ToString();
        await foreach (var token in tokens.FindBySubjectAsync(subject, cancellationToken))
        {
            await tokens.TryRevokeAsync(token, cancellationToken);
        }

        await foreach (var authorization in authorizations.FindBySubjectAsync(subject, cancellationToken))
        {
            await authorizations.TryRevokeAsync(authorization, cancellationToken);
        }

        await db.SignInCodes.Where(c => c.Email == person.Email).ExecuteDeleteAsync(cancellationToken);
        db.People.Remove(person);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

using EventPlatform.Identity.Domain;
using EventPlatform.Identity.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Identity.Application;

/// <summary>A person's API tokens: made, listed, revoked by them; redeemed at the token endpoint by their scripts.</summary>
public sealed class ApiTokens(IdentityDbContext db, TimeProvider time)
{
    public sealed record View(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? LastUsedAt);

    public sealed record Created(View Token, string Secret);

    public async Task<Created> CreateAsync(Guid personId, string? name, int? expiresInDays, CancellationToken cancellationToken)
    {
        var (token, secret) = ApiToken.Create(personId, name, expiresInDays is { } days ? TimeSpan.FromDays(days) : null, time.GetUtcNow());
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new Created(Describe(token), secret);
    }

    public async Task<IReadOnlyList<View>> ListAsync(Guid personId, CancellationToken cancellationToken) =>
        (await db.ApiTokens.Where(t => t.PersonId == personId).OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken)).Select(Describe).ToList();

    public async Task<bool> RevokeAsync(Guid personId, Guid id, CancellationToken cancellationToken) =>
        await db.ApiTokens.Where(t => t.Id == id && t.PersonId == personId).ExecuteDeleteAsync(cancellationToken) == 1;

    /// <summary>The owner of a live token, or null.</summary>
    public async Task<Person?> RedeemAsync(string? secret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(secret) || !secret.StartsWith(ApiToken.SecretPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var hash = ApiToken.Hash(secret);
        var now = time.GetUtcNow();
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.SecretHash == hash, cancellationToken);
        if (token is null || !token.IsLive(now))
        {
            return null;
        }

        token.Used(now);
        var person = await db.People.SingleAsync(p => p.Id == token.PersonId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return person;
    }

    private static View Describe(ApiToken token) => new(token.Id, token.Name, token.CreatedAt, token.ExpiresAt, token.LastUsedAt);
}

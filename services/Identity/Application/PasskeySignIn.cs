using EventPlatform.Domain;
using EventPlatform.Identity.Domain;
using EventPlatform.Identity.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Identity.Application;

/// <summary>Passkeys as the fast way back: a signed-in person adds one; anyone signs in with one they added.</summary>
public sealed class PasskeySignIn(IdentityDbContext db, PasskeyCeremonies ceremonies, TimeProvider time)
{
    /// <summary>Options for the browser's navigator.credentials.get(), under a ceremony id to send back with the answer.</summary>
    public Task<(Guid Ceremony, string OptionsJson)> BeginAsync(CancellationToken cancellationToken) =>
        StartAsync(personId: null, ceremonies.BeginSignIn(), cancellationToken);

    /// <summary>The person whose passkey answered the ceremony's challenge; INVALID_ARGUMENT otherwise.</summary>
    public async Task<Person> FinishAsync(string? ceremonyId, string? credentialJson, CancellationToken cancellationToken)
    {
        var ceremony = await TakeAsync(ceremonyId, expectedPerson: null, cancellationToken);
        var personId = await ceremonies.FinishSignInAsync(
            ceremony.OptionsJson, Required(credentialJson),
            (id, ct) => db.Passkeys.SingleOrDefaultAsync(p => p.CredentialId == id, ct), cancellationToken);
        var person = await db.People.SingleAsync(p => p.Id == personId, cancellationToken);
        person.SignedIn(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return person;
    }

    /// <summary>Options for navigator.credentials.create() to add a passkey to the signed-in person.</summary>
    public async Task<(Guid Ceremony, string OptionsJson)> BeginRegistrationAsync(Guid personId, CancellationToken cancellationToken)
    {
        var person = await db.People.SingleAsync(p => p.Id == personId, cancellationToken);
        var existing = await db.Passkeys.Where(p => p.PersonId == personId).Select(p => p.CredentialId).ToListAsync(cancellationToken);
        return await StartAsync(personId, ceremonies.BeginRegistration(personId, person.Email, existing), cancellationToken);
    }

    public async Task<Passkey> FinishRegistrationAsync(
        Guid personId, string? ceremonyId, string? credentialJson, string? name, CancellationToken cancellationToken)
    {
        var ceremony = await TakeAsync(ceremonyId, personId, cancellationToken);
        var passkey = await ceremonies.FinishRegistrationAsync(
            ceremony.OptionsJson, Required(credentialJson), personId, name,
            async (id, ct) => !await db.Passkeys.AnyAsync(p => p.CredentialId == id, ct), cancellationToken);
        db.Passkeys.Add(passkey);
        await db.SaveChangesAsync(cancellationToken);
        return passkey;
    }

    private async Task<(Guid, string)> StartAsync(Guid? personId, string optionsJson, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // Ceremonies nobody finished are swept as new ones begin.
        await db.PasskeyCeremonies.Where(c => c.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        var ceremony = db.PasskeyCeremonies.Add(PasskeyCeremony.Begin(personId, optionsJson, now)).Entity;
        await db.SaveChangesAsync(cancellationToken);
        return (ceremony.Id, optionsJson);
    }

    /// <summary>The live ceremony, deleted as it is read: a challenge is answered once.</summary>
    private async Task<PasskeyCeremony> TakeAsync(string? ceremonyId, Guid? expectedPerson, CancellationToken cancellationToken)
    {
        var id = Guid.TryParse(ceremonyId, out var parsed) ? parsed : Guid.Empty;
        var ceremony = await db.PasskeyCeremonies.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        var taken = ceremony is not null
            && await db.PasskeyCeremonies.Where(c => c.Id == id).ExecuteDeleteAsync(cancellationToken) == 1;
        if (!taken || !ceremony!.IsLive(time.GetUtcNow()) || ceremony.PersonId != expectedPerson)
        {
            throw new InvalidInputException([new FieldViolation("ceremony", "Unknown or expired passkey ceremony: begin again.")]);
        }

        return ceremony;
    }

    private static string Required(string? credentialJson) => string.IsNullOrWhiteSpace(credentialJson)
        ? throw new InvalidInputException([new FieldViolation("credential", "Give the credential the authenticator returned, as JSON.")])
        : credentialJson;
}

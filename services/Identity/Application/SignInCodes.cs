using EventPlatform.Identity.Application.Ports;
using EventPlatform.Identity.Domain;
using EventPlatform.Identity.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EventPlatform.Identity.Application;

/// <summary>Sign-in by a code emailed to the address: ask for one, then trade it for tokens at the token endpoint.</summary>
public sealed class SignInCodes(IdentityDbContext db, ICodeMailer mailer, TimeProvider time)
{
    /// <summary>Emails a fresh code; earlier ones stay good until they expire (mail can arrive out of order).</summary>
    public async Task RequestAsync(string normalizedEmail, CancellationToken cancellationToken)
    {
        var (code, plain) = SignInCode.Issue(normalizedEmail, time.GetUtcNow());
        db.SignInCodes.Add(code);
        await db.SaveChangesAsync(cancellationToken);
        await mailer.SendCodeAsync(normalizedEmail, plain, SignInCode.Lifetime, cancellationToken);
    }

    /// <summary>
    /// The person the address belongs to (signed up on their first sign-in) when the code is one of its live codes;
    /// null otherwise. A wrong guess counts against every live code of the address.
    /// </summary>
    public async Task<Person?> VerifyAsync(string normalizedEmail, string code, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var live = await db.SignInCodes
            .Where(c => c.Email == normalizedEmail && c.UsedAt == null && c.ExpiresAt > now && c.Attempts < SignInCode.MaxAttempts)
            .OrderByDescending(c => c.ExpiresAt)
            .ToListAsync(cancellationToken);
        var matched = live.FirstOrDefault(c => c.TryUse(code, now));
        if (matched is null)
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }

        var person = await db.People.SingleOrDefaultAsync(p => p.Email == normalizedEmail, cancellationToken)
            ?? db.People.Add(Person.SignUp(normalizedEmail, now)).Entity;
        person.SignedIn(now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return person;
        }
        catch (DbUpdateException)
        {
            // Another request used the code (or signed the address up) first: this one does not sign in.
            return null;
        }
    }
}

using EventPlatform.Domain;
using EventPlatform.Domain.Validation;

namespace EventPlatform.Registrations.Domain.Registrations;

/// <summary>The person registering: identity from the caller's token, name, email and locale as they gave them.</summary>
public sealed record Attendee
{
    private Attendee(string subject, string name, string email, string locale)
    {
        Subject = subject;
        Name = name;
        Email = email;
        Locale = locale;
    }

    public string Subject { get; }

    public string Name { get; }

    public string Email { get; }

    public string Locale { get; }

    public static Attendee Of(string subject, string name, string email, string locale)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        BusinessRule.CheckAll(
            new AttendeeNameMustBeGivenRule(name),
            new AttendeeEmailMustBeValidRule(email),
            new AttendeeLocaleMustBeALanguageTagRule(locale));
        return new Attendee(subject, name.Trim(), email.Trim(), locale.Trim());
    }
}

public sealed class AttendeeNameMustBeGivenRule(string? name) : IFieldRule
{
    public const int MaxLength = 200;

    public string Field => "Name";

    public string Message => $"The attendee's name is required, at most {MaxLength} characters.";

    public bool IsBroken() => string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxLength;
}

public sealed class AttendeeEmailMustBeValidRule(string? email) : IFieldRule
{
    public string Field => "Email";

    public string Message => "The attendee's email must be a valid address.";

    public bool IsBroken() => !EmailAddress.IsValid(email?.Trim());
}

public sealed class AttendeeLocaleMustBeALanguageTagRule(string? locale) : IFieldRule
{
    public string Field => "Locale";

    public string Message => "The locale must be a BCP 47 language tag such as \"fr-FR\".";

    public bool IsBroken() => !LanguageTag.IsValid(locale?.Trim());
}

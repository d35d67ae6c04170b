using EventPlatform.Domain;
using EventPlatform.Domain.Validation;

namespace EventPlatform.Program.Domain.Speakers;

/// <summary>What attendees read about a speaker, plus an email only the organizer sees.</summary>
public sealed record SpeakerProfile
{
    public const int MaxNameLength = 200;
    public const int MaxBioLength = 10_000;
    public const int MaxAffiliationLength = 200;

    // For materialization from the database.
    private SpeakerProfile()
    {
    }

    private SpeakerProfile(string name, string bio, string? email, string? photoUrl, string affiliation)
    {
        Name = name;
        Bio = bio;
        Email = email;
        PhotoUrl = photoUrl;
        Affiliation = affiliation;
    }

    public string Name { get; private init; } = "";

    public string Bio { get; private init; } = "";

    public string? Email { get; private init; }

    public string? PhotoUrl { get; private init; }

    public string Affiliation { get; private init; } = "";

    public static SpeakerProfile Create(string? name, string? bio, string? email, string? photoUrl, string? affiliation)
    {
        var trimmedName = name?.Trim() ?? "";
        var trimmedBio = bio?.Trim() ?? "";
        var trimmedEmail = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        var trimmedPhoto = string.IsNullOrWhiteSpace(photoUrl) ? null : photoUrl.Trim();
        var trimmedAffiliation = affiliation?.Trim() ?? "";
        BusinessRule.CheckAll(
            new SpeakerNameMustBeGivenRule(trimmedName),
            new SpeakerBioMustFitRule(trimmedBio),
            new SpeakerAffiliationMustFitRule(trimmedAffiliation),
            new SpeakerEmailMustBeAnAddressRule(trimmedEmail),
            new SpeakerPhotoUrlMustBeAbsoluteHttpRule(trimmedPhoto));
        return new SpeakerProfile(trimmedName, trimmedBio, trimmedEmail, trimmedPhoto, trimmedAffiliation);
    }
}

public sealed class SpeakerNameMustBeGivenRule(string name) : IFieldRule
{
    public string Field => "Name";

    public string Message => $"A speaker needs a name of 1 to {SpeakerProfile.MaxNameLength} characters.";

    public bool IsBroken() => name.Length is 0 or > SpeakerProfile.MaxNameLength;
}

public sealed class SpeakerBioMustFitRule(string bio) : IFieldRule
{
    public string Field => "Bio";

    public string Message => $"A speaker's bio is at most {SpeakerProfile.MaxBioLength} characters.";

    public bool IsBroken() => bio.Length > SpeakerProfile.MaxBioLength;
}

public sealed class SpeakerAffiliationMustFitRule(string affiliation) : IFieldRule
{
    public string Field => "Affiliation";

    public string Message => $"An affiliation is at most {SpeakerProfile.MaxAffiliationLength} characters.";

    public bool IsBroken() => affiliation.Length > SpeakerProfile.MaxAffiliationLength;
}

public sealed class SpeakerEmailMustBeAnAddressRule(string? email) : IFieldRule
{
    public string Field => "Email";

    public string Message => $"{Quoted.Value(email)} is not an email address (name@example.org).";

    public bool IsBroken() => email is not null && !EmailAddress.IsValid(email);
}

public sealed class SpeakerPhotoUrlMustBeAbsoluteHttpRule(string? photoUrl) : IFieldRule
{
    public string Field => "PhotoUrl";

    public string Message => "The photo URL must be an absolute http(s) URL.";

    public bool IsBroken() => photoUrl is not null && !HttpUrl.IsAbsolute(photoUrl);
}

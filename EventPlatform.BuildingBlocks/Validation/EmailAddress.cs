using System.Net.Mail;

namespace EventPlatform.Domain.Validation;

/// <summary>The one rule for an email address anywhere in the platform: a bare address (no display name), at most 320 characters.</summary>
public static class EmailAddress
{
    public const int MaxLength = 320;

    public static bool IsValid(string? value) =>
        value is { Length: > 0 and <= MaxLength }
        && MailAddress.TryCreate(value, out var parsed)
        && string.Equals(parsed.Address, value, StringComparison.Ordinal);
}

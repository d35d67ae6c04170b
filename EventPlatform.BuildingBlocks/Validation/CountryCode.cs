namespace EventPlatform.Domain.Validation;

/// <summary>An ISO 3166-1 alpha-2 country code, upper case (FR, DE, GB).</summary>
public static class CountryCode
{
    public static bool IsValid(string? value) => value is { Length: 2 } && value.All(char.IsAsciiLetterUpper);
}

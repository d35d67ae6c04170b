using System.Text.RegularExpressions;

namespace EventPlatform.Domain.Validation;

/// <summary>A BCP 47 language tag such as "fr-FR" or "en": the language people are written to in.</summary>
public static partial class LanguageTag
{
    public const int MaxLength = 35;

    public static bool IsValid(string? value) => value is { Length: > 0 and <= MaxLength } && Shape().IsMatch(value);

    [GeneratedRegex("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex Shape();
}

namespace EventPlatform.Domain.Validation;

/// <summary>
/// A value a caller sent, quoted in an error message: at most a short prefix, so that a huge value neither floods the
/// logs nor overflows the headers that carry error details between services.
/// </summary>
public static class Quoted
{
    public const int MaxLength = 40;

    public static string Value(string? value) => value is null
        ? "(none)"
        : value.Length <= MaxLength ? $"'{value}'" : $"'{value[..MaxLength]}…' ({value.Length:N0} characters)";
}

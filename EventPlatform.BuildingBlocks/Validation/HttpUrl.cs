namespace EventPlatform.Domain.Validation;

/// <summary>A link people follow (an online event, a speaker's photo): an absolute http or https URL.</summary>
public static class HttpUrl
{
    public const int MaxLength = 2_000;

    public static bool IsAbsolute(string? value) =>
        value is { Length: > 0 and <= MaxLength }
        && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}

using EventPlatform.Domain;

namespace EventPlatform.Program.Domain.Sessions;

/// <summary>The free texts of a session, trimmed and bounded so a program page and an email stay readable.</summary>
public static class SessionText
{
    public const int MaxAbstractLength = 20_000;
    public const int MaxTrackLength = 100;
    public const int MaxCancellationReasonLength = 1_000;

    public static string Abstract(string? value)
    {
        var text = value?.Trim() ?? "";
        BusinessRule.Check(new SessionAbstractMustFitRule(text));
        return text;
    }

    public static string Track(string? value)
    {
        var text = value?.Trim() ?? "";
        BusinessRule.Check(new TrackNameMustFitRule(text));
        return text;
    }

    public static string? CancellationReason(string? value)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        BusinessRule.Check(new CancellationReasonMustFitRule(text));
        return text;
    }
}

public sealed class SessionAbstractMustFitRule(string text) : IFieldRule
{
    public string Field => "Abstract";

    public string Message => $"An abstract is at most {SessionText.MaxAbstractLength} characters.";

    public bool IsBroken() => text.Length > SessionText.MaxAbstractLength;
}

public sealed class TrackNameMustFitRule(string text) : IFieldRule
{
    public string Field => "Track";

    public string Message => $"A track name is at most {SessionText.MaxTrackLength} characters.";

    public bool IsBroken() => text.Length > SessionText.MaxTrackLength;
}

public sealed class CancellationReasonMustFitRule(string? text) : IFieldRule
{
    public string Field => "CancellationReason";

    public string Message => $"A cancellation reason is at most {SessionText.MaxCancellationReasonLength} characters.";

    public bool IsBroken() => text?.Length > SessionText.MaxCancellationReasonLength;
}

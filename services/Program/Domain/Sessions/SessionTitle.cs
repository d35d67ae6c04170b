using EventPlatform.Domain;

namespace EventPlatform.Program.Domain.Sessions;

public sealed record SessionTitle
{
    public const int MaxLength = 200;

    private SessionTitle(string value) => Value = value;

    public string Value { get; }

    public static SessionTitle Create(string? value)
    {
        var title = value?.Trim() ?? "";
        BusinessRule.Check(new SessionTitleMustBeGivenRule(title));
        return new SessionTitle(title);
    }

    public override string ToString() => Value;
}

public sealed class SessionTitleMustBeGivenRule(string title) : IFieldRule
{
    public string Field => "Title";

    public string Message => $"A session needs a title of 1 to {SessionTitle.MaxLength} characters.";

    public bool IsBroken() => title.Length is 0 or > SessionTitle.MaxLength;
}

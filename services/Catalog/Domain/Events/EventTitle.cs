using EventPlatform.Domain;

namespace EventPlatform.Catalog.Domain.Events;

public sealed record EventTitle
{
    public const int MaxLength = 200;

    private EventTitle(string value) => Value = value;

    public string Value { get; }

    public static EventTitle Create(string? value)
    {
        var title = value?.Trim() ?? "";
        BusinessRule.Check(new EventTitleMustBeGivenRule(title));
        return new EventTitle(title);
    }

    public override string ToString() => Value;
}

public sealed class EventTitleMustBeGivenRule(string title) : IFieldRule
{
    public string Field => "Title";

    public string Message => $"An event needs a title of 1 to {EventTitle.MaxLength} characters.";

    public bool IsBroken() => title.Length is 0 or > EventTitle.MaxLength;
}

using EventPlatform.Domain;

namespace EventPlatform.Program.Domain.Rooms;

public sealed record RoomName
{
    public const int MaxLength = 200;

    private RoomName(string value) => Value = value;

    public string Value { get; }

    public static RoomName Create(string? value)
    {
        var name = value?.Trim() ?? "";
        BusinessRule.Check(new RoomNameMustBeGivenRule(name));
        return new RoomName(name);
    }

    public override string ToString() => Value;
}

public sealed class RoomNameMustBeGivenRule(string name) : IFieldRule
{
    public string Field => "Name";

    public string Message => $"A room needs a name of 1 to {RoomName.MaxLength} characters.";

    public bool IsBroken() => name.Length is 0 or > RoomName.MaxLength;
}

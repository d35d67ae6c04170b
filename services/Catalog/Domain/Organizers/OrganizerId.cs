namespace EventPlatform.Catalog.Domain.Organizers;

public readonly record struct OrganizerId(Guid Value)
{
    public static OrganizerId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

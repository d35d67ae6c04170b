using EventPlatform.Domain;

namespace EventPlatform.Catalog.Domain.Organizers;

public readonly record struct OrganizerId(Guid Value) : ITypedId<OrganizerId>
{
    public static OrganizerId New() => new(Guid.CreateVersion7());

    public static OrganizerId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}

using EventPlatform.Domain;

namespace EventPlatform.Payment.Domain.Refunds;

public readonly record struct RefundId(Guid Value) : ITypedId<RefundId>
{
    public static RefundId New() => new(Guid.CreateVersion7());

    public static RefundId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}

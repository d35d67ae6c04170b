using EventPlatform.ServiceDefaults.Grpc;

namespace EventPlatform.Payment.Grpc;

/// <summary>The fields payment's domain names, as its contracts name them.</summary>
public static class PaymentFields
{
    public static readonly ContractFieldNames Names = new(new Dictionary<string, string>
    {
        ["Amount"] = "amount.amount_minor",
        ["Amount.Currency"] = "amount.currency",
        ["Note"] = "note",
    });
}

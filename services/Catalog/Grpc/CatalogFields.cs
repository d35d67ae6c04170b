using EventPlatform.ServiceDefaults.Grpc;

namespace EventPlatform.Catalog.Grpc;

/// <summary>The fields catalog's domain names, as its contracts name them.</summary>
public static class CatalogFields
{
    public static readonly ContractFieldNames Names = new(new Dictionary<string, string>
    {
        ["LegalName"] = "legal_name",
        ["Address"] = "address",
        ["VatNumber"] = "vat_number",
        ["ContactEmail"] = "contact_email",
        ["InvoicePrefix"] = "invoice_prefix",
        ["Title"] = "title",
        ["Capacity"] = "capacity",
        ["CancellationReason"] = "reason",
        ["Schedule.End"] = "end_time",
        ["Schedule.TimeZone"] = "time_zone",
        ["Price.Amount"] = "price.amount_minor",
        ["Price.Currency"] = "price.currency",
        ["Price.VatRate"] = "vat_rate_basis_points",
        ["RefundTerms.Deadline"] = "refund_deadline",
        ["RefundTerms.LateRefundPercent"] = "late_refund_percent",
        ["RegistrationWindow.Closes"] = "registration_closes_time",
        ["Location.Venue"] = "venue",
        ["Location.OnlineUrl"] = "online_url",
    });
}

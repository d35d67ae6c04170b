using EventPlatform.ServiceDefaults.Grpc;

namespace EventPlatform.Registrations.Grpc;

/// <summary>The fields registration's domain names, as its contracts name them.</summary>
public static class RegistrationFields
{
    public static readonly ContractFieldNames Names = new(new Dictionary<string, string>
    {
        ["Name"] = "name",
        ["Email"] = "email",
        ["Locale"] = "locale",
        ["Sessions"] = "session_ids",
        ["BillingDetails.LegalName"] = "billing_details.legal_name",
        ["BillingDetails.Address"] = "billing_details.address",
        ["BillingDetails.VatNumber"] = "billing_details.vat_number",
        ["BillingDetails.Email"] = "billing_details.email",
    });
}

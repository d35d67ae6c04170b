using EventPlatform.Catalog.Application.Events;
using EventPlatform.Catalog.Domain.Events;
using EventPlatform.Catalog.Domain.Organizers;
using EventPlatform.Domain;
using EventPlatform.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;
using Proto = EventPlatform.Contracts.Catalog.V1;
using ProtoCommon = EventPlatform.Contracts.Common.V1;

namespace EventPlatform.Catalog.Grpc;

internal static class OrganizerMapping
{
    public static OrganizerId ToOrganizerId(string id, string field = "id") => RequestFields.Id<OrganizerId>(id, field, "an organizer id");

    public static (OrganizerProfile Profile, InvoicePrefix Prefix) ToDomain(Proto.CreateOrganizerRequest request)
    {
        var input = new InputValidation();
        RequestFields.RequestId(request.RequestId, input);
        var profile = input.Capture(() => OrganizerProfile.Create(
            request.LegalName, ToDomain(request.Address), request.VatNumber, request.ContactEmail, request.ContactPhone));
        var prefix = input.Capture(() => InvoicePrefix.Create(request.InvoicePrefix));
        input.ThrowIfInvalid();
        return (profile!, prefix!);
    }

    /// <summary>The profile with the fields present in the request changed, every rule checked again.</summary>
    public static Func<OrganizerProfile, OrganizerProfile> ToChange(Proto.UpdateOrganizerRequest request) => current =>
    {
        var input = new InputValidation();
        var changed = input.Capture(() => OrganizerProfile.Create(
            request.HasLegalName ? request.LegalName : current.LegalName,
            request.Address is null ? current.Address : ToDomain(request.Address),
            request.HasVatNumber ? request.VatNumber : current.VatNumber,
            request.HasContactEmail ? request.ContactEmail : current.ContactEmail,
            request.HasContactPhone ? request.ContactPhone : current.ContactPhone));
        input.ThrowIfInvalid();
        return changed!;
    };

    public static Address ToDomain(ProtoCommon.Address? a) =>
        a is null ? new Address("", "", "", "", "", "") : new(a.Line1, a.Line2, a.PostalCode, a.City, a.Region, a.CountryCode);

    public static Proto.Organizer ToContract(this Organizer o) => new()
    {
        Id = o.Id.ToString(),
        LegalName = o.Profile.LegalName,
        Address = o.Profile.Address.ToContract(),
        VatNumber = o.Profile.VatNumber ?? "",
        InvoicePrefix = o.InvoicePrefix.Value,
        ContactEmail = o.Profile.ContactEmail,
        ContactPhone = o.Profile.ContactPhone ?? "",
        OwnerId = o.OwnerId,
        CreateTime = Timestamp.FromDateTimeOffset(o.CreatedAt),
    };
}

using EventPlatform.Registrations.Domain.Registrations;
using Google.Protobuf.WellKnownTypes;
using Proto = EventPlatform.Contracts.Registration.V1;
using ProtoCommon = EventPlatform.Contracts.Common.V1;

namespace EventPlatform.Registrations.Application;

/// <summary>The contract's view of a registration, shared by the API and the integration events.</summary>
public static class RegistrationContract
{
    public static Proto.Registration ToContract(this Registration r, int waitlistPosition = 0)
    {
        var contract = new Proto.Registration
        {
            Id = r.Id.ToString(),
            EventId = r.EventId.ToString(),
            Attendee = new Proto.Attendee { Id = r.Attendee.Subject, Name = r.Attendee.Name, Email = r.Attendee.Email, Locale = r.Attendee.Locale },
            Status = ToContract(r.Status),
            // Held sessions once Confirmed; before that, the sessions asked for when registering.
            SessionIds = { r.Status == RegistrationStatus.Confirmed ? r.SessionIds : r.RequestedSessionIds },
            PromotedFromWaitlist = r.PromotedFromWaitlist,
            NoteToOrganizer = r.NoteToOrganizer,
            StatusReason = r.StatusReason,
            WaitlistPosition = r.Status == RegistrationStatus.Waitlisted ? waitlistPosition : 0,
            CreateTime = Timestamp.FromDateTimeOffset(r.CreateTime),
            UpdateTime = Timestamp.FromDateTimeOffset(r.UpdateTime),
        };
        if (r.Price is { } price)
        {
            contract.Price = new ProtoCommon.Money { AmountMinor = price.AmountMinor, Currency = price.Currency };
            contract.VatRateBasisPoints = r.VatRateBasisPoints;
        }

        if (r.BillingDetails is { } billing)
        {
            contract.BillingDetails = new Proto.BillingDetails
            {
                LegalName = billing.LegalName,
                Address = new ProtoCommon.Address
                {
                    Line1 = billing.Address.Line1,
                    Line2 = billing.Address.Line2,
                    PostalCode = billing.Address.PostalCode,
                    City = billing.Address.City,
                    Region = billing.Address.Region,
                    CountryCode = billing.Address.CountryCode,
                },
                VatNumber = billing.VatNumber,
                Email = billing.Email,
            };
        }

        if (r.HoldDeadline is { } due)
        {
            contract.PaymentDueTime = Timestamp.FromDateTimeOffset(due);
        }

        if (r.ConfirmTime is { } confirmed)
        {
            contract.ConfirmTime = Timestamp.FromDateTimeOffset(confirmed);
        }

        if (r.CloseTime is { } closed)
        {
            contract.CloseTime = Timestamp.FromDateTimeOffset(closed);
        }

        if (r.CancellationCause is { } cause)
        {
            contract.CancellationCause = cause switch
            {
                CancellationCause.Attendee => Proto.CancellationCause.Attendee,
                CancellationCause.Organizer => Proto.CancellationCause.Organizer,
                _ => Proto.CancellationCause.EventCancelled,
            };
        }

        if (r.ExpiryReason is { } expiry)
        {
            contract.ExpiryReason = expiry == ExpiryReason.PaymentFailed ? Proto.ExpiryReason.PaymentFailed : Proto.ExpiryReason.HoldLapsed;
        }

        if (r.PaymentIntentId is { } intent)
        {
            contract.PaymentIntentId = intent.ToString();
        }

        if (r.RefundedMinor > 0 && r.Price is { } paid)
        {
            contract.RefundedAmount = new ProtoCommon.Money { AmountMinor = r.RefundedMinor, Currency = paid.Currency };
        }

        return contract;
    }

    public static Proto.RegistrationStatus ToContract(RegistrationStatus status) => status switch
    {
        RegistrationStatus.AwaitingApproval => Proto.RegistrationStatus.AwaitingApproval,
        RegistrationStatus.Pending => Proto.RegistrationStatus.Pending,
        RegistrationStatus.Confirmed => Proto.RegistrationStatus.Confirmed,
        RegistrationStatus.Waitlisted => Proto.RegistrationStatus.Waitlisted,
        RegistrationStatus.Cancelled => Proto.RegistrationStatus.Cancelled,
        RegistrationStatus.Expired => Proto.RegistrationStatus.Expired,
        RegistrationStatus.Rejected => Proto.RegistrationStatus.Rejected,
        _ => Proto.RegistrationStatus.Unspecified,
    };

    public static RegistrationStatus? ToDomain(Proto.RegistrationStatus status) => status switch
    {
        Proto.RegistrationStatus.AwaitingApproval => RegistrationStatus.AwaitingApproval,
        Proto.RegistrationStatus.Pending => RegistrationStatus.Pending,
        Proto.RegistrationStatus.Confirmed => RegistrationStatus.Confirmed,
        Proto.RegistrationStatus.Waitlisted => RegistrationStatus.Waitlisted,
        Proto.RegistrationStatus.Cancelled => RegistrationStatus.Cancelled,
        Proto.RegistrationStatus.Expired => RegistrationStatus.Expired,
        Proto.RegistrationStatus.Rejected => RegistrationStatus.Rejected,
        _ => null,
    };
}

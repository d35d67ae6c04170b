using EventPlatform.Catalog.Domain.Events;
using Google.Protobuf.WellKnownTypes;
using Proto = EventPlatform.Contracts.Catalog.V1;
using ProtoCommon = EventPlatform.Contracts.Common.V1;

namespace EventPlatform.Catalog.Application.Events;

/// <summary>The Event as the contracts publish it: in answers and in integration events alike.</summary>
public static class EventContract
{
    public static Proto.Event ToContract(this Event e)
    {
        var contract = new Proto.Event
        {
            Id = e.Id.ToString(),
            OrganizerId = e.OrganizerId.ToString(),
            OwnerId = e.OwnerId,
            Title = e.Title.Value,
            Description = e.Description,
            OnlineUrl = e.Location.OnlineUrl ?? "",
            StartTime = Timestamp.FromDateTimeOffset(e.Schedule.Start),
            EndTime = Timestamp.FromDateTimeOffset(e.Schedule.End),
            TimeZone = e.Schedule.TimeZone,
            RegistrationOpensTime = ToTimestamp(e.RegistrationWindow.Opens),
            RegistrationClosesTime = ToTimestamp(e.RegistrationWindow.Closes),
            Capacity = e.Capacity.Seats,
            VatRateBasisPoints = e.Price?.VatRateBasisPoints ?? 0,
            RefundPolicy = e.RefundTerms.Policy.ToContract(),
            RefundDeadline = ToTimestamp(e.RefundTerms.Deadline),
            LateRefundPercent = e.RefundTerms.LateRefundPercent,
            ApprovalRequired = e.ApprovalRequired,
            WaitlistEnabled = e.WaitlistEnabled,
            Status = (Proto.EventStatus)(int)e.Status,
            CancellationReason = e.CancellationReason ?? "",
            CreateTime = Timestamp.FromDateTimeOffset(e.CreatedAt),
            UpdateTime = Timestamp.FromDateTimeOffset(e.UpdatedAt),
            PublishTime = ToTimestamp(e.PublishedAt),
        };
        if (e.Location.Venue is { } venue)
        {
            contract.Venue = new Proto.Venue { Name = venue.Name, Address = ToContract(venue.Address) };
        }

        if (e.Price is { } price)
        {
            contract.Price = new ProtoCommon.Money { AmountMinor = price.AmountMinor, Currency = price.Currency };
        }

        return contract;
    }

    public static ProtoCommon.Address ToContract(this Address a) => new()
    {
        Line1 = a.Line1,
        Line2 = a.Line2,
        PostalCode = a.PostalCode,
        City = a.City,
        Region = a.Region,
        CountryCode = a.CountryCode,
    };

    public static Proto.RefundPolicy ToContract(this RefundPolicy policy) =>
        policy switch
        {
            RefundPolicy.FullUntilDeadline => Proto.RefundPolicy.FullUntilDeadline,
            RefundPolicy.PartialAfterDeadline => Proto.RefundPolicy.PartialAfterDeadline,
            _ => Proto.RefundPolicy.None,
        };

    internal static Timestamp? ToTimestamp(DateTimeOffset? value) => value is { } v ? Timestamp.FromDateTimeOffset(v) : null;
}

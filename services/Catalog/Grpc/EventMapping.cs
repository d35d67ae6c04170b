using EventPlatform.Catalog.Domain.Events;
using EventPlatform.Domain;
using Google.Protobuf.WellKnownTypes;
using Proto = EventPlatform.Contracts.Catalog.V1;
using ProtoCommon = EventPlatform.Contracts.Common.V1;

namespace EventPlatform.Catalog.Grpc;

/// <summary>Maps between the contracts and the domain; every broken field rule is reported at once.</summary>
internal static class EventMapping
{
    public static EventId ToEventId(string id, string field = "id") =>
        Guid.TryParse(id, out var value) ? new EventId(value) : throw new InvalidInputException(field, "Expected an event id (a UUID).");

    public static (string OrganizerId, EventDetails Details) ToDomain(Proto.CreateEventRequest request)
    {
        var input = new InputValidation();
        if (string.IsNullOrWhiteSpace(request.RequestId))
        {
            input.Add("request_id", "A request id (idempotency key chosen by the client) is required.");
        }

        if (string.IsNullOrWhiteSpace(request.OrganizerId))
        {
            input.Add("organizer_id", "The organizer of the event is required.");
        }

        var title = input.Capture(() => EventTitle.Create(request.Title));
        var location = input.Capture(() => Location.Create(ToVenue(request.Venue), request.OnlineUrl));
        var start = Required(input, request.StartTime, "start_time");
        var end = Required(input, request.EndTime, "end_time");
        var schedule = start is { } s && end is { } e ? input.Capture(() => EventSchedule.Create(s, e, request.TimeZone)) : null;
        var window = schedule is null ? null : input.Capture(() => RegistrationWindow.Create(
            request.RegistrationOpensTime?.ToDateTimeOffset(), request.RegistrationClosesTime?.ToDateTimeOffset(), schedule));
        var capacity = input.Capture(() => EventCapacity.Create(request.Capacity));
        var price = request.Price is null ? null : input.Capture(() =>
            Price.Create(request.Price.AmountMinor, request.Price.Currency, request.VatRateBasisPoints));
        var refundTerms = ToRefundTerms(request.RefundPolicy, request.RefundDeadline);
        input.ThrowIfInvalid();

        return (request.OrganizerId, new EventDetails(
            title!, request.Description ?? "", location!, schedule!, window!, capacity, price, refundTerms,
            request.ApprovalRequired, request.WaitlistEnabled));
    }

    public static Proto.Event ToContract(this Event e)
    {
        var contract = new Proto.Event
        {
            Id = e.Id.ToString(),
            OrganizerId = e.OrganizerId,
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
            RefundPolicy = e.RefundTerms.Policy switch
            {
                RefundPolicy.FullUntilDeadline => Proto.RefundPolicy.FullUntilDeadline,
                _ => Proto.RefundPolicy.None,
            },
            RefundDeadline = ToTimestamp(e.RefundTerms.Deadline),
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

    private static DateTimeOffset? Required(InputValidation input, Timestamp? value, string field)
    {
        if (value is null)
        {
            input.Add(field, "Required.");
        }

        return value?.ToDateTimeOffset();
    }

    private static Venue? ToVenue(Proto.Venue? venue) =>
        venue is null || string.IsNullOrWhiteSpace(venue.Name)
            ? null
            : new Venue(venue.Name.Trim(), ToDomain(venue.Address ?? new ProtoCommon.Address()));

    private static Address ToDomain(ProtoCommon.Address a) =>
        new(a.Line1, a.Line2, a.PostalCode, a.City, a.Region, a.CountryCode);

    private static ProtoCommon.Address ToContract(Address a) => new()
    {
        Line1 = a.Line1, Line2 = a.Line2, PostalCode = a.PostalCode, City = a.City, Region = a.Region, CountryCode = a.CountryCode,
    };

    private static RefundTerms ToRefundTerms(Proto.RefundPolicy policy, Timestamp? deadline) => policy switch
    {
        Proto.RefundPolicy.FullUntilDeadline => new RefundTerms(RefundPolicy.FullUntilDeadline, deadline?.ToDateTimeOffset()),
        _ => RefundTerms.NoRefund,
    };

    private static Timestamp? ToTimestamp(DateTimeOffset? value) => value is { } v ? Timestamp.FromDateTimeOffset(v) : null;
}

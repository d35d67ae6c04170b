using EventPlatform.Catalog.Application.Events;
using EventPlatform.Catalog.Domain.Events;
using EventPlatform.Catalog.Domain.Organizers;
using EventPlatform.Domain;
using EventPlatform.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;
using Proto = EventPlatform.Contracts.Catalog.V1;

namespace EventPlatform.Catalog.Grpc;

/// <summary>Maps between the contracts and the domain; every broken field rule is reported at once.</summary>
internal static class EventMapping
{
    public static EventId ToEventId(string id, string field = "id") => RequestFields.Id<EventId>(id, field, "an event id");

    public static (OrganizerId Organizer, EventDetails Details) ToDomain(Proto.CreateEventRequest request)
    {
        var input = new InputValidation();
        RequestFields.RequestId(request.RequestId, input);
        var organizer = input.Capture(() => OrganizerMapping.ToOrganizerId(request.OrganizerId, "organizer_id"));

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
        var refundTerms = input.Capture(() => ToRefundTerms(request.RefundPolicy, request.RefundDeadline, request.LateRefundPercent));
        input.ThrowIfInvalid();

        return (organizer, new EventDetails(
            title!, request.Description ?? "", location!, schedule!, window!, capacity, price, refundTerms!,
            request.ApprovalRequired, request.WaitlistEnabled));
    }

    /// <summary>An edit: the fields present in the request, each checked by its own rules.</summary>
    public static EventChanges ToChanges(Proto.UpdateEventRequest request, Event current)
    {
        var input = new InputValidation();
        var title = request.HasTitle ? input.Capture(() => EventTitle.Create(request.Title)) : null;
        var location = request.Venue is not null || request.HasOnlineUrl
            ? input.Capture(() => Location.Create(ToVenue(request.Venue), request.HasOnlineUrl ? request.OnlineUrl : null))
            : null;
        var schedule = request.StartTime is not null || request.EndTime is not null || request.HasTimeZone
            ? input.Capture(() => EventSchedule.Create(
                request.StartTime?.ToDateTimeOffset() ?? current.Schedule.Start,
                request.EndTime?.ToDateTimeOffset() ?? current.Schedule.End,
                request.HasTimeZone ? request.TimeZone : current.Schedule.TimeZone))
            : null;
        var capacity = request.HasCapacity ? input.Capture(() => (EventCapacity?)EventCapacity.Create(request.Capacity)) : null;
        var price = request.Price is not null || request.HasVatRateBasisPoints
            ? input.Capture(() => Price.Create(
                request.Price?.AmountMinor ?? current.Price?.AmountMinor ?? 0,
                request.Price?.Currency ?? current.Price?.Currency ?? "",
                request.HasVatRateBasisPoints ? request.VatRateBasisPoints : current.Price?.VatRateBasisPoints ?? 0))
            : null;
        var refundTerms = request.HasRefundPolicy || request.RefundDeadline is not null || request.HasLateRefundPercent
            ? input.Capture(() => ToRefundTerms(
                request.HasRefundPolicy ? request.RefundPolicy : current.RefundTerms.Policy.ToContract(),
                request.RefundDeadline ?? EventContract.ToTimestamp(current.RefundTerms.Deadline),
                request.HasLateRefundPercent ? request.LateRefundPercent : current.RefundTerms.LateRefundPercent))
            : null;
        input.ThrowIfInvalid();
        return new EventChanges(
            title, request.HasDescription ? request.Description : null, location, schedule,
            request.RegistrationOpensTime?.ToDateTimeOffset(), request.RegistrationClosesTime?.ToDateTimeOffset(),
            capacity, price, refundTerms,
            request.HasApprovalRequired ? request.ApprovalRequired : null,
            request.HasWaitlistEnabled ? request.WaitlistEnabled : null);
    }

    public static EventStatus? ToStatus(Proto.EventStatus status) =>
        status == Proto.EventStatus.Unspecified ? null : (EventStatus)(int)status;

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
            : new Venue(venue.Name.Trim(), OrganizerMapping.ToDomain(venue.Address));

    private static RefundTerms ToRefundTerms(Proto.RefundPolicy policy, Timestamp? deadline, int lateRefundPercent) =>
        RefundTerms.Create(
            policy switch
            {
                Proto.RefundPolicy.FullUntilDeadline => RefundPolicy.FullUntilDeadline,
                Proto.RefundPolicy.PartialAfterDeadline => RefundPolicy.PartialAfterDeadline,
                _ => RefundPolicy.None,
            },
            deadline?.ToDateTimeOffset(),
            lateRefundPercent);
}

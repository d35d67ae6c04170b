using System.Text;
using EventPlatform.Catalog.Application.Events;
using EventPlatform.Catalog.Application.Organizers;
using EventPlatform.Contracts.Catalog.V1;
using EventPlatform.Domain;
using EventPlatform.ServiceDefaults.Grpc;
using EventPlatform.ServiceDefaults.Identity;
using EventPlatform.ServiceDefaults.Paging;
using Google.Api;
using Google.Protobuf;
using Grpc.Core;

namespace EventPlatform.Catalog.Grpc;

/// <summary>Thin: map the request, call the application layer, map the result. Errors are mapped by the interceptor.</summary>
public sealed class CatalogGrpcService(EventCommands commands, EventQueries queries, OrganizerCommands organizers, OrganizerQueries organizerQueries)
    : CatalogService.CatalogServiceBase
{
    public override async Task<Organizer> CreateOrganizer(CreateOrganizerRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var (profile, prefix) = OrganizerMapping.ToDomain(request);
        return (await organizers.CreateAsync(caller, request.RequestId, profile, prefix, context.CancellationToken)).ToContract();
    }

    public override async Task<ListMyOrganizersResponse> ListMyOrganizers(ListMyOrganizersRequest request, ServerCallContext context) =>
        new() { Organizers = { (await organizerQueries.OwnedByAsync(context.Caller().Subject, context.CancellationToken)).Select(o => o.ToContract()) } };

    public override async Task<Organizer> GetOrganizer(GetOrganizerRequest request, ServerCallContext context) =>
        (await organizerQueries.GetAsync(OrganizerMapping.ToOrganizerId(request.Id), context.CancellationToken)).ToContract();

    public override async Task<Organizer> UpdateOrganizer(UpdateOrganizerRequest request, ServerCallContext context) =>
        (await organizers.ChangeProfileAsync(
            context.Caller(), OrganizerMapping.ToOrganizerId(request.Id), OrganizerMapping.ToChange(request), context.CancellationToken)).ToContract();

    public override async Task<Event> CreateEvent(CreateEventRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var (organizer, details) = EventMapping.ToDomain(request);
        return (await commands.CreateAsync(caller, request.RequestId, organizer, details, context.CancellationToken)).ToContract();
    }

    public override async Task<Event> GetEvent(GetEventRequest request, ServerCallContext context) =>
        (await queries.GetAsync(EventMapping.ToEventId(request.Id), context.CallerIfAny(), context.CancellationToken)).ToContract();

    public override async Task<ListEventsResponse> ListEvents(ListEventsRequest request, ServerCallContext context)
    {
        var input = new InputValidation();
        var organizer = string.IsNullOrEmpty(request.OrganizerId)
            ? null
            : input.Capture(() => (Domain.Organizers.OrganizerId?)OrganizerMapping.ToOrganizerId(request.OrganizerId, "organizer_id"));
        var query = RequestFields.SearchQuery(request.Query, input);
        var pageRequest = input.Capture(() => PageRequest.Of(request.PageSize, request.PageToken));
        input.ThrowIfInvalid();
        var page = await queries.ListAsync(
            new EventFilter(organizer, EventMapping.ToStatus(request.Status), request.UpcomingOnly, query, pageRequest!),
            context.CallerIfAny(), context.CancellationToken);
        return new ListEventsResponse { Events = { page.Items.Select(e => e.ToContract()) }, NextPageToken = page.NextPageToken ?? "" };
    }

    public override async Task<Event> UpdateEvent(UpdateEventRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var id = EventMapping.ToEventId(request.Id);
        return (await commands.UpdateAsync(caller, id, current => EventMapping.ToChanges(request, current), context.CancellationToken)).ToContract();
    }

    public override async Task<Event> PublishEvent(PublishEventRequest request, ServerCallContext context) =>
        (await commands.PublishAsync(context.Caller(), EventMapping.ToEventId(request.Id), context.CancellationToken)).ToContract();

    public override async Task<Event> CloseRegistrations(CloseRegistrationsRequest request, ServerCallContext context) =>
        (await commands.CloseRegistrationsAsync(context.Caller(), EventMapping.ToEventId(request.Id), context.CancellationToken)).ToContract();

    public override async Task<Event> CompleteEvent(CompleteEventRequest request, ServerCallContext context) =>
        (await commands.CompleteAsync(context.Caller(), EventMapping.ToEventId(request.Id), context.CancellationToken)).ToContract();

    public override async Task<Event> CancelEvent(CancelEventRequest request, ServerCallContext context) =>
        (await commands.CancelAsync(context.Caller(), EventMapping.ToEventId(request.Id), request.Reason, context.CancellationToken)).ToContract();

    public override async Task<DeleteEventResponse> DeleteEvent(DeleteEventRequest request, ServerCallContext context)
    {
        await commands.DeleteAsync(context.Caller(), EventMapping.ToEventId(request.Id), context.CancellationToken);
        return new DeleteEventResponse();
    }

    public override async Task<HttpBody> GetEventCalendar(GetEventCalendarRequest request, ServerCallContext context)
    {
        var found = await queries.GetAsync(EventMapping.ToEventId(request.Id), context.CallerIfAny(), context.CancellationToken);
        return new HttpBody { ContentType = EventCalendar.ContentType, Data = ByteString.CopyFrom(EventCalendar.ToIcs(found), Encoding.UTF8) };
    }
}

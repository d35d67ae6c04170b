using EventPlatform.Contracts.Catalog.V1;
using Google.Api;
using Grpc.Core;

namespace EventPlatform.Bff.Forwarding;

/// <summary>The catalog's public API at the edge: each call goes to the catalog service as it came.</summary>
public sealed class CatalogForwarder(CatalogService.CatalogServiceClient catalog) : CatalogService.CatalogServiceBase
{
    public override Task<Organizer> CreateOrganizer(CreateOrganizerRequest request, ServerCallContext context) =>
        catalog.CreateOrganizerAsync(request, Forward.Options(context)).ResponseAsync;

    public override Task<Organizer> GetOrganizer(GetOrganizerRequest request, ServerCallContext context) =>
        catalog.GetOrganizerAsync(request, Forward.Options(context)).ResponseAsync;

    public override Task<Organizer> UpdateOrganizer(UpdateOrganizerRequest request, ServerCallContext context) =>
        catalog.UpdateOrganizerAsync(request, Forward.Options(context)).ResponseAsync;

    public override Task<Event> CreateEvent(CreateEventRequest request, ServerCallContext context) =>
        catalog.CreateEventAsync(request, Forward.Options(context)).ResponseAsync;

    public override Task<Event> GetEvent(GetEventRequest request, ServerCallContext context) =>
        catalog.GetEventAsync(request, Forward.Options(context)).ResponseAsync;

    public override Task<ListEventsResponse> ListEvents(ListEventsRequest request, ServerCallContext context) =>
        catalog.ListEventsAsync(request, Forward.Options(context)).ResponseAsync;

    public override Task<Event> UpdateEvent(UpdateEventRequest request, ServerCallContext context) =>
        catalog.UpdateEventAsync(request, Forward.Options(context)).ResponseAsync;

    public override Task<Event> PublishEvent(PublishEventRequest request, ServerCallContext context) =>
        catalog.PublishEventAsync(request, Forward.Options(context)).ResponseAsync;

    public override Task<Event> CloseRegistrations(CloseRegistrationsRequest request, ServerCallContext context) =>
        catalog.CloseRegistrationsAsync(request, Forward.Options(context)).ResponseAsync;

    public override Task<Event> CompleteEvent(CompleteEventRequest request, ServerCallContext context) =>
        catalog.CompleteEventAsync(request, Forward.Options(context)).ResponseAsync;

    public override Task<Event> CancelEvent(CancelEventRequest request, ServerCallContext context) =>
        catalog.CancelEventAsync(request, Forward.Options(context)).ResponseAsync;

    public override Task<DeleteEventResponse> DeleteEvent(DeleteEventRequest request, ServerCallContext context) =>
        catalog.DeleteEventAsync(request, Forward.Options(context)).ResponseAsync;

    public override Task<HttpBody> GetEventCalendar(GetEventCalendarRequest request, ServerCallContext context) =>
        catalog.GetEventCalendarAsync(request, Forward.Options(context)).ResponseAsync;
}

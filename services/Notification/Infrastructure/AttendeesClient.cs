using EventPlatform.Contracts.Registration.V1;
using EventPlatform.Notification.Application.Ports;

namespace EventPlatform.Notification.Infrastructure;

/// <summary>Registration's internal API: one registration, or the confirmed attendees (all pages).</summary>
internal sealed class AttendeesClient(RegistrationInternalService.RegistrationInternalServiceClient registration) : IAttendees
{
    public async Task<AttendeeContact?> FindAsync(Guid registrationId, CancellationToken cancellationToken)
    {
        try
        {
            var r = await registration.GetRegistrationAsync(new GetRegistrationRequest { Id = registrationId.ToString() }, cancellationToken: cancellationToken);
            return new AttendeeContact(registrationId, r.Attendee.Id, r.Attendee.Name, r.Attendee.Email, r.Attendee.Locale);
        }
        catch (global::Grpc.Core.RpcException e) when (e.StatusCode == global::Grpc.Core.StatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<AttendeeContact>> ListAsync(Guid eventId, IReadOnlyCollection<string> sessionIds, CancellationToken cancellationToken)
    {
        var attendees = new List<AttendeeContact>();
        var token = "";
        do
        {
            var page = await registration.ListConfirmedAttendeesAsync(
                new ListConfirmedAttendeesRequest { EventId = eventId.ToString(), SessionIds = { sessionIds }, PageSize = 1000, PageToken = token },
                cancellationToken: cancellationToken);
            attendees.AddRange(page.Attendees.Select(a =>
                new AttendeeContact(Guid.Parse(a.RegistrationId), a.Attendee.Id, a.Attendee.Name, a.Attendee.Email, a.Attendee.Locale)));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        return attendees;
    }
}

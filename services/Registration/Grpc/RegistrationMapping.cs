using EventPlatform.Domain;
using EventPlatform.Registrations.Application;
using EventPlatform.Registrations.Domain.Registrations;
using EventPlatform.ServiceDefaults.Grpc;
using Grpc.Core;
using Proto = EventPlatform.Contracts.Registration.V1;

namespace EventPlatform.Registrations.Grpc;

/// <summary>Maps the contracts to commands; every bad field is reported at once.</summary>
internal static class RegistrationMapping
{
    public static Guid ToId(string id, string field, string what) => RequestFields.Uuid(id, field, $"{what} id");

    public static RegisterCommand ToCommand(this Proto.RegisterRequest request, Application.Caller caller)
    {
        var input = new InputValidation();
        RequestFields.RequestId(request.RequestId, input);
        var eventId = input.Capture(() => (Guid?)ToId(request.EventId, "event_id", "an event"));
        var attendee = input.Capture(() => Attendee.Of(caller.Subject, request.Name, request.Email, request.Locale));
        var sessionIds = SessionIds(request.SessionIds, input);
        var billing = request.BillingDetails is { } b
            ? input.Capture(() => BillingDetails.Of(
                b.LegalName,
                new PostalAddress(
                    b.Address?.Line1 ?? "", b.Address?.Line2 ?? "", b.Address?.PostalCode ?? "", b.Address?.City ?? "", b.Address?.Region ?? "",
                    b.Address?.CountryCode ?? ""),
                b.VatNumber,
                b.Email))
            : null;

        if (request.NoteToOrganizer.Length > 2000)
        {
            input.Add("note_to_organizer", "At most 2000 characters.");
        }

        input.ThrowIfInvalid();
        return new RegisterCommand(request.RequestId, eventId!.Value, caller.Subject, attendee!, sessionIds, request.NoteToOrganizer, billing);
    }

    /// <summary>Session ids as UUIDs in canonical form (program's), at most 50, duplicates dropped.</summary>
    public static IReadOnlyList<string> SessionIds(IEnumerable<string> given, InputValidation input)
    {
        var ids = new List<string>();
        foreach (var (value, i) in given.Select((v, i) => (v, i)))
        {
            if (Guid.TryParse(value, out var id))
            {
                ids.Add(id.ToString());
            }
            else
            {
                input.Add($"session_ids[{i}]", "Expected a session id (a UUID).");
            }
        }

        if (ids.Count > 50)
        {
            input.Add("session_ids", "At most 50 sessions.");
        }

        return ids.Distinct().ToList();
    }

    public static Application.Caller Caller(this ServerCallContext context)
    {
        var caller = ServiceDefaults.Identity.Caller.From(context.GetHttpContext().User);
        return new Application.Caller(caller.Subject, caller.IsAdmin);
    }
}

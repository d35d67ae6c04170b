using EventPlatform.Domain;
using EventPlatform.Registration.Application;
using EventPlatform.Registration.Domain.Registrations;
using Grpc.Core;
using Proto = EventPlatform.Contracts.Registration.V1;

namespace EventPlatform.Registration.Grpc;

/// <summary>Maps the contracts to commands; every bad field is reported at once.</summary>
internal static class RegistrationMapping
{
    public static Guid ToId(string id, string field, string what) =>
        Guid.TryParse(id, out var value) ? value : throw new InvalidInputException(field, $"Expected {what} id (a UUID).");

    /// <summary>1..100, default 20 (0 = not given).</summary>
    public static int PageSize(int requested, InputValidation input)
    {
        if (requested is < 0 or > 100)
        {
            input.Add("page_size", "Between 1 and 100.");
        }

        return requested == 0 ? 20 : requested;
    }

    public static RegisterCommand ToCommand(this Proto.RegisterRequest request, Application.Caller caller)
    {
        var input = new InputValidation();
        if (string.IsNullOrWhiteSpace(request.RequestId) || request.RequestId.Length > 200)
        {
            input.Add("request_id", "A request id (idempotency key chosen by the client, at most 200 characters) is required.");
        }

        var eventId = input.Capture(() => (Guid?)ToId(request.EventId, "event_id", "an event"));
        var attendee = input.Capture(() => Attendee.Of(caller.Subject, request.Name, request.Email, request.Locale));
        var sessionIds = SessionIds(request.SessionIds, input);

        if (request.NoteToOrganizer.Length > 2000)
        {
            input.Add("note_to_organizer", "At most 2000 characters.");
        }

        input.ThrowIfInvalid();
        return new RegisterCommand(request.RequestId, eventId!.Value, caller.Subject, attendee!, sessionIds, request.NoteToOrganizer);
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

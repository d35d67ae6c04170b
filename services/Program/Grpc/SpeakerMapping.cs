using EventPlatform.Domain;
using EventPlatform.Program.Application.Speakers;
using EventPlatform.Program.Domain.Speakers;
using EventPlatform.ServiceDefaults.Identity;
using Google.Protobuf.WellKnownTypes;
using Proto = EventPlatform.Contracts.Program.V1;
using EventPlatform.ServiceDefaults.Grpc;

namespace EventPlatform.Program.Grpc;

internal static class SpeakerMapping
{
    public static CreateSpeaker ToCommand(Proto.CreateSpeakerRequest request)
    {
        var input = new InputValidation();
        RequestFields.RequestId(request.RequestId, input);

        var organizer = input.Capture(() => OrganizerId(request.OrganizerId));
        var profile = input.Capture(() => SpeakerProfile.Create(request.Name, request.Bio, request.Email, request.PhotoUrl, request.Affiliation));
        input.ThrowIfInvalid();
        return new CreateSpeaker(request.RequestId, organizer!, profile!);
    }

    /// <summary>The profile with the fields present in the request changed, every rule checked again.</summary>
    public static Func<SpeakerProfile, SpeakerProfile> ToChange(Proto.UpdateSpeakerRequest request) => current =>
        SpeakerProfile.Create(
            request.HasName ? request.Name : current.Name,
            request.HasBio ? request.Bio : current.Bio,
            request.HasEmail ? request.Email : current.Email,
            request.HasPhotoUrl ? request.PhotoUrl : current.PhotoUrl,
            request.HasAffiliation ? request.Affiliation : current.Affiliation);

    public static string OrganizerId(string organizerId) =>
        string.IsNullOrWhiteSpace(organizerId)
            ? throw new InvalidInputException("organizer_id", "The organizer the speakers belong to is required.")
            : RequestFields.Uuid(organizerId.Trim(), "organizer_id", "an organizer id").ToString();

    /// <summary>The email only for those who manage the speaker: attendees read the program, not contact details.</summary>
    public static Proto.Speaker ToContract(this Speaker s, Caller? caller) => new()
    {
        Id = s.Id.ToString(),
        OrganizerId = s.OrganizerId,
        Name = s.Profile.Name,
        Bio = s.Profile.Bio,
        Email = SpeakerQueries.MaySeeEmail(caller, s) ? s.Profile.Email ?? "" : "",
        PhotoUrl = s.Profile.PhotoUrl ?? "",
        Affiliation = s.Profile.Affiliation,
        CreateTime = Timestamp.FromDateTimeOffset(s.CreatedAt),
        UpdateTime = Timestamp.FromDateTimeOffset(s.UpdatedAt),
    };
}

using EventPlatform.Contracts.Registration.V1;
using EventPlatform.ServiceDefaults.Identity;
using EventPlatform.Tests.Catalog;
using EventPlatform.Tests.Infrastructure;
using Grpc.Core;
using static EventPlatform.Tests.Catalog.CatalogDriver;

namespace EventPlatform.Tests.Registrations;

/// <summary>Attendees registering through the registration service's gRPC API, each with a token of their own.</summary>
public sealed class RegistrationDriver(WholeSystemFixture system)
{
    public CatalogDriver Catalog { get; } = new(system.App, system.GrpcChannel("catalog"));

    public RegistrationService.RegistrationServiceClient Registrations { get; } = new(system.GrpcChannel("registration"));

    public RegistrationInternalService.RegistrationInternalServiceClient Internal { get; } = new(system.GrpcChannel("registration"));

    /// <summary>Headers of a call made as one of the platform's services (internal RPCs check who calls).</summary>
    public Metadata AsService(string clientId) => Bearer(system.App.CreateServiceToken(clientId));

    public Metadata NewAttendee(string? subject = null) => Bearer(Catalog.TokenFor(subject ?? $"a-{Guid.NewGuid():N}", CallerRole.Attendee));

    public async Task<(Registration Registration, Metadata Headers)> RegisterAsync(string eventId, string? subject = null)
    {
        var headers = NewAttendee(subject);
        return (await Registrations.RegisterAsync(Request(eventId), headers), headers);
    }

    public static RegisterRequest Request(string eventId, params string[] sessionIds) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        EventId = eventId,
        Name = "Ada Lovelace",
        Email = "ada@example.org",
        Locale = "en-GB",
        SessionIds = { sessionIds },
    };
}

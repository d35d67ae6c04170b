using EventPlatform.ServiceDefaults.Identity;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using CatalogApi = EventPlatform.Contracts.Catalog.V1;
using Common = EventPlatform.Contracts.Common.V1;
using Proto = EventPlatform.Contracts.Program.V1;

namespace EventPlatform.Tests.Program.Integration;

/// <summary>A person who manages an organizer in catalog, with a token, building an event's program through gRPC.</summary>
public sealed class Organizer
{
    /// <summary>Every test event runs on this day, 08:00–18:00 UTC.</summary>
    public static readonly DateTimeOffset Day = new(2027, 3, 10, 0, 0, 0, TimeSpan.Zero);

    private readonly ProgramSystem _system;

    private Organizer(ProgramSystem system, string subject, string organizerId)
    {
        _system = system;
        Subject = subject;
        OrganizerId = organizerId;
    }

    public string Subject { get; }

    public string OrganizerId { get; }

    public string Token => _system.Token(Subject);

    public Metadata Headers => Bearer(Token);

    public Proto.ProgramService.ProgramServiceClient Program => _system.Program;

    public static Metadata Bearer(string token) => new() { { "authorization", $"Bearer {token}" } };

    public static async Task<Organizer> CreateAsync(ProgramSystem system, string subject)
    {
        var created = await system.Catalog.CreateOrganizerAsync(
            new CatalogApi.CreateOrganizerRequest
            {
                RequestId = Guid.NewGuid().ToString(),
                LegalName = $"Conferences {subject}",
                Address = new Common.Address { Line1 = "50 Quai Charles de Gaulle", City = "Lyon", PostalCode = "69006", CountryCode = "FR" },
                ContactEmail = "contact@example.org",
                InvoicePrefix = "P" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
            },
            Bearer(system.Token(subject, CallerRole.Organizer)));
        return new Organizer(system, subject, created.Id);
    }

    /// <summary>A draft event on <see cref="Day"/> from 08:00 to 18:00 UTC.</summary>
    public async Task<CatalogApi.Event> CreateEventAsync(string title = "DotNet Days")
    {
        return await _system.Catalog.CreateEventAsync(
            new CatalogApi.CreateEventRequest
            {
                RequestId = Guid.NewGuid().ToString(),
                OrganizerId = OrganizerId,
                Title = title,
                OnlineUrl = "https://meet.example.org/dotnet-days",
                StartTime = Timestamp.FromDateTimeOffset(At(8)),
                EndTime = Timestamp.FromDateTimeOffset(At(18)),
                TimeZone = "Europe/Paris",
                Capacity = 500,
            },
            Headers);
    }

    public async Task<CatalogApi.Event> PublishAsync(CatalogApi.Event e) =>
        await _system.Catalog.PublishEventAsync(new CatalogApi.PublishEventRequest { Id = e.Id }, Headers);

    public async Task<Proto.Room> CreateRoomAsync(string eventId, string name = "Hall A", int capacity = 100) =>
        await Program.CreateRoomAsync(
            new Proto.CreateRoomRequest { RequestId = Guid.NewGuid().ToString(), EventId = eventId, Name = name, Capacity = capacity }, Headers);

    public async Task<Proto.Speaker> CreateSpeakerAsync(string name) =>
        await Program.CreateSpeakerAsync(
            new Proto.CreateSpeakerRequest
            {
                RequestId = Guid.NewGuid().ToString(),
                OrganizerId = OrganizerId,
                Name = name,
                Bio = $"{name} speaks.",
                Email = "speaker@example.org",
                Affiliation = "Analytical Society",
            },
            Headers);

    /// <summary>A session on <see cref="Day"/> from <paramref name="from"/> to <paramref name="to"/> (hours, UTC).</summary>
    public static Proto.CreateSessionRequest Session(
        string eventId, double from, double to, string? roomId = null, IEnumerable<string>? speakerIds = null, string title = "Talk") => new()
        {
            RequestId = Guid.NewGuid().ToString(),
            EventId = eventId,
            Title = title,
            Abstract = $"About {title}.",
            Track = "Backend",
            RoomId = roomId ?? "",
            StartTime = Timestamp.FromDateTimeOffset(At(from)),
            EndTime = Timestamp.FromDateTimeOffset(At(to)),
            SpeakerIds = { speakerIds ?? [] },
        };

    public async Task<Proto.Session> ScheduleAsync(Proto.CreateSessionRequest request) => await Program.CreateSessionAsync(request, Headers);

    public static DateTimeOffset At(double hour) => Day.AddHours(hour);
}

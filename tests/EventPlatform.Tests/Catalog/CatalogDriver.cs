using System.Net.Http.Headers;
using EventPlatform.Contracts.Catalog.V1;
using EventPlatform.ServiceDefaults.Identity;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;

namespace EventPlatform.Tests.Catalog;

/// <summary>Arranges catalog data the way a person would: as an organizer with a token, through the public API.</summary>
public sealed class CatalogDriver(TestPlatform app, GrpcChannel channel)
{
    public static readonly DateTimeOffset NextYear = new(DateTime.UtcNow.Year + 1, 3, 10, 8, 0, 0, TimeSpan.Zero);

    public CatalogService.CatalogServiceClient Client { get; } = new(channel);

    public static Metadata Bearer(string token) => new() { { "authorization", $"Bearer {token}" } };

    public string TokenFor(string subject, CallerRole role = CallerRole.Organizer) => app.CreateToken(subject, role);

    public HttpClient BffAs(string? token)
    {
        var http = new HttpClient { BaseAddress = app.GetEndpoint("bff", "http") };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }

    /// <summary>A new organizer owned by a new person; returns the person's token and the organizer.</summary>
    public async Task<(string Token, Organizer Organizer)> NewOrganizerAsync(string? owner = null)
    {
        var subject = owner ?? $"organizer-{Guid.NewGuid():N}";
        var token = TokenFor(subject);
        var organizer = await Client.CreateOrganizerAsync(NewOrganizerRequest(), Bearer(token));
        return (token, organizer);
    }

    public static CreateOrganizerRequest NewOrganizerRequest() => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        LegalName = "Lyon .NET Association",
        Address = new Contracts.Common.V1.Address { Line1 = "1 Place Bellecour", City = "Lyon", PostalCode = "69002", CountryCode = "FR" },
        VatNumber = "FR40303265045",
        InvoicePrefix = "L" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
        ContactEmail = "contact@lyon-dotnet.example.org",
    };

    public static CreateEventRequest NewEventRequest(string organizerId, string title = "DotNet Days", DateTimeOffset? start = null, int capacity = 100) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        OrganizerId = organizerId,
        Title = title,
        Description = "Two days of talks about .NET.",
        OnlineUrl = "https://meet.example.org/dotnet-days",
        StartTime = Timestamp.FromDateTimeOffset(start ?? NextYear),
        EndTime = Timestamp.FromDateTimeOffset((start ?? NextYear).AddHours(9)),
        TimeZone = "Europe/Paris",
        Capacity = capacity,
    };

    public async Task<(string Token, Event Event)> NewDraftAsync(string title = "DotNet Days", DateTimeOffset? start = null)
    {
        var (token, organizer) = await NewOrganizerAsync();
        var created = await Client.CreateEventAsync(NewEventRequest(organizer.Id, title, start), Bearer(token));
        return (token, created);
    }

    public async Task<(string Token, Event Event)> NewPublishedAsync(string title = "DotNet Days", DateTimeOffset? start = null)
    {
        var (token, draft) = await NewDraftAsync(title, start);
        var published = await Client.PublishEventAsync(new PublishEventRequest { Id = draft.Id }, Bearer(token));
        return (token, published);
    }
}

using EventPlatform.Contracts.Catalog.V1;
using EventPlatform.Contracts.Program.V1;
using EventPlatform.Contracts.Registration.V1;
using Grpc.AspNetCore.Server;

namespace EventPlatform.Bff.Caching;

/// <summary>
/// A public read the edge answers from its cache: the tag its entries carry (the kind and the event they show), how
/// long an entry may live without being told of a change, and the Cache-Control browsers get.
/// </summary>
/// <param name="EventRouteValue">The route value holding the event's id; null for the listing, which shows many.</param>
/// <param name="SharedWithSignedIn">
/// The answer is the same whoever asks, and may be a second stale, so a signed-in caller is served the entry an anonymous
/// one left. Other reads bypass the cache for signed-in callers: some show them more (the listing's drafts, speakers'
/// emails to the organizer), and an organizer who just saved an edit must see it on the next read, which the integration
/// event may not have reached yet.
/// </param>
internal sealed record PublicRead(string Kind, string? EventRouteValue, TimeSpan Lifetime, bool SharedWithSignedIn, string CacheControl)
{
    public const string Listing = "listing";

    public string? TagOf(HttpRequest request) => EventRouteValue is null
        ? Listing
        : request.RouteValues[EventRouteValue] is string eventId ? Tag(Kind, eventId) : null;

    public static string Tag(string kind, string eventId) => $"{kind}/{eventId}";
}

internal static class PublicReads
{
    public const string Event = "event";
    public const string Program = "program";
    public const string Availability = "availability";

    /// <summary>Revalidated on every use: an edit shows on the next read.</summary>
    private const string Revalidate = "public, no-cache";

    // An event, its program and the listing are dropped when their integration events arrive; the lifetime only bounds
    // a missed one (and the program edits that tell attendees nothing, such as a session's description or seats).
    // Availability changes with every registration, hundreds of times a second in a rush: its response lives a fifth of
    // a second, made from AvailabilityCache, which renews the data while serving it (so that, when the response expires,
    // the readers it holds wait for memory, never for the registration service).
    private static readonly Dictionary<(string Service, string Method), PublicRead> ByMethod = new()
    {
        [Key(CatalogService.Descriptor, "GetEvent")] = new(Event, "id", TimeSpan.FromSeconds(60), SharedWithSignedIn: false, Revalidate),
        [Key(CatalogService.Descriptor, "ListEvents")] = new(PublicRead.Listing, null, TimeSpan.FromSeconds(60), SharedWithSignedIn: false, Revalidate),
        [Key(ProgramService.Descriptor, "GetProgram")] = new(Program, "event_id", TimeSpan.FromSeconds(30), SharedWithSignedIn: false, Revalidate),
        [Key(RegistrationService.Descriptor, "GetEventAvailability")] =
            new(Availability, "event_id", TimeSpan.FromSeconds(0.2), SharedWithSignedIn: true, "public, max-age=1"),
    };

    public static PublicRead? Of(HttpContext http)
    {
        if (!HttpMethods.IsGet(http.Request.Method))
        {
            return null;
        }

        return http.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method is { } method
            && ByMethod.TryGetValue((method.ServiceName, method.Name), out var read)
            ? read
            : null;
    }

    /// <summary>Whether the request carries a credential (a bearer token or the browser session).</summary>
    public static bool IsSignedIn(HttpRequest request) =>
        request.Headers.Authorization.Count > 0 || request.Cookies.ContainsKey(Sessions.BrowserSession.CookieName);

    private static (string, string) Key(Google.Protobuf.Reflection.ServiceDescriptor service, string method) =>
        (service.FindMethodByName(method)?.Service.FullName ?? throw new InvalidOperationException($"{service.FullName} has no {method}."), method);
}

using EventPlatform.Domain;
using EventPlatform.Domain.Validation;

namespace EventPlatform.Catalog.Domain.Events;

public sealed record Address(string Line1, string Line2, string PostalCode, string City, string Region, string CountryCode)
{
    // For materialization from the database.
    private Address() : this("", "", "", "", "", "")
    {
    }
}

public sealed record Venue(string Name, Address Address)
{
    // For materialization from the database.
    private Venue() : this("", null!)
    {
    }
}

/// <summary>Where an event happens: a venue, or an online URL, never both.</summary>
public sealed record Location
{
    // For materialization from the database.
    private Location()
    {
    }

    private Location(Venue? venue, string? onlineUrl)
    {
        Venue = venue;
        OnlineUrl = onlineUrl;
    }

    public Venue? Venue { get; private init; }

    public string? OnlineUrl { get; private init; }

    public static Location Create(Venue? venue, string? onlineUrl)
    {
        var url = string.IsNullOrWhiteSpace(onlineUrl) ? null : onlineUrl.Trim();
        BusinessRule.Check(new EventMustHaveOneLocationRule(venue, url));
        if (url is not null)
        {
            BusinessRule.Check(new OnlineUrlMustBeAbsoluteHttpRule(url));
        }

        return new Location(venue, url);
    }
}

public sealed class EventMustHaveOneLocationRule(Venue? venue, string? onlineUrl) : IFieldRule
{
    public string Field => "Location.Venue";

    public string Message => "An event takes place either at a venue (with a name) or online (with a URL), not both.";

    public bool IsBroken() => (venue is not null && !string.IsNullOrWhiteSpace(venue.Name)) == (onlineUrl is not null);
}

public sealed class OnlineUrlMustBeAbsoluteHttpRule(string onlineUrl) : IFieldRule
{
    public string Field => "Location.OnlineUrl";

    public string Message => "The online URL must be an absolute http(s) URL.";

    public bool IsBroken() => !HttpUrl.IsAbsolute(onlineUrl);
}

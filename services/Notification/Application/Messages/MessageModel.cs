using System.Globalization;
using EventPlatform.Notification.Domain.Events;

namespace EventPlatform.Notification.Application.Messages;

/// <summary>What a template can print, as nested dictionaries: dates in the event's time zone and the recipient's language.</summary>
public static class MessageModel
{
    public static string LanguageOf(string? locale) =>
        locale is { Length: >= 2 } && locale.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? "fr" : "en";

    public static Dictionary<string, object?> For(
        EventInfo? e, string name, string email, string locale, Guid? registrationId, string publicBaseUrl,
        IReadOnlyDictionary<string, object?>? extras = null)
    {
        var baseUrl = publicBaseUrl.TrimEnd('/');
        var model = new Dictionary<string, object?>
        {
            ["attendee"] = new Dictionary<string, object?> { ["name"] = name, ["email"] = email },
            ["event"] = new Dictionary<string, object?>
            {
                ["title"] = e?.Title ?? "",
                ["start"] = e is null ? "" : Time(e.StartTime, e.TimeZone, locale),
                ["end"] = e is null ? "" : Time(e.EndTime, e.TimeZone, locale),
                ["location"] = e?.Location ?? "",
                ["time_zone"] = e?.TimeZone ?? "",
                ["link"] = e is null ? baseUrl : $"{baseUrl}{WebFrontLinks.Event(e.EventId)}",
            },
            ["registration"] = new Dictionary<string, object?>
            {
                ["id"] = registrationId?.ToString() ?? "",
                ["link"] = registrationId is null ? "" : $"{baseUrl}{WebFrontLinks.Registration(registrationId.Value)}",
            },
        };
        foreach (var (key, value) in extras ?? new Dictionary<string, object?>())
        {
            model[key] = value;
        }

        return model;
    }

    /// <summary>"Tuesday 10 May 2027, 10:00" / "mardi 10 mai 2027 à 10:00", in the event's time zone.</summary>
    public static string Time(DateTimeOffset time, string timeZone, string locale)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(time, zone);
        return LanguageOf(locale) == "fr"
            ? local.ToString("dddd d MMMM yyyy 'à' HH:mm", CultureInfo.GetCultureInfo("fr-FR"))
            : local.ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en-GB"));
    }

    public static string Money(long amountMinor, string currency, string locale) =>
        (amountMinor / 100m).ToString("N2", CultureInfo.GetCultureInfo(LanguageOf(locale) == "fr" ? "fr-FR" : "en-GB")).Replace('\u202F', ' ')
        + " " + (currency == "EUR" ? "€" : currency);
}

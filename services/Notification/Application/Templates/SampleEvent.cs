using EventPlatform.Notification.Application.Messages;
using EventPlatform.Notification.Domain.Events;

namespace EventPlatform.Notification.Application.Templates;

/// <summary>What a template preview is rendered with when no real event is given: every placeholder filled.</summary>
public static class SampleEvent
{
    public static EventInfo Instance
    {
        get
        {
            var e = EventInfo.Of(Guid.Empty);
            var start = new DateTimeOffset(2027, 3, 10, 8, 0, 0, TimeSpan.Zero);
            e.Update("organizer", "owner", "DotNet Days Lyon", start, start.AddHours(9), "Europe/Paris", "Centre de Congrès, Lyon", cancelled: false);
            return e;
        }
    }

    public static IReadOnlyDictionary<string, object?> Extras(string locale) => new Dictionary<string, object?>
    {
        ["payment"] = new Dictionary<string, object?>
        {
            ["amount"] = MessageModel.Money(15000, "EUR", locale),
            ["deadline"] = MessageModel.Time(new DateTimeOffset(2027, 2, 1, 9, 15, 0, TimeSpan.Zero), "Europe/Paris", locale),
            ["link"] = "https://example.org/checkout/sample",
        },
        ["invoice"] = new Dictionary<string, object?> { ["number"] = "LYNET-2027-000042", ["amount"] = MessageModel.Money(15000, "EUR", locale) },
        ["credit_note"] = new Dictionary<string, object?> { ["number"] = "LYNET-CN-2027-000007", ["amount"] = MessageModel.Money(15000, "EUR", locale) },
        ["waitlist"] = new Dictionary<string, object?> { ["position"] = 3 },
        ["refund"] = new Dictionary<string, object?> { ["amount"] = MessageModel.Money(15000, "EUR", locale) },
        ["reason"] = MessageModel.LanguageOf(locale) == "fr" ? "Motif d'exemple." : "A sample reason.",
        ["changes"] = "• Keynote\n  Room: Hall A → Hall B",
        ["change_note"] = MessageModel.LanguageOf(locale) == "fr" ? "Merci de votre compréhension." : "Thank you for understanding.",
    };
}

using EventPlatform.ServiceDefaults.Grpc;

namespace EventPlatform.Notification.Grpc;

/// <summary>The fields notification's domain names, as its contracts name them.</summary>
public static class NotificationFields
{
    public static readonly ContractFieldNames Names = new(new Dictionary<string, string>
    {
        ["Subject"] = "subject",
        ["BodyText"] = "body_text",
        ["BodyHtml"] = "body_html",
        ["Locale"] = "locale",
        ["Kind"] = "kind",
        ["SessionIds"] = "session_ids",
    });
}

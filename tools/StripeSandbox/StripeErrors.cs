using System.Text.Json;

namespace EventPlatform.StripeSandbox;

/// <summary>Stripe's error bodies: {"error": {"type", "code", "message", …}}.</summary>
public static class StripeErrors
{
    public static string Error(string type, string? code, string message, string? declineCode = null, string? param = null, string? paymentIntentJson = null)
    {
        var error = new Dictionary<string, object?> { ["type"] = type, ["message"] = message };
        if (code is not null)
        {
            error["code"] = code;
        }

        if (declineCode is not null)
        {
            error["decline_code"] = declineCode;
        }

        if (param is not null)
        {
            error["param"] = param;
        }

        if (paymentIntentJson is not null)
        {
            error["payment_intent"] = JsonDocument.Parse(paymentIntentJson).RootElement;
        }

        return JsonSerializer.Serialize(new Dictionary<string, object?> { ["error"] = error });
    }

    public static string Missing(string what, string id) =>
        Error("invalid_request_error", "resource_missing", $"No such {what}: '{id}'", param: "id");

    public static string Invalid(string param, string message) => Error("invalid_request_error", "parameter_invalid", message, param: param);

    public static string IdempotencyMismatch(string key) =>
        Error("idempotency_error", null, $"Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}' if you meant to execute a different request.");
}

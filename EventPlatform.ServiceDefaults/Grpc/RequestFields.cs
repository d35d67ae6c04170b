using EventPlatform.Domain;

namespace EventPlatform.ServiceDefaults.Grpc;

/// <summary>The fields every service's requests share, read the same way everywhere, each bad one reported under its name.</summary>
public static class RequestFields
{
    public const int MaxRequestIdLength = 200;
    public const int MaxSearchQueryLength = 200;

    /// <summary>The client's idempotency key of a create or command call.</summary>
    public static string RequestId(string? requestId, InputValidation input)
    {
        if (string.IsNullOrWhiteSpace(requestId) || requestId.Length > MaxRequestIdLength)
        {
            input.Add("request_id", $"A request id (idempotency key chosen by the client, at most {MaxRequestIdLength} characters) is required.");
            return "";
        }

        return requestId;
    }

    /// <summary>The words a list is searched for; empty means no search.</summary>
    public static string? SearchQuery(string? query, InputValidation input)
    {
        if (query?.Length > MaxSearchQueryLength)
        {
            input.Add("query", $"At most {MaxSearchQueryLength} characters.");
            return null;
        }

        return string.IsNullOrWhiteSpace(query) ? null : query;
    }

    /// <summary>An id; <paramref name="what"/> says what it is ("an event id").</summary>
    public static Guid Uuid(string? value, string field, string what) =>
        Guid.TryParse(value, out var id) ? id : throw new InvalidInputException(field, $"Expected {what} (a UUID).");

    /// <summary>An optional id of a filter: empty means none; a bad one is recorded in <paramref name="input"/>.</summary>
    public static Guid? OptionalUuid(string? value, string field, string what, InputValidation input) =>
        string.IsNullOrEmpty(value) ? null : input.Capture(() => (Guid?)Uuid(value, field, what));

    /// <summary>A typed id; <paramref name="what"/> says what it is ("an event id").</summary>
    public static T Id<T>(string? value, string field, string what) where T : struct, ITypedId<T> => T.From(Uuid(value, field, what));

    /// <summary>An optional typed id: empty means none.</summary>
    public static T? OptionalId<T>(string? value, string field, string what) where T : struct, ITypedId<T> =>
        string.IsNullOrEmpty(value) ? null : Id<T>(value, field, what);

    /// <summary>A list of typed ids, every bad one named with its index (<c>speaker_ids[2]</c>).</summary>
    public static IReadOnlyList<T> Ids<T>(IEnumerable<string> values, string field, string what, int? maxCount = null)
        where T : struct, ITypedId<T>
    {
        var input = new InputValidation();
        var list = values.ToList();
        if (list.Count > maxCount)
        {
            input.Add(field, $"At most {maxCount} ids.");
        }

        var parsed = list.Select((value, i) => input.Capture(() => (T?)Id<T>(value, $"{field}[{i}]", what))).ToList();
        input.ThrowIfInvalid();
        return parsed.Select(id => id!.Value).ToList();
    }
}

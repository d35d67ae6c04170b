using System.Buffers.Text;
using System.Globalization;
using System.Text;
using EventPlatform.Domain;

namespace EventPlatform.ServiceDefaults.Paging;

/// <summary>
/// The position after the last item of a page: its sort key and id. Lists are read with keyset pagination (a
/// row-value comparison on the sort key and id, one index range scan), so a page never shifts when rows are added
/// before it. The token is opaque to clients.
/// </summary>
public readonly record struct PagePosition(string SortKey, Guid Id)
{
    /// <summary>A sort key that holds a number (a waitlist ticket, UTC ticks).</summary>
    public long Number => long.TryParse(SortKey, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
        ? number
        : throw PageToken.Invalid();

    /// <summary>A sort key that holds an instant.</summary>
    public DateTimeOffset Instant => Number is >= 0 and var ticks && ticks <= DateTimeOffset.MaxValue.UtcTicks
        ? new DateTimeOffset(ticks, TimeSpan.Zero)
        : throw PageToken.Invalid();
}

public static class PageToken
{
    public static string After(string sortKey, Guid id) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{id:N}{sortKey}"));

    public static string After(long sortKey, Guid id) => After(sortKey.ToString(CultureInfo.InvariantCulture), id);

    public static string After(DateTimeOffset sortKey, Guid id) => After(sortKey.UtcTicks, id);

    public static PagePosition? Parse(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var text = Base64Url.IsValid(token) ? Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)) : "";
        return text.Length >= 32 && Guid.TryParseExact(text[..32], "N", out var id) ? new PagePosition(text[32..], id) : throw Invalid();
    }

    internal static InvalidInputException Invalid() =>
        new("page_token", "Not a page token of this list: pass next_page_token as it was returned, or start again without one.");
}

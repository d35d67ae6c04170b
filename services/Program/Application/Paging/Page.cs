using System.Buffers.Text;
using System.Globalization;
using System.Text;
using EventPlatform.Domain;

namespace EventPlatform.Program.Application.Paging;

/// <summary>One page of a list and the token of the next (null on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextPageToken);

/// <summary>Which page a list call asks for: 1..100 items, 20 when not said, after the position a token names.</summary>
public sealed record PageRequest(int Size, string? Token)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;

    public int Take => Size <= 0 ? DefaultSize : Math.Min(Size, MaxSize);
}

/// <summary>
/// The position after the last item of a page: its sort key and id. Lists are read with keyset pagination, so a page
/// never shifts when rows are added before it. Opaque to clients.
/// </summary>
public static class PageToken
{
    public static string Of(string sortKey, Guid id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{id:N}{sortKey}"));

    public static (string SortKey, Guid Id)? Parse(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var text = Base64Url.IsValid(token) ? Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)) : "";
        if (text.Length >= 32 && Guid.TryParseExact(text[..32], "N", out var id))
        {
            return (text[32..], id);
        }

        throw Invalid();
    }

    /// <summary>A sort key that holds an instant, as UTC ticks.</summary>
    public static long Ticks(string sortKey) =>
        long.TryParse(sortKey, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? ticks
            : throw Invalid();

    public static Page<T> Paginate<T>(List<T> readOneMore, int take, Func<T, string> token) =>
        new(readOneMore.Take(take).ToList(), readOneMore.Count > take ? token(readOneMore[take - 1]) : null);

    private static InvalidInputException Invalid() =>
        new("page_token", "Not a page token of this list: pass next_page_token as it was returned.");
}

using EventPlatform.Domain;

namespace EventPlatform.ServiceDefaults.Paging;

/// <summary>One page of a list and the token of the next (null on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextPageToken)
{
    /// <summary>A page from a read of one row more than the page holds: that extra row says whether a next page exists.</summary>
    public static Page<T> FromReadOneMore(List<T> readOneMore, int take, Func<T, string> tokenAfter) =>
        new(readOneMore.Take(take).ToList(), readOneMore.Count > take ? tokenAfter(readOneMore[take - 1]) : null);
}

/// <summary>Which page a list call asks for: 1..max items (20 when not said), after the position a token names.</summary>
public sealed record PageRequest
{
    public const int DefaultSize = 20;
    public const int DefaultMaxSize = 100;

    private PageRequest(int take, PagePosition? after)
    {
        Take = take;
        After = after;
    }

    /// <summary>How many items the page holds.</summary>
    public int Take { get; }

    /// <summary>The position the page starts after; null for the first page.</summary>
    public PagePosition? After { get; }

    /// <summary>The page a caller asked for; a size out of range or a token not from an earlier answer is bad input.</summary>
    /// <param name="size">0 when not given: then <paramref name="defaultSize"/>.</param>
    public static PageRequest Of(int size, string? token, int maxSize = DefaultMaxSize, int defaultSize = DefaultSize)
    {
        var input = new InputValidation();
        if (size < 0 || size > maxSize)
        {
            input.Add("page_size", $"Between 1 and {maxSize} (0 for the default of {defaultSize}).");
        }

        var after = input.Capture(() => PageToken.Parse(token));
        input.ThrowIfInvalid();
        return new PageRequest(size == 0 ? defaultSize : size, after);
    }
}

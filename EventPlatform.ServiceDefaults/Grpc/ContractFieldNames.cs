namespace EventPlatform.ServiceDefaults.Grpc;

/// <summary>
/// A service's table from the field names its domain reports (<c>Schedule.End</c>) to the field paths of its
/// contracts (<c>end_time</c>): the one place a proto rename touches. A name not in the table maps by its first
/// segment (<c>Sessions[2]</c> → <c>session_ids[2]</c>), else stays as it is (request fields such as
/// <c>page_token</c> are named in the contract's words already).
/// </summary>
public sealed class ContractFieldNames(IReadOnlyDictionary<string, string> table)
{
    public static readonly ContractFieldNames None = new(new Dictionary<string, string>());

    public IReadOnlyDictionary<string, string> Table { get; } = table;

    public string ToContract(string field)
    {
        if (Table.TryGetValue(field, out var path))
        {
            return path;
        }

        var cut = field.IndexOfAny(['[', '.']);
        return cut > 0 && Table.TryGetValue(field[..cut], out var head) ? head + field[cut..] : field;
    }
}

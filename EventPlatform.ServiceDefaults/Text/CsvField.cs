namespace EventPlatform.ServiceDefaults.Text;

/// <summary>One field of a CSV file (RFC 4180), safe to open in a spreadsheet.</summary>
public static class CsvField
{
    /// <summary>Quoted when needed; a leading formula character is neutralised so a spreadsheet never evaluates a name.</summary>
    public static string Quote(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0]) && !long.TryParse(value, out _))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}

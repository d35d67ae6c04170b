using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using EventPlatform.ServiceDefaults.Identity;
using EventPlatform.Tests.Infrastructure;
using Google.Protobuf.Reflection;
using Npgsql;

namespace EventPlatform.Tests.EndToEnd;

/// <summary>
/// Malformed requests generated from the contracts against every public route of the BFF, as a broken or hostile client
/// would send them: each gets a 4xx with a short message that quotes no more than the start of what was sent, and none
/// of them stores anything.
/// </summary>
[Collection(WholeSystemCollection.Name)]
public sealed partial class MalformedRequestTests(WholeSystemFixture system)
{
    private const int LongestQuote = 40;
    private const int LongestErrorBody = 4_000;
    private const char Filler = 'Z';
    private static readonly string Huge = new(Filler, 100_000);
    private static readonly string LongForAUrl = new(Filler, 2_000);
    private static readonly string[] Injections = ["' OR '1'='1' --", "\"; DROP TABLE events; --", "<script>alert(1)</script>", "${jndi:ldap://x}"];
    private static readonly string[] Databases = ["catalogdb", "programdb", "registrationdb", "paymentdb", "billingdb", "notificationdb", "analyticsdb", "identitydb"];

    [Fact]
    public async Task Malformed_requests_to_every_public_route_get_a_short_4xx_and_store_nothing()
    {
        var requests = PublicRoute.All().SelectMany(Malformed).Append(Oversized()).ToList();
        var token = system.App.CreateToken($"organizer-{Guid.NewGuid():N}", CallerRole.Organizer);
        var before = await QuietRowCountsAsync();

        var failures = new ConcurrentBag<string>();
        using var bff = system.CreateHttpClient("bff");
        bff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (bad, cancellationToken) =>
        {
            using var request = bad.ToMessage();
            using var response = await bff.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            if (status is < 400 or > 499)
            {
                failures.Add($"{bad}: {status} {Start(body)}");
            }
            else if (body.Contains(new string(Filler, LongestQuote + 1), StringComparison.Ordinal) || body.Length > LongestErrorBody)
            {
                failures.Add($"{bad}: a {body.Length}-character error that quotes too much: {Start(body)}");
            }
        });
        var after = await RowCountsAsync();

        requests.Count.ShouldBeGreaterThan(1_000);
        failures.ShouldBeEmpty($"{failures.Count} of {requests.Count} malformed requests:\n{string.Join('\n', failures.Order().Take(40))}");
        after.Where(table => table.Value > before.GetValueOrDefault(table.Key)).Select(t => $"{t.Key}: {before.GetValueOrDefault(t.Key)} -> {t.Value}")
            .ShouldBeEmpty("rows were stored");
    }

    /// <summary>What a route is sent: a broken path, a broken body, and for each field a value of the wrong kind.</summary>
    private static IEnumerable<BadRequest> Malformed(PublicRoute route)
    {
        var pathFields = PathParameter().Matches(route.Path).Select(m => m.Groups[1].Value).ToHashSet();
        var path = Fill(route.Path, _ => Guid.NewGuid().ToString());
        if (pathFields.Count > 0)
        {
            foreach (var bad in Injections.Append(LongForAUrl).Append("-1"))
            {
                yield return new BadRequest(route, "path " + Start(bad), Fill(route.Path, _ => Uri.EscapeDataString(bad)), null);
            }
        }

        if (!route.HasBody)
        {
            foreach (var field in route.Method.InputType.Fields.InFieldNumberOrder().Where(f => !pathFields.Contains(f.Name)))
            {
                foreach (var (what, value) in BadQueryValues(field))
                {
                    yield return new BadRequest(route, $"?{field.JsonName} {what}", $"{path}?{field.JsonName}={Uri.EscapeDataString(value)}", null);
                }
            }

            yield break;
        }

        foreach (var (what, body) in new[] { ("not JSON", "{\"a\":"), ("an array", "[1,2]"), ("a number", "42"), ("nested deeper than allowed", new string('[', 5_000)) })
        {
            yield return new BadRequest(route, what, path, Encoding.UTF8.GetBytes(body));
        }

        var message = route.Body == "*" ? route.Method.InputType : route.Method.InputType.FindFieldByName(route.Body).MessageType;
        var fields = message.Fields.InFieldNumberOrder().Where(f => route.Body != "*" || !pathFields.Contains(f.Name)).ToList();
        foreach (var field in fields)
        {
            if (field.FieldType == FieldType.String)
            {
                yield return new BadRequest(route, $"{field.JsonName} invalid UTF-8", path, [.. "{\""u8, .. Encoding.UTF8.GetBytes(field.JsonName), .. "\":\""u8, 0xC3, 0x28, 0xFF, .. "\"}"u8]);
            }

            foreach (var (what, json) in BadJsonValues(field))
            {
                yield return new BadRequest(route, $"{field.JsonName} {what}", path, Encoding.UTF8.GetBytes($"{{\"{field.JsonName}\":{json}}}"));
            }
        }
    }

    private static IEnumerable<(string What, string Json)> BadJsonValues(FieldDescriptor field)
    {
        if (field.IsRepeated)
        {
            yield return ("not a list", "\"x\"");
            yield return ("a list of the wrong kind", field.FieldType is FieldType.String or FieldType.Enum or FieldType.Bytes ? "[{}]" : "[\"x\"]");
            yield break;
        }

        switch (field.FieldType)
        {
            case FieldType.String:
                yield return ("huge", $"\"{Huge}\"");
                yield return ("an object", "{\"a\":1}");
                foreach (var injection in Injections)
                {
                    yield return ($"injection {injection}", System.Text.Json.JsonSerializer.Serialize(injection));
                }

                break;
            case FieldType.Enum:
                yield return ("unknown enum", "\"NOT_A_VALUE\"");
                yield return ("enum number out of range", "99999");
                break;
            case FieldType.Bool:
                yield return ("not a bool", "\"maybe\"");
                break;
            case FieldType.Message:
                yield return ("not an object", "42");
                if (field.MessageType.FullName == "eventplatform.common.v1.Money")
                {
                    yield return ("negative amount", "{\"amountMinor\":\"-4900\",\"currency\":\"EUR\"}");
                    yield return ("overflowing amount", "{\"amountMinor\":\"9223372036854775808\",\"currency\":\"EUR\"}");
                    yield return ("unknown currency", $"{{\"amountMinor\":\"100\",\"currency\":\"{Huge}\"}}");
                }
                else if (field.MessageType.FullName == "google.protobuf.Timestamp")
                {
                    yield return ("not a time", "\"yesterday\"");
                    yield return ("year 10000", "\"10000-01-01T00:00:00Z\"");
                }

                break;
            case FieldType.Bytes:
                yield return ("not base64", "\"%%%\"");
                break;
            default:
                yield return ("not a number", "\"abc\"");
                yield return ("overflowing", "99999999999999999999999");
                yield return ("negative", "-1");
                yield return ("fractional", "1.5");
                break;
        }
    }

    private static IEnumerable<(string What, string Value)> BadQueryValues(FieldDescriptor field)
    {
        switch (field.FieldType)
        {
            case FieldType.String when !field.IsRepeated:
                yield return ("long", LongForAUrl);
                if (field.Name != "query")
                {
                    // Words searched for may be anything; an id or a locale may not.
                    yield return ("injection", Injections[0]);
                }

                break;
            case FieldType.Enum:
                yield return ("unknown enum", "NOT_A_VALUE");
                break;
            case FieldType.Bool:
                yield return ("not a bool", "maybe");
                break;
            case FieldType.Message when field.MessageType.FullName == "google.protobuf.Timestamp":
                yield return ("not a time", "yesterday");
                break;
            case FieldType.Int32 or FieldType.Int64 or FieldType.UInt32 or FieldType.UInt64 or FieldType.SInt32 or FieldType.SInt64:
                yield return ("not a number", "abc");
                yield return ("overflowing", "99999999999999999999999");
                yield return ("negative", "-1");
                break;
        }
    }

    /// <summary>A body larger than the BFF takes (Kestrel's 30 MB), on the busiest write.</summary>
    private static BadRequest Oversized() =>
        new(PublicRoute.All().First(r => r.Method.Name == "Register"), "oversized body", "/registrations",
            Encoding.UTF8.GetBytes($"{{\"name\":\"{new string(Filler, 31 * 1024 * 1024)}\"}}"));

    /// <summary>Row counts once nothing moves any more (events of earlier tests may still be landing).</summary>
    private async Task<Dictionary<string, long>> QuietRowCountsAsync()
    {
        var counts = await RowCountsAsync();
        for (var attempt = 0; attempt < 30; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var again = await RowCountsAsync();
            if (again.Count == counts.Count && again.All(c => counts.GetValueOrDefault(c.Key) == c.Value))
            {
                return again;
            }

            counts = again;
        }

        return counts;
    }

    private async Task<Dictionary<string, long>> RowCountsAsync()
    {
        var counts = new Dictionary<string, long>();
        foreach (var database in Databases)
        {
            await using var connection = new NpgsqlConnection(system.App.GetConnectionString(database));
            await connection.OpenAsync();
            var tables = new List<string>();
            await using (var list = new NpgsqlCommand("SELECT quote_ident(schemaname) || '.' || quote_ident(relname) FROM pg_stat_user_tables", connection))
            await using (var reader = await list.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            // The services' own client-credential tokens are issued (and stored) on their renewal schedule, not by requests.
            foreach (var table in tables.Where(t => !(database == "identitydb" && t.Contains("OpenIddictTokens", StringComparison.Ordinal))))
            {
                await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
                counts[$"{database}/{table}"] = (long)(await count.ExecuteScalarAsync())!;
            }
        }

        return counts;
    }

    private static string Fill(string template, Func<string, string> value) => PathParameter().Replace(template, m => value(m.Groups[1].Value));

    private static string Start(string text) => text.Length <= 200 ? text : text[..200] + "…";

    [GeneratedRegex(@"\{([^}=]+)(=[^}]*)?\}")]
    private static partial Regex PathParameter();

    private sealed record BadRequest(PublicRoute Route, string What, string Path, byte[]? Body)
    {
        // A large body waits for "100 Continue", as clients that send one do: the BFF answers 413 without reading it
        // (sent blindly, the upload breaks off once the answer is given).
        public HttpRequestMessage ToMessage() => new(Route.Verb, Path)
        {
            Content = Body is null ? null : new ByteArrayContent(Body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
            Headers = { ExpectContinue = Body?.Length > 1024 * 1024 },
        };

        public override string ToString() => $"{Route.Verb} {Start(Path)} ({What})";
    }
}

using System.Text;
using EventPlatform.Testing.Telemetry.Otlp;
using Google.Protobuf;

namespace EventPlatform.Testing.Telemetry;

/// <summary>OTLP's wire values as tests read them: ids in lower-case hex, times as instants, any value as text.</summary>
internal static class OtlpValues
{
    public static string Hex(ByteString bytes) => Convert.ToHexStringLower(bytes.Span);

    public static DateTimeOffset FromUnixNanos(ulong nanos) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)(nanos / 100));

    public static string Render(AnyValue? value) => value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.ArrayValue => "[" + string.Join(",", value.ArrayValue.Values.Select(Render)) + "]",
        AnyValue.ValueOneofCase.BytesValue => Convert.ToBase64String(value.BytesValue.Span),
        AnyValue.ValueOneofCase.KvlistValue => new StringBuilder().AppendJoin(",", value.KvlistValue.Values.Select(kv => $"{kv.Key}={Render(kv.Value)}")).ToString(),
        _ => "",
    };
}

using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CompassionBot.Dialogs.Engine;

/// <summary><c>{"stepIndex": 2, "values": {...}}</c>, the values through their own source-generated metadata.</summary>
/// <typeparam name="TState">The waterfall's state record.</typeparam>
internal sealed class WaterfallStateJsonConverter<TState>(JsonTypeInfo<TState> valuesTypeInfo) : JsonConverter<WaterfallState<TState>>
{
    private static readonly JsonEncodedText StepIndexName = JsonEncodedText.Encode("stepIndex");
    private static readonly JsonEncodedText ValuesName = JsonEncodedText.Encode("values");

    /// <summary>Serialisation metadata for the waterfall state of <paramref name="valuesTypeInfo"/>'s record.</summary>
    public static JsonTypeInfo<WaterfallState<TState>> CreateTypeInfo(JsonTypeInfo<TState> valuesTypeInfo)
    {
        ArgumentNullException.ThrowIfNull(valuesTypeInfo);
        return JsonMetadataServices.CreateValueInfo<WaterfallState<TState>>(valuesTypeInfo.Options, new WaterfallStateJsonConverter<TState>(valuesTypeInfo));
    }

    public override WaterfallState<TState>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A waterfall's state must be a JSON object.");
        }

        var index = -1;
        var values = default(TState);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isIndex = reader.ValueTextEquals(StepIndexName.EncodedUtf8Bytes);
            var isValues = !isIndex && reader.ValueTextEquals(ValuesName.EncodedUtf8Bytes);
            reader.Read();
            if (isIndex && reader.TokenType == JsonTokenType.Number)
            {
                index = reader.GetInt32();
            }
            else if (isValues)
            {
                values = JsonSerializer.Deserialize(ref reader, valuesTypeInfo);
            }
            else
            {
                reader.Skip();
            }
        }

        return new WaterfallState<TState>(index, values ?? throw new JsonException("A waterfall's state has no values."));
    }

    public override void Write(Utf8JsonWriter writer, WaterfallState<TState> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteNumber(StepIndexName, value.StepIndex);
        writer.WritePropertyName(ValuesName);
        JsonSerializer.Serialize(writer, value.Values, valuesTypeInfo);
        writer.WriteEndObject();
    }
}

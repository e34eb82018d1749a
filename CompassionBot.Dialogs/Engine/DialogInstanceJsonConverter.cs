using System.Text.Json;
using System.Text.Json.Serialization;

namespace CompassionBot.Dialogs.Engine;

/// <summary>
/// <c>{"id": "...", "state": {...}}</c> for a <see cref="DialogInstance"/>: the state is written straight from its typed
/// value (no intermediate tree) and read as raw JSON, deserialised only when a dialog asks for it.
/// </summary>
internal sealed class DialogInstanceJsonConverter : JsonConverter<DialogInstance>
{
    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText StateName = JsonEncodedText.Encode("state");

    public override DialogInstance? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A dialog instance must be a JSON object.");
        }

        string? id = null;
        JsonElement? state = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(IdName.EncodedUtf8Bytes))
            {
                reader.Read();
                id = reader.GetString();
            }
            else if (reader.ValueTextEquals(StateName.EncodedUtf8Bytes))
            {
                reader.Read();
                state = reader.TokenType == JsonTokenType.Null ? null : JsonElement.ParseValue(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        var instance = new DialogInstance { Id = id ?? throw new JsonException("A dialog instance has no id.") };
        instance.LoadState(state);
        return instance;
    }

    public override void Write(Utf8JsonWriter writer, DialogInstance value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString(IdName, value.Id);
        if (value.HasState)
        {
            writer.WritePropertyName(StateName);
            value.WriteState(writer);
        }

        writer.WriteEndObject();
    }
}

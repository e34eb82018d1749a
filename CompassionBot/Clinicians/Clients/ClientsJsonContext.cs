using System.Text.Json.Serialization;

namespace CompassionBot.Clinicians.Clients;

/// <summary>Source-generated serialisation of the client-link dialog's state (the options of the bot state's context).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ClientLinkState))]
internal sealed partial class ClientsJsonContext : JsonSerializerContext;

using System.Reflection;
using Microsoft.Extensions.Logging;

namespace CompassionBot.Tests.Operations;

/// <summary>The source-generated log methods of the assemblies the service ships, read by reflection.</summary>
internal static class ShippedLogMethods
{
    private static readonly Assembly[] Shipped =
    [
        typeof(Program).Assembly,
        typeof(global::CompassionBot.Dialogs.CompassionBot).Assembly,
        typeof(global::CompassionBot.Training.HeadTraining).Assembly,
    ];

    /// <summary>Every method with <see cref="LoggerMessageAttribute"/>, with its attribute.</summary>
    public static IReadOnlyList<(MethodInfo Method, LoggerMessageAttribute Attribute)> All() =>
    [
        .. Shipped
            .SelectMany(assembly => assembly.GetTypes())
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(method => (Method: method, Attribute: method.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(m => m.Attribute is not null)
            .Select(m => (m.Method, m.Attribute!)),
    ];
}

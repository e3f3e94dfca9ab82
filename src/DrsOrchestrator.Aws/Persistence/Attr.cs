using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace DrsOrchestrator.Aws.Persistence;

/// <summary>Small, explicit AttributeValue builders and readers; mapping code stays readable without reflection.</summary>
internal static class Attr
{
    public static AttributeValue S(string value) => new() { S = value };

    public static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static AttributeValue N(int value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static AttributeValue Bool(bool value) => new() { BOOL = value };

    public static AttributeValue Time(DateTimeOffset value) => S(FormatTime(value));

    public static AttributeValue List(IEnumerable<AttributeValue> values) => new() { L = values.ToList() };

    public static AttributeValue Strings(IEnumerable<string> values) => List(values.Select(S));

    public static AttributeValue Map(Dictionary<string, AttributeValue> values) => new() { M = values };

    /// <summary>Sortable UTC timestamp with a fixed width, so string order equals time order in GSI sort keys.</summary>
    public static string FormatTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static string GetS(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.S is not null
            ? value.S
            : throw new InvalidDataException($"Stored item lacks string attribute '{name}'.");

    public static string? GetSOrNull(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) ? value.S : null;

    public static long GetN(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.N is not null
            ? long.Parse(value.N, CultureInfo.InvariantCulture)
            : throw new InvalidDataException($"Stored item lacks number attribute '{name}'.");

    public static long? GetNOrNull(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.N is not null ? long.Parse(value.N, CultureInfo.InvariantCulture) : null;

    public static bool? GetBoolOrNull(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.IsBOOLSet ? value.BOOL : null;

    public static DateTimeOffset GetTime(this Dictionary<string, AttributeValue> item, string name) =>
        DateTimeOffset.Parse(item.GetS(name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static DateTimeOffset? GetTimeOrNull(this Dictionary<string, AttributeValue> item, string name) =>
        item.GetSOrNull(name) is { } s ? DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : null;

    public static List<AttributeValue> GetListOrEmpty(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.L is not null ? value.L : [];

    public static List<string> GetStrings(this Dictionary<string, AttributeValue> item, string name) =>
        item.GetListOrEmpty(name).Select(v => v.S ?? throw new InvalidDataException($"'{name}' holds a non-string.")).ToList();

    public static Dictionary<string, AttributeValue>? GetMapOrNull(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.M is not null && (value.IsMSet || value.M.Count > 0) ? value.M : null;

    public static TEnum GetEnum<TEnum>(this Dictionary<string, AttributeValue> item, string name)
        where TEnum : struct, Enum =>
        Enum.Parse<TEnum>(item.GetS(name));

    public static TEnum? GetEnumOrNull<TEnum>(this Dictionary<string, AttributeValue> item, string name)
        where TEnum : struct, Enum =>
        item.GetSOrNull(name) is { } s ? Enum.Parse<TEnum>(s) : null;

    public static void PutIfNotNull(this Dictionary<string, AttributeValue> item, string name, string? value)
    {
        if (value is not null)
        {
            item[name] = S(value);
        }
    }
}

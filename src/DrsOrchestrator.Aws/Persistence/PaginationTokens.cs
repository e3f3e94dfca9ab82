using System.Buffers.Text;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using DrsOrchestrator.Aws.Persistence.Schema;
using DrsOrchestrator.Domain.Common;

namespace DrsOrchestrator.Aws.Persistence;

/// <summary>
/// Opaque page tokens: base64url of a small JSON rendering of DynamoDB's LastEvaluatedKey. On the way
/// in a token must decode to exactly the key attributes of the table or index being read, with the
/// schema's types, and (for a query) the same partition value as the query; anything else is
/// BadRequest INVALID_PAGINATION_TOKEN, so a client can never steer DynamoDB with a forged key.
/// </summary>
internal static class PaginationTokens
{
    private const int MaxTokenLength = 4096;

    public static string? Encode(Dictionary<string, AttributeValue>? lastEvaluatedKey)
    {
        if (lastEvaluatedKey is null || lastEvaluatedKey.Count == 0)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in lastEvaluatedKey.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteStartObject(name);
                if (value.S is not null)
                {
                    writer.WriteString("S", value.S);
                }
                else if (value.N is not null)
                {
                    writer.WriteString("N", value.N);
                }
                else
                {
                    throw new InvalidOperationException($"Key attribute '{name}' is neither S nor N.");
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return Base64Url.EncodeToString(buffer.ToArray());
    }

    /// <param name="keyAttributes">The key attributes the read returns in LastEvaluatedKey.</param>
    /// <param name="fixedValues">Attributes whose value must equal the current query's (its partition key).</param>
    public static Dictionary<string, AttributeValue>? Decode(
        string? token,
        IReadOnlyList<KeyAttribute> keyAttributes,
        IReadOnlyDictionary<string, string>? fixedValues = null)
    {
        if (token is null)
        {
            return null;
        }

        Dictionary<string, AttributeValue> key;
        try
        {
            if (token.Length == 0 || token.Length > MaxTokenLength)
            {
                throw Invalid();
            }

            var json = Base64Url.DecodeFromChars(token);
            key = Parse(json);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidDataException)
        {
            throw Invalid();
        }

        if (key.Count != keyAttributes.Count)
        {
            throw Invalid();
        }

        foreach (var attribute in keyAttributes)
        {
            if (!key.TryGetValue(attribute.Name, out var value))
            {
                throw Invalid();
            }

            var text = attribute.Type == KeyAttributeType.String ? value.S : value.N;
            if (string.IsNullOrEmpty(text)
                || (attribute.Type == KeyAttributeType.Number && !decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _)))
            {
                throw Invalid();
            }
        }

        foreach (var (name, expected) in fixedValues ?? new Dictionary<string, string>())
        {
            if (!string.Equals(key[name].S ?? key[name].N, expected, StringComparison.Ordinal))
            {
                throw Invalid();
            }
        }

        return key;
    }

    private static Dictionary<string, AttributeValue> Parse(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException("Token is not an object.");
        }

        var key = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var typed = property.Value.ValueKind == JsonValueKind.Object ? property.Value.EnumerateObject().ToList() : [];
            if (typed.Count != 1 || typed[0].Value.ValueKind != JsonValueKind.String || !key.TryAdd(property.Name, ToValue(typed[0])))
            {
                throw new InvalidDataException("Token attribute is malformed.");
            }
        }

        return key;
    }

    private static AttributeValue ToValue(JsonProperty typed) => typed.Name switch
    {
        "S" => new AttributeValue { S = typed.Value.GetString() },
        "N" => new AttributeValue { N = typed.Value.GetString() },
        _ => throw new InvalidDataException("Token attribute type is not S or N."),
    };

    private static DomainException Invalid() =>
        DomainException.BadRequest(ErrorCodes.InvalidPaginationToken, "nextToken is not a token this API issued for this list.");
}

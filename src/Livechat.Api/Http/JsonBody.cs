using Livechat.Core.Common;
using Microsoft.AspNetCore.Http;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Livechat.Api.Http;

/// <summary>
/// Reads a JSON request body strictly: size-capped, unknown members refused, and any error reported as a
/// problem that names the offending field.
/// </summary>
public static class JsonBody
{
    public const int MaxBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Strict = new(LivechatJson.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <param name="emptyAs">What an empty body means; null when a body is required.</param>
    public static async Task<Outcome<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken, T? emptyAs = null) where T : class
    {
        if (request.ContentLength > MaxBytes) return TooLarge();
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes) return TooLarge();
        }
        if (buffer.Length == 0) return emptyAs is null ? Problem.Invalid("body", "A JSON object is required.") : emptyAs;
        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), Strict);
            return value is null ? Problem.Invalid("body", "A JSON object is required.") : value;
        }
        catch (JsonException e)
        {
            var field = FieldOf(e.Path);
            var message = e.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? "Unknown field."
                : "Malformed JSON or a value of the wrong type.";
            return Problem.Invalid(field, message);
        }
    }

    private static Problem TooLarge() =>
        new(ProblemKind.TooLarge, "The request body is too large.", $"body: at most {MaxBytes} bytes.",
            new Dictionary<string, string[]> { ["body"] = [$"At most {MaxBytes} bytes."] });

    private static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return "body";
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        var bracket = field.IndexOf('[');
        return bracket > 0 ? field[..bracket] : field;
    }
}

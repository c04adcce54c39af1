using System.IO.Compression;
using System.Security.Cryptography;

namespace Livechat.Api.Assets;

/// <summary>One served file, held in memory with its brotli and gzip forms, compressed once at start-up.</summary>
public sealed class StaticAsset
{
    /// <summary>A URL that names one content for ever: a year in every cache, never revalidated.</summary>
    public const string Immutable = "public, max-age=31536000, immutable";

    private StaticAsset(string contentType, string cacheControl, byte[] identity)
    {
        ContentType = contentType;
        CacheControl = cacheControl;
        Identity = identity;
        Brotli = Compress(identity, s => new BrotliStream(s, CompressionLevel.SmallestSize));
        Gzip = Compress(identity, s => new GZipStream(s, CompressionLevel.SmallestSize));
        ETag = $"\"{Convert.ToHexStringLower(SHA256.HashData(identity))[..16]}\"";
    }

    public string ContentType { get; }
    public string CacheControl { get; }
    public string ETag { get; }
    public byte[] Identity { get; }
    public byte[] Brotli { get; }
    public byte[] Gzip { get; }

    /// <summary>The same content under a URL that carries its version.</summary>
    public StaticAsset AsImmutable() => new(ContentType, Immutable, Identity);

    /// <summary>The content's version: the hex of the start of its SHA-256 (the ETag without quotes).</summary>
    public string Version => ETag.Trim('"');

    public static StaticAsset FromFile(string path) => FromBytes(Path.GetExtension(path), File.ReadAllBytes(path));

    public static StaticAsset FromBytes(string extension, byte[] content) => extension.ToLowerInvariant() switch
    {
        // Pages are revalidated each time (a 304 costs no body), so a new release shows at once.
        ".html" => new StaticAsset("text/html; charset=utf-8", "no-cache", content),
        // Scripts are cached briefly: customers' pages name the script by a fixed URL.
        ".js" => new StaticAsset("text/javascript; charset=utf-8", "public, max-age=300", content),
        ".css" => new StaticAsset("text/css; charset=utf-8", "public, max-age=300", content),
        ".svg" => new StaticAsset("image/svg+xml", "public, max-age=3600", content),
        ".png" => new StaticAsset("image/png", "public, max-age=3600", content),
        ".ico" => new StaticAsset("image/x-icon", "public, max-age=3600", content),
        _ => new StaticAsset("application/octet-stream", "public, max-age=300", content),
    };

    private static byte[] Compress(byte[] content, Func<Stream, Stream> wrap)
    {
        using var buffer = new MemoryStream();
        using (var compressor = wrap(buffer)) compressor.Write(content);
        return buffer.ToArray();
    }
}

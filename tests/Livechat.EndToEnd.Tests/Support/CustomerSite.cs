using System.Net;
using System.Text;

namespace Livechat.EndToEnd.Tests.Support;

/// <summary>
/// A customer's website on an origin of its own (http://localhost:PORT, not the backend's 127.0.0.1 origin), serving
/// one page in <paramref name="lang"/>: the embed snippet from the README, pointed at the backend under test, naming
/// the customer's <paramref name="site"/> (its brand) when given.
/// </summary>
public sealed class CustomerSite(Uri backend, string lang = "en", string? site = null) : LoopbackSite("localhost")
{
    private readonly byte[] _page = Encoding.UTF8.GetBytes($"""
        <!doctype html>
        <html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>A customer's shop</title></head>
        <body><h1>Shoes and more</h1>
        {ReadmeSnippet().Replace("https://YOUR-BACKEND", backend.ToString().TrimEnd('/'), StringComparison.Ordinal)
            .Replace("/api/widget.js\"", site is null ? "/api/widget.js\"" : $"/api/widget.js?site={site}\"", StringComparison.Ordinal)}
        </body></html>
        """);

    /// <summary>The first HTML block of the README's "Put the widget on a page": what a customer pastes.</summary>
    public static string ReadmeSnippet()
    {
        var readme = File.ReadAllText(Path.Combine(StackPaths.Root, "README.md"));
        var section = readme[readme.IndexOf("## Put the widget on a page", StringComparison.Ordinal)..];
        var start = section.IndexOf("```html\n", StringComparison.Ordinal) + "```html\n".Length;
        return section[start..section.IndexOf("```", start, StringComparison.Ordinal)];
    }

    protected override async Task AnswerAsync(HttpListenerContext context)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.OutputStream.WriteAsync(_page);
    }
}

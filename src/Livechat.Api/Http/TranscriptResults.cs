using System.Text;
using Livechat.Core.Common;
using Livechat.Core.Conversations;
using Microsoft.AspNetCore.Http;

namespace Livechat.Api.Http;

/// <summary>A transcript in the format asked for: JSON (the default), or text as a download (<c>Content-Disposition</c>).</summary>
public static class TranscriptResults
{
    public static Outcome<bool> ParseFormat(string? format) =>
        format is null or "" or "json" ? false : format == "text" ? true : Problem.Invalid("format", "json or text.");

    public static IResult Of(ConversationTranscript transcript, bool asText) => asText
        ? TypedResults.File(Encoding.UTF8.GetBytes(TranscriptText.Render(transcript)), "text/plain; charset=utf-8", $"transcript-{transcript.RoomId}.txt")
        : TypedResults.Ok(transcript);
}

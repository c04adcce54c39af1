using Livechat.Core.Attachments;
using Livechat.Core.Common;
using Microsoft.Extensions.Options;
using System.ComponentModel.DataAnnotations;

namespace Livechat.Core.Tests.Attachments;

public sealed class AttachmentLimitsTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0];
    private readonly AttachmentOptions _options = new() { MaxBytes = 1000 };

    private AttachmentLimits Limits => new(Options.Create(_options));

    [Theory]
    [InlineData("image/png", "image/png")]
    [InlineData("Image/PNG", "image/png")]
    [InlineData("text/plain; charset=utf-8", "text/plain")]
    [InlineData("application/pdf", "application/pdf")]
    public void Declare_AllowedTypeWithinTheLimit_ReturnsTheDeclarationWithANewId(string contentType, string stored)
    {
        var declared = Limits.Declare("r-1", new AttachmentRequest(" photo 1.png ", contentType, 1000));

        Assert.True(declared.IsSuccess, declared.Problem?.Detail);
        Assert.Equal(("r-1", "photo 1.png", stored, 1000L), (declared.Value!.RoomId, declared.Value.Name, declared.Value.ContentType, declared.Value.Size));
        Assert.True(Ids.IsSafe(declared.Value.AttachmentId, 64));
        Assert.NotEqual(declared.Value.AttachmentId, Limits.Declare("r-1", new AttachmentRequest("a.png", "image/png", 1)).Value!.AttachmentId);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("image/svg+xml")]
    [InlineData("application/x-msdownload")]
    [InlineData("png")]
    [InlineData(null)]
    public void Declare_TypeNotAllowed_ReturnsProblemNamingContentType(string? contentType) =>
        AssertProblem(Limits.Declare("r-1", new AttachmentRequest("a.png", contentType, 10)), ProblemKind.Validation, "contentType");

    [Fact]
    public void Declare_OverTheSizeLimit_ReturnsTooLargeNamingSize() =>
        AssertProblem(Limits.Declare("r-1", new AttachmentRequest("a.png", "image/png", 1001)), ProblemKind.TooLarge, "size");

    [Theory]
    [InlineData(null)]
    [InlineData(0L)]
    [InlineData(-5L)]
    public void Declare_NoSize_ReturnsProblemNamingSize(long? size) =>
        AssertProblem(Limits.Declare("r-1", new AttachmentRequest("a.png", "image/png", size)), ProblemKind.Validation, "size");

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    [InlineData("../etc/passwd")]
    [InlineData("a\\b.png")]
    [InlineData("quote\".png")]
    [InlineData("line\nbreak.png")]
    public void Declare_UnsafeOrMissingName_ReturnsProblemNamingName(string? name) =>
        AssertProblem(Limits.Declare("r-1", new AttachmentRequest(name, "image/png", 10)), ProblemKind.Validation, "name");

    [Fact]
    public void Declare_TypeTakenOffTheAllowList_IsRefused()
    {
        _options.AllowedContentTypes = "application/pdf";

        AssertProblem(Limits.Declare("r-1", new AttachmentRequest("a.png", "image/png", 10)), ProblemKind.Validation, "contentType");
    }

    [Fact]
    public void Check_TheDeclaredFile_ReturnsTheAttachment()
    {
        var attachment = Limits.Check(Stored(Png.Length, "image/png", Png));

        Assert.Equal(new ChatAttachment("a-1", "cat.png", "image/png", Png.Length), attachment.Value);
    }

    [Fact]
    public void Check_LargerThanDeclared_ReturnsProblemNamingSize() =>
        AssertProblem(Limits.Check(Stored(Png.Length + 1, "image/png", Png)), ProblemKind.Validation, "size");

    [Fact]
    public void Check_LargerThanTheLimit_ReturnsTooLargeNamingSize() =>
        AssertProblem(Limits.Check(Stored(5000, "image/png", Png)), ProblemKind.TooLarge, "size");

    [Fact]
    public void Check_StoredUnderAnotherType_ReturnsProblemNamingContentType() =>
        AssertProblem(Limits.Check(Stored(Png.Length, "text/html", Png)), ProblemKind.Validation, "contentType");

    [Fact]
    public void Check_HtmlUnderAnImagesType_ReturnsProblemNamingContentType()
    {
        var html = "<html><script>alert(1)</script>"u8.ToArray();

        var stored = Stored(html.Length, "image/png", html);

        AssertProblem(Limits.Check(stored with { Declared = stored.Declared with { Size = html.Length } }), ProblemKind.Validation, "contentType");
    }

    [Fact]
    public void Check_NothingUploaded_ReturnsProblemNamingAttachmentId() =>
        AssertProblem(Limits.Check(Stored(0, null, ReadOnlyMemory<byte>.Empty) with { Uploaded = false }), ProblemKind.Validation, "attachmentId");

    [Theory]
    [InlineData("text/plain", "plain words", true)]
    [InlineData("text/plain", "  <html>", false)]
    [InlineData("application/pdf", "%PDF-1.4", true)]
    [InlineData("application/pdf", "PK\u0003\u0004", false)]
    [InlineData("image/gif", "GIF89a", true)]
    [InlineData("image/webp", "RIFF\0\0\0\0WEBPVP8 ", true)]
    [InlineData("image/webp", "RIFF\0\0\0\0WAVEfmt ", false)]
    public void ContentSniffer_FirstBytes_MatchTheirType(string contentType, string head, bool matches) =>
        Assert.Equal(matches, ContentSniffer.Matches(contentType, System.Text.Encoding.Latin1.GetBytes(head)));

    [Fact]
    public void Options_TypeWhoseContentCannotBeChecked_FailValidation()
    {
        var options = new AttachmentOptions { AllowedContentTypes = "image/png,text/html" };

        var errors = options.Validate(new ValidationContext(options)).ToList();

        Assert.Contains(errors, e => e.ErrorMessage!.Contains("text/html", StringComparison.Ordinal));
    }

    private static StoredFile Stored(long size, string? contentType, ReadOnlyMemory<byte> head) =>
        new(new DeclaredAttachment("r-1", "a-1", "cat.png", "image/png", Png.Length), Uploaded: true, size, contentType, head);

    private static void AssertProblem<T>(Outcome<T> outcome, ProblemKind kind, string field)
    {
        Assert.False(outcome.IsSuccess);
        Assert.Equal(kind, outcome.Problem!.Kind);
        Assert.Equal([field], outcome.Problem.Errors!.Keys);
    }
}

using Livechat.Core.Common;

namespace Livechat.Core.Branding;

/// <summary>
/// The dashboard's brand calls: one brand per site, replaced whole by a PUT (the last save wins, as a PUT means).
/// Everything is checked before anything is written, and an accent colour white text cannot be read on is refused.
/// </summary>
public sealed class BrandAdminHandler(IBrandStore brands, BrandDirectory directory, TimeProvider time)
{
    /// <summary>The site of a snippet that names none.</summary>
    public const string DefaultSite = "default";

    public const int MaxTitleLength = 60;
    public const int MaxTeamNameLength = 60;
    public const int MaxReplyTimeLength = 80;
    public const int MaxAvatarUrlLength = 500;

    public async Task<Outcome<BrandList>> ListAsync(CancellationToken cancellationToken) =>
        new BrandList((await brands.ListAsync(cancellationToken)).OrderBy(b => b.SiteId, StringComparer.Ordinal).ToList());

    public async Task<Outcome<Brand>> GetAsync(string siteId, CancellationToken cancellationToken) =>
        IsSiteId(siteId) && await brands.GetAsync(siteId, cancellationToken) is { } brand ? brand : Problem.NotFound($"The brand of site '{siteId}'", "siteId");

    public async Task<Outcome<Brand>> PutAsync(string siteId, BrandDefinition definition, CancellationToken cancellationToken)
    {
        if (!IsSiteId(siteId)) return Problem.Invalid("siteId", "1 to 32 lowercase letters, digits or '-'.");
        if (Validate(definition) is { } problem) return problem;
        var brand = new Brand(
            siteId,
            Text(definition.Title),
            Text(definition.AccentColor)?.ToLowerInvariant(),
            Text(definition.LauncherPosition),
            Text(definition.TeamName),
            Text(definition.AvatarUrl),
            Text(definition.ReplyTime),
            time.GetUtcNow());
        await brands.SaveAsync(brand, cancellationToken);
        directory.Forget(siteId);
        return brand;
    }

    public async Task<Outcome<BrandDeleted>> DeleteAsync(string siteId, CancellationToken cancellationToken)
    {
        if (!IsSiteId(siteId) || !await brands.DeleteAsync(siteId, cancellationToken))
            return Problem.NotFound($"The brand of site '{siteId}'", "siteId");
        directory.Forget(siteId);
        return new BrandDeleted(siteId);
    }

    /// <summary>Site ids travel in the snippet's URL and are table keys: a short, plain alphabet.</summary>
    public static bool IsSiteId(string? siteId) =>
        siteId is { Length: >= 1 and <= 32 } && siteId.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private static Problem? Validate(BrandDefinition d)
    {
        if (TooLongOrControl(d.Title, MaxTitleLength)) return Problem.Invalid("title", $"At most {MaxTitleLength} characters, no control characters.");
        if (TooLongOrControl(d.TeamName, MaxTeamNameLength)) return Problem.Invalid("teamName", $"At most {MaxTeamNameLength} characters, no control characters.");
        if (TooLongOrControl(d.ReplyTime, MaxReplyTimeLength)) return Problem.Invalid("replyTime", $"At most {MaxReplyTimeLength} characters, no control characters.");
        if (Text(d.AccentColor) is { } accent)
        {
            if (ContrastRatio.ParseHex(accent) is not { } rgb) return Problem.Invalid("accentColor", "A colour as #rrggbb.");
            var ratio = ContrastRatio.AgainstWhite(rgb);
            if (ratio < ContrastRatio.MinimumForText)
                return Problem.Invalid("accentColor", $"White text on {accent} has a contrast of {ratio:0.00}:1; at least {ContrastRatio.MinimumForText}:1 is needed (WCAG AA). Choose a darker colour.");
        }
        if (Text(d.LauncherPosition) is { } side && side is not ("left" or "right")) return Problem.Invalid("launcherPosition", "'left' or 'right'.");
        if (Text(d.AvatarUrl) is { } avatar &&
            (avatar.Length > MaxAvatarUrlLength || !Uri.TryCreate(avatar, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || !string.IsNullOrEmpty(uri.UserInfo)))
            return Problem.Invalid("avatarUrl", $"An https URL of at most {MaxAvatarUrlLength} characters.");
        return null;
    }

    private static bool TooLongOrControl(string? value, int max) => Text(value) is { } text && (text.Length > max || text.Any(char.IsControl));

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

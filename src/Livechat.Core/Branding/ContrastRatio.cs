using System.Globalization;

namespace Livechat.Core.Branding;

/// <summary>
/// WCAG 2.2's contrast ratio between two sRGB colours (1 to 21). The widget writes white text on the accent colour,
/// so an accent under <see cref="MinimumForText"/> against white would fail success criterion 1.4.3 on every page.
/// </summary>
public static class ContrastRatio
{
    /// <summary>AA for normal-size text.</summary>
    public const double MinimumForText = 4.5;

    /// <summary>Parses <c>#rrggbb</c>; null for anything else.</summary>
    public static (int R, int G, int B)? ParseHex(string? color)
    {
        if (color is not { Length: 7 } || color[0] != '#' || !color.Skip(1).All(char.IsAsciiHexDigit)) return null;
        int Channel(int at) => int.Parse(color.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return (Channel(1), Channel(3), Channel(5));
    }

    public static double Between((int R, int G, int B) a, (int R, int G, int B) b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    public static double AgainstWhite((int R, int G, int B) color) => Between(color, (255, 255, 255));

    private static double Luminance((int R, int G, int B) c) => 0.2126 * Linear(c.R) + 0.7152 * Linear(c.G) + 0.0722 * Linear(c.B);

    private static double Linear(int channel)
    {
        var s = channel / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
    }
}

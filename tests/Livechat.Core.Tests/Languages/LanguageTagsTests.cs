using Livechat.Core.Languages;

namespace Livechat.Core.Tests.Languages;

public sealed class LanguageTagsTests
{
    [Theory]
    [InlineData("de")]
    [InlineData("de-CH")]
    [InlineData("zh-Hant-TW")]
    [InlineData("es-419")]
    [InlineData("sl-rozaj")]
    [InlineData("gsw")]
    public void IsValid_WellFormedTag_IsTrue(string tag) => Assert.True(LanguageTags.IsValid(tag));

    [Theory]
    [InlineData("")]
    [InlineData("d")]
    [InlineData("german")]
    [InlineData("de_CH")]
    [InlineData("de-")]
    [InlineData("de CH")]
    [InlineData("x-private")]
    [InlineData("<script>")]
    public void IsValid_MalformedTag_IsFalse(string tag) => Assert.False(LanguageTags.IsValid(tag));

    [Fact]
    public void IsValid_TooLong_IsFalse() => Assert.False(LanguageTags.IsValid("de-" + string.Join('-', Enumerable.Repeat("abcdefgh", 5))));

    [Theory]
    [InlineData("DE-ch", "de-CH")]
    [InlineData("zh-hant-tw", "zh-Hant-TW")]
    [InlineData("ES-419", "es-419")]
    public void Normalize_AnyCase_GivesTheUsualCase(string tag, string expected) => Assert.Equal(expected, LanguageTags.Normalize(tag));

    [Fact]
    public void Primary_RegionalTag_IsItsLanguage() => Assert.Equal("de", LanguageTags.Primary("DE-AT"));
}

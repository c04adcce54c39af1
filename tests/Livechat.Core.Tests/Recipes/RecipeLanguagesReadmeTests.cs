using Livechat.Core.Common;
using Livechat.Core.Recipes;
using System.Text.Json;

namespace Livechat.Core.Tests.Recipes;

/// <summary>The README's recipe with texts in several languages is what it says: valid, and spoken as it says.</summary>
public sealed class RecipeLanguagesReadmeTests
{
    private static Recipe ReadmeExample()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "README.md"))) dir = dir.Parent;
        var readme = File.ReadAllText(Path.Combine(dir!.FullName, "README.md"));
        var section = readme[readme.IndexOf("### Texts in several languages", StringComparison.Ordinal)..];
        var start = section.IndexOf("```json\n", StringComparison.Ordinal) + "```json\n".Length;
        var definition = JsonSerializer.Deserialize<RecipeDefinition>(section[start..section.IndexOf("```", start, StringComparison.Ordinal)], LivechatJson.Options)!;
        return definition.ToRecipe(definition.Id!);
    }

    [Fact]
    public void ReadmeExample_IsValid() => Assert.Null(RecipeValidator.Validate(ReadmeExample()));

    [Fact]
    public void ReadmeExample_SwissGermanVisitor_GetsTheSwissTextAndTheGermanLabels()
    {
        var step = RecipeInterpreter.Start(ReadmeExample(), FlowVariables.Empty with { Language = "de-CH" });
        Assert.Equal(["Hallo! Willkommen im Schuhladen.", "Wie chönd mir hälfe?"], step.Messages.Select(m => m.Text));
        Assert.Equal(["Preise", "Rücksendung"], step.Messages[1].Buttons.Select(b => b.Label));
    }

    [Fact]
    public void ReadmeExample_FrenchVisitor_GetsTheFrenchGreetingThenTheDefaultMenu()
    {
        var step = RecipeInterpreter.Start(ReadmeExample(), FlowVariables.Empty with { Language = "fr" });
        Assert.Equal(["Bonjour ! Bienvenue dans notre magasin de chaussures.", "How can we help?"], step.Messages.Select(m => m.Text));
        Assert.Equal(["Prices", "Returns"], step.Messages[1].Buttons.Select(b => b.Label));
    }
}

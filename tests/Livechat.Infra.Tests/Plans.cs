namespace Livechat.Infra.Tests;

/// <summary>Theory data: every hosting plan the template offers.</summary>
public sealed class Plans : TheoryData<string>
{
    public Plans()
    {
        Add("FlexConsumption");
        Add("WindowsConsumption");
    }
}

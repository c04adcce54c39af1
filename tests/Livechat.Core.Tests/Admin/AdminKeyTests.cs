using Livechat.Core.Admin;
using Livechat.Core.Common;
using Microsoft.Extensions.Options;

namespace Livechat.Core.Tests.Admin;

public sealed class AdminKeyTests
{
    private const string Key = "unit-test-admin-key-0123456789abcdef";

    [Fact]
    public void Check_TheKey_ReturnsNull()
    {
        Assert.Null(Create().Check(Key));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("unit-test-admin-key-0123456789abcdeF")]
    [InlineData("unit-test-admin-key-0123456789abcde")]
    [InlineData("unit-test-admin-key-0123456789abcdef ")]
    public void Check_AnythingElse_IsUnauthorized(string? presented)
    {
        var problem = Create().Check(presented);

        Assert.NotNull(problem);
        Assert.Equal(ProblemKind.Unauthorized, problem.Kind);
    }

    private static AdminKey Create() => new(Options.Create(new AdminOptions { ApiKey = Key }));
}

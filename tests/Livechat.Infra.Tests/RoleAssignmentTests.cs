using System.Text.Json;

namespace Livechat.Infra.Tests;

[Collection(InfraCollection.Name)]
public sealed class RoleAssignmentTests(InfraFixture infra)
{
    public static TheoryData<string, string, string> ExpectedAssignments => new()
    {
        { "Storage Blob Data Owner", RoleIds.StorageBlobDataOwner, "Microsoft.Storage/storageAccounts" },
        { "Storage Queue Data Contributor", RoleIds.StorageQueueDataContributor, "Microsoft.Storage/storageAccounts" },
        { "Storage Table Data Contributor", RoleIds.StorageTableDataContributor, "Microsoft.Storage/storageAccounts" },
        { "SignalR App Server", RoleIds.SignalRAppServer, "Microsoft.SignalRService/signalR" },
        { "Monitoring Metrics Publisher", RoleIds.MonitoringMetricsPublisher, "Microsoft.Insights/components" },
    };

    [Theory]
    [MemberData(nameof(ExpectedAssignments))]
    public void RoleAssignment_Default_GrantsRoleToTheAppIdentityOnItsResource(string role, string roleId, string scopeType)
    {
        var snapshot = infra.Flex;
        var scopeId = snapshot.Single(scopeType).Str("id");
        var principal = snapshot.IdentityReference("principalId");

        var assignments = RoleAssignments(snapshot)
            .Where(a => a.Str("properties.roleDefinitionId").EndsWith($"/roleDefinitions/{roleId}", StringComparison.Ordinal))
            .ToList();

        Assert.True(assignments.Count == 1, $"{role}: expected one assignment of role {roleId}, found {assignments.Count}.");
        var assignment = assignments[0];
        Assert.Equal(
            $"/subscriptions/{InfraFixture.SubscriptionId}/providers/Microsoft.Authorization/roleDefinitions/{roleId}",
            assignment.Str("properties.roleDefinitionId"));
        Assert.Equal($"[{principal}]", assignment.Str("properties.principalId"));
        Assert.Equal("ServicePrincipal", assignment.Str("properties.principalType"));
        Assert.Equal($"[guid('{scopeId}', {principal}, '{roleId}')]", assignment.Str("name"));
        Assert.StartsWith($"[extensionResourceId('{scopeId}', 'Microsoft.Authorization/roleAssignments',", assignment.Str("id"));
    }

    [Theory]
    [ClassData(typeof(Plans))]
    public void RoleAssignments_AnyPlan_AreExactlyTheFiveDataPlaneRoles(string plan)
    {
        var roleIds = RoleAssignments(infra.SnapshotFor(plan))
            .Select(a => a.Str("properties.roleDefinitionId").Split('/')[^1])
            .Order()
            .ToList();

        Assert.Equal(
            new[]
            {
                RoleIds.StorageBlobDataOwner, RoleIds.StorageQueueDataContributor, RoleIds.StorageTableDataContributor,
                RoleIds.SignalRAppServer, RoleIds.MonitoringMetricsPublisher,
            }.Order(),
            roleIds);
    }

    private static IEnumerable<JsonElement> RoleAssignments(DeploymentSnapshot snapshot) =>
        snapshot.OfType("Microsoft.Authorization/roleAssignments");
}

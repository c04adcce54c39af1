using Livechat.Core.Attachments;
using Livechat.Core.Privacy;
using Moq;

namespace Livechat.Core.Tests.Privacy;

public sealed class PersonalDataEraserTests
{
    [Fact]
    public async Task EraseAsync_StopsEveryRoomBeforeAnyRowGoes_PurgesAfter()
    {
        var calls = new List<string>();
        var histories = new Mock<IRoomHistories>();
        histories.Setup(h => h.StopAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).Callback((string r, CancellationToken _) => calls.Add("stop " + r)).Returns(Task.CompletedTask);
        histories.Setup(h => h.PurgeAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).Callback((string r, CancellationToken _) => calls.Add("purge " + r)).ReturnsAsync(1);
        var files = new Mock<IAttachmentStore>();
        files.Setup(f => f.DeleteRoomAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).Callback((string r, CancellationToken _) => calls.Add("files " + r)).Returns(Task.CompletedTask);
        var holder = new Mock<IPersonalDataHolder>();
        holder.SetupGet(h => h.Name).Returns("Rooms");
        holder.Setup(h => h.EraseAsync(It.IsAny<SubjectScope>(), It.IsAny<CancellationToken>())).Callback(() => calls.Add("rows")).ReturnsAsync(7);

        var counts = await new PersonalDataEraser([holder.Object], histories.Object, files.Object).EraseAsync(SubjectScope.OfRooms(["r-1", "r-2"]), CancellationToken.None);

        Assert.Equal(["stop r-1", "stop r-2", "rows", "files r-1", "purge r-1", "files r-2", "purge r-2"], calls);
        Assert.Equal(7, counts["Rooms"]);
        Assert.Equal(2, counts[PersonalDataEraser.OrchestrationsCount]);
    }
}

using System.IO.Compression;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Livechat.EndToEnd.Tests.Support;

/// <summary>
/// Every place in Azurite that mentions one of some strings: every table's rows (the app's and the task hubs'),
/// every queue's waiting messages, every blob (gzip-compressed ones, like the task hub's large messages, unpacked).
/// </summary>
public static class AzuriteScan
{
    private const string ConnectionString = "UseDevelopmentStorage=true";
    private const long MaxBlobBytes = 4 * 1024 * 1024;

    public static async Task<List<string>> FindAsync(IReadOnlyCollection<string> needles)
    {
        var found = new List<string>();
        var tables = new TableServiceClient(ConnectionString);
        await foreach (var table in tables.QueryAsync())
        await foreach (var row in tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
        {
            var text = string.Join("|", row.Select(p => p.Key + "=" + p.Value));
            foreach (var needle in needles.Where(n => text.Contains(n, StringComparison.Ordinal)))
                found.Add($"table {table.Name} {row.PartitionKey}/{row.RowKey}: {needle}");
        }

        var queues = new QueueServiceClient(ConnectionString);
        await foreach (var queue in queues.GetQueuesAsync())
        {
            var peeked = await queues.GetQueueClient(queue.Name).PeekMessagesAsync(32);
            foreach (var message in peeked.Value)
            {
                var text = message.Body.ToString() + Decoded(message.Body.ToString());
                foreach (var needle in needles.Where(n => text.Contains(n, StringComparison.Ordinal)))
                    found.Add($"queue {queue.Name} {message.MessageId}: {needle}");
            }
        }

        var blobs = new BlobServiceClient(ConnectionString);
        await foreach (var container in blobs.GetBlobContainersAsync())
        {
            var client = blobs.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync())
            {
                if (blob.Properties.ContentLength > MaxBlobBytes) continue;
                byte[] bytes;
                try
                {
                    bytes = (await client.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
                }
                catch (global::Azure.RequestFailedException)
                {
                    continue; // Deleted meanwhile (another test's host).
                }
                var text = Encoding.UTF8.GetString(Unpacked(bytes)) + blob.Name;
                foreach (var needle in needles.Where(n => text.Contains(n, StringComparison.Ordinal)))
                    found.Add($"blob {container.Name}/{blob.Name}: {needle}");
            }
        }
        return found;
    }

    private static byte[] Unpacked(byte[] bytes)
    {
        if (bytes.Length < 2 || bytes[0] != 0x1f || bytes[1] != 0x8b) return bytes;
        try
        {
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var output = new MemoryStream();
            gzip.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return bytes;
        }
    }

    private static string Decoded(string text)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            return "";
        }
    }
}

using Livechat.Functions;
using Microsoft.Extensions.Hosting;

LivechatWorker.CreateBuilder().Build().Run();

using CompassionBot.BotFramework;
using CompassionBot.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddBotCore();
builder.Services.AddBotFramework(builder.Configuration);

var app = builder.Build();
app.MapBotFrameworkEndpoints();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory.</summary>
public partial class Program;

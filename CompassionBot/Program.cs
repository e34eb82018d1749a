using CompassionBot.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddBotCore();

var app = builder.Build();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory.</summary>
public partial class Program;

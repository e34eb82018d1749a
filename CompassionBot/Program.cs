using CompassionBot.BotFramework;
using CompassionBot.CheckIns;
using CompassionBot.Cli;
using CompassionBot.Clinicians;
using CompassionBot.Clinicians.Console;
using CompassionBot.Clinicians.EntraId;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.Understanding;
using CompassionBot.DirectLine;
using CompassionBot.Hosting;
using CompassionBot.Operations;
using CompassionBot.Safety;
using CompassionBot.Sms;
using CompassionBot.Storage;
using CompassionBot.Terminal;

var (verb, configurationArgs) = VerbRunner.Split(args);
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = configurationArgs, ContentRootPath = AppContext.BaseDirectory });
builder.Logging.KeepRequestUrlsOutOfLogs();
builder.Services.AddProblemResponses();
builder.Services.AddCompassionStorage(builder.Configuration);
builder.Services.AddBotCore();
builder.Services.AddCrisisDetection();
builder.Services.AddCrisisFlow();
builder.Services.AddCompassionBot();
builder.Services.AddBotFramework(builder.Configuration);
builder.Services.AddDirectLine();
builder.Services.AddWebChat();
builder.Services.AddSms();
builder.Services.AddCheckIns();
builder.Services.AddClinicians();
builder.Services.AddClinicConsole();
builder.Services.AddEntraIdSignIn(builder.Configuration);
builder.Services.AddOperations(builder.Configuration);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseClinicConsoleErrorPages();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseWebSockets();
app.UseCors();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

app.MapBotFrameworkEndpoints();
app.MapDirectLine();
app.MapWebChat();
app.MapSms();
app.MapClinicians();
app.MapClinicConsole();
app.MapEntraIdSignIn();
app.MapOperations();

return verb switch
{
    "chat" => await ChatVerb.RunAsync(app.Services, Console.In, Console.Out, CancellationToken.None),
    "classify" => await ClassifyVerb.RunConsoleAsync(app.Services.GetRequiredService<ICrisisScreen>(), app.Services.GetRequiredService<ISentenceEncoder>(), CancellationToken.None),
    _ => await app.RunServiceAsync(),
};

/// <summary>Entry point, visible to WebApplicationFactory.</summary>
public partial class Program;

using Huiqi.Web.Apis;

// 惠企 on the web: the registry and the engine behind Razor Pages in Chinese and a JSON API.
// Registration lives in Extensions/; this file is the table of contents.
var builder = WebApplication.CreateBuilder(args);

builder.AddHuiqiLogging();
builder.AddHuiqiRegistry();
builder.AddHuiqiAccounts();
builder.AddHuiqiWeb();
builder.AddHuiqiBatchJobs();
builder.AddHuiqiCases();
builder.AddHuiqiSimulation();
builder.AddHuiqiSupervision();

var app = builder.Build();

await app.PrepareDatabaseAsync();

app.UseHuiqiPipeline();
app.MapHuiqiHealth();
app.MapEvaluationApi();
app.MapEnterprisesApi();
app.MapSessionApi();
app.MapCasesApi();
app.MapHuiqiPages();
app.PrintBannerWhenStarted();

await app.RunAsync();

using Attest.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddAttest();
var app = builder.Build();
await app.PrepareAsync();
app.UseAttest();
await app.StartAsync();
app.PrintWelcome();
await app.WaitForShutdownAsync();

/// <summary>Entry point; public so integration tests can host the app.</summary>
public partial class Program;

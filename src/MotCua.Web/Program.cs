using MotCua.Web;
using MotCua.Web.Infrastructure.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddMotCua();

var app = builder.Build();
if (await app.RunCommandAsync(args) is { } exitCode) return exitCode;
app.UseMotCua();
await app.InitializeDatabaseAsync();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so the tests' WebApplicationFactory can host it.</summary>
public partial class Program;

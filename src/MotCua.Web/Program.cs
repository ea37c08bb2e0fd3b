using MotCua.Web;
using MotCua.Web.Infrastructure.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddMotCua();

var app = builder.Build();
app.UseMotCua();
await app.InitializeDatabaseAsync();
await app.RunAsync();

/// <summary>Entry point; public so the tests' WebApplicationFactory can host it.</summary>
public partial class Program;

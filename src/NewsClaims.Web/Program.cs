using NewsClaims.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddNewsClaimsLogging();
builder.UseLocalPostgresWhenUnconfigured();
builder.AddNewsClaimsServices();

var app = builder.Build();

app.UseNewsClaimsPipeline();
await app.PrepareDatabaseAsync();
await app.RunAsync();

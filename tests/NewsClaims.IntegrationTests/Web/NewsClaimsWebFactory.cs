using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace NewsClaims.IntegrationTests.Web;

/// <summary>The real site, configured only with the connection string of a test database.</summary>
public sealed class NewsClaimsWebFactory(string connectionString) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Not Development: start-up must neither migrate nor load demo data unless the test asks for it.
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:NewsClaims", connectionString);
        // Serve the project's static web assets from source, as Development does.
        builder.UseStaticWebAssets();
    }
}

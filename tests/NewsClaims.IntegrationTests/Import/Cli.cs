using System.Diagnostics;

namespace NewsClaims.IntegrationTests.Import;

/// <summary>Runs the built <c>newsclaims</c> command as its own process, as a user would.</summary>
internal static class Cli
{
    public static string DllPath()
    {
        // .../tests/NewsClaims.IntegrationTests/bin/<Configuration>/net10.0/ → the CLI built in the same configuration.
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent!.Name;
        var dll = Path.Combine(ImportTestKit.RepositoryRoot(), "src", "NewsClaims.Cli", "bin", configuration, framework.Name, "newsclaims.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the CLI first (the test project references it).", dll);
    }

    public static Process Start(string connectionString, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(DllPath());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ConnectionStrings__NewsClaims"] = connectionString;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
    }

    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string connectionString, params string[] args)
    {
        using var process = Start(connectionString, null, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }
}

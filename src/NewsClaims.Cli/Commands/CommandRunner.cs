using System.CommandLine;

namespace NewsClaims.Cli.Commands;

/// <summary>Thrown for bad usage or bad input: the message is printed as one line and the exit code is 2.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>
/// Runs the root command with the exit codes of the contract: 0 on success, 2 on bad usage or bad input (one line
/// on stderr), 1 on any other failure.
/// </summary>
public static class CommandRunner
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadUsage = 2;

    public static int Invoke(RootCommand root, string[] args)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            Console.Error.WriteLine($"newsclaims: {parse.Errors[0].Message}");
            return BadUsage;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"newsclaims: {e.Message}");
            return BadUsage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"newsclaims: {e.Message}");
            return e is FileNotFoundException or DirectoryNotFoundException ? BadUsage : Failure;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"newsclaims: {e.GetType().Name}: {e.Message}");
            return Failure;
        }
    }
}

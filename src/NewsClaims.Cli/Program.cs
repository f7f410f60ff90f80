using System.CommandLine;
using NewsClaims.Cli.Commands;

var root = new RootCommand("newsclaims: who said what, where and when in news articles")
{
    ExtractCommand.Create(),
    EvalCommand.Create(),
    BenchmarkCommand.Create(),
    DbCommand.Create(),
    ImportCommand.Create(),
    ReextractCommand.Create(),
    GenerateCommand.Create(),
};

return CommandRunner.Invoke(root, args);

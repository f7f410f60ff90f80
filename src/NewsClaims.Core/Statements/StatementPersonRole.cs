namespace NewsClaims.Core.Statements;

/// <summary>How a person other than the speaker figures in a statement.</summary>
public enum StatementPersonRole
{
    /// <summary>Spoken to ("urges him to read ...").</summary>
    Addressee,

    /// <summary>Spoken about ("calls Rutte intelligent").</summary>
    Subject,
}

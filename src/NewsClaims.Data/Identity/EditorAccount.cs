using Microsoft.AspNetCore.Identity;

namespace NewsClaims.Data.Identity;

/// <summary>An editor's sign-in. Reading the site needs no account; reviewing, claims and annotations do.</summary>
public class EditorAccount : IdentityUser
{
    /// <summary>Shown next to reviews and annotations instead of the e-mail address.</summary>
    public string DisplayName { get; set; } = "";
}

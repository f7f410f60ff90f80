namespace NewsClaims.Data.Identity;

/// <summary>The two roles, seeded by the Initial migration so they exist before any account does.</summary>
public static class NewsClaimsRoles
{
    public const string Editor = "Editor";
    public const string Admin = "Admin";

    internal const string EditorId = "4f1b0c1e-6d2a-4c55-9d0e-2f6a3b7c8d01";
    internal const string AdminId = "9a7e5d3c-1b2f-4e60-8a9d-0c1b2a3f4e02";
}

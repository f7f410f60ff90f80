using System.Security.Cryptography;
using System.Text;

namespace NewsClaims.Core.Common;

/// <summary>SHA-256 of a body's UTF-8 bytes, as 64 lowercase hex digits: the duplicate check on import.</summary>
public static class ContentHash
{
    public static string Of(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
    }
}

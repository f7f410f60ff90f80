using System.Globalization;
using System.Text;

namespace NewsClaims.Data.Review;

/// <summary>Keyset position in the review queue (confidence, id), opaque to clients.</summary>
internal sealed record ReviewCursor(double Confidence, long Id)
{
    public string Encode() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Confidence.ToString("R", CultureInfo.InvariantCulture)}|{Id.ToString(CultureInfo.InvariantCulture)}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static ReviewCursor? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 200)
        {
            return null;
        }

        try
        {
            var base64 = value.Trim().Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Split('|');
            return parts.Length == 2
                   && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var confidence)
                   && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? new ReviewCursor(confidence, id)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
